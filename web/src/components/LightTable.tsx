import type { CSSProperties, ReactNode } from 'react';

export interface LightColumn<T> {
  title: string;
  render: (row: T) => ReactNode;
}

const cell: CSSProperties = {
  padding: '8px',
  borderBottom: '1px solid #f0f0f0',
  textAlign: 'left',
  verticalAlign: 'top',
};
const head: CSSProperties = { ...cell, background: '#fafafa', fontWeight: 600 };

/**
 * A plain HTML table for a page's first paint (the case page: its deadlines and documents), where
 * antd's Table — its chunk, and its measuring on every render — costs more than a few rows are worth.
 * The same focusable, named region as ScrollTable, so it scrolls sideways on a phone by keyboard too.
 */
export function LightTable<T>({
  label,
  rows,
  rowKey,
  columns,
  minWidth = 720,
}: {
  label: string;
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: LightColumn<T>[];
  minWidth?: number;
}) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <table style={{ width: '100%', minWidth, borderCollapse: 'collapse', fontSize: 14 }}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.title} scope="col" style={head}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.title} style={cell}>
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
