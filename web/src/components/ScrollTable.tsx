import { Table, type TableProps } from 'antd';

/**
 * A table that scrolls sideways on a phone inside a focusable, named region (keyboard users can scroll
 * it; axe's scrollable-region-focusable).
 */
export function ScrollTable<T extends object>({
  label,
  minWidth = 720,
  ...props
}: TableProps<T> & { label: string; minWidth?: number }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table<T> {...props} style={{ minWidth, ...props.style }} />
    </div>
  );
}
