import { Table, type TableProps } from 'antd';

/**
 * A table that scrolls sideways on a phone inside a focusable, named region (keyboard users can scroll
 * it; axe's scrollable-region-focusable).
 */
export function ScrollTable<T extends object>({ label, ...props }: TableProps<T> & { label: string }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table<T> {...props} />
    </div>
  );
}
