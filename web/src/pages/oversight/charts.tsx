import type { CSSProperties, ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * Charts as HTML: each bar is a link to the list behind it (keyboard: Tab, Enter), its value printed
 * beside it, so colour is never the only carrier and screen readers read "label: value". No chart
 * library: a few hundred bytes instead of hundreds of kilobytes, and nothing to make accessible.
 */

export interface Bar {
  key: string;
  label: string;
  value: number;
  to?: string;
  colour?: string;
}

/** Horizontal bars, longest first as given; the label on the left, the value on the right. */
export function BarList({ bars, label, empty }: { bars: Bar[]; label: string; empty: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  if (bars.length === 0) return <p style={{ margin: 0 }}>{empty}</p>;
  return (
    <ul aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 6 }}>
      {bars.map((b) => {
        const content = (
          <>
            <span style={{ flex: '0 0 40%', minWidth: 0, overflowWrap: 'anywhere' }}>{b.label}</span>
            <span aria-hidden="true" style={{ flex: 1, background: '#f0f0f0', height: 14, borderRadius: 2 }}>
              <span
                style={{
                  display: 'block',
                  height: '100%',
                  width: `${(b.value / max) * 100}%`,
                  background: b.colour ?? '#0b57d0',
                  borderRadius: 2,
                }}
              />
            </span>
            <span style={{ flex: '0 0 4em', textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
              {b.value.toLocaleString('vi-VN')}
            </span>
          </>
        );
        const row: CSSProperties = { display: 'flex', alignItems: 'center', gap: 8 };
        return (
          <li key={b.key} data-bar={b.key} data-value={b.value}>
            {b.to && b.value > 0 ? (
              <Link to={b.to} style={row}>
                {content}
              </Link>
            ) : (
              <span style={row}>{content}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export interface Column {
  key: string;
  /** Printed under the column (short: "12"). */
  label: string;
  /** Read out with each segment ("12/2026"). */
  name: string;
  /** Stacked segments, bottom first. */
  segments: Array<{ key: string; label: string; value: number; colour: string; to?: string }>;
  /** Printed above the column (the total, or a rate). */
  caption: string;
  /** Height of the column as a share of the tallest, 0…1 (defaults to the sum of segments / max). */
  share?: number;
}

/** Vertical stacked columns (months), each segment a link; the caption printed above. */
export function Columns({ columns, label, legend }: { columns: Column[]; label: string; legend: ReactNode }) {
  const sums = columns.map((c) => c.segments.reduce((s, x) => s + x.value, 0));
  const max = Math.max(1, ...sums);
  const height = 160;
  return (
    <div>
      <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
        <ol
          style={{
            listStyle: 'none',
            margin: 0,
            padding: 0,
            display: 'grid',
            gridTemplateColumns: `repeat(${columns.length}, minmax(22px, 1fr))`,
            gap: 3,
            alignItems: 'end',
            minWidth: columns.length * 25,
          }}
        >
          {columns.map((c, i) => {
            const share = c.share ?? sums[i] / max;
            const total = sums[i] || 1;
            return (
              <li
                key={c.key}
                data-column={c.key}
                style={{ display: 'flex', flexDirection: 'column', gap: 2 }}
              >
                <span style={{ fontSize: 12, textAlign: 'center', fontVariantNumeric: 'tabular-nums' }}>
                  {c.caption}
                </span>
                <span
                  style={{
                    height,
                    display: 'flex',
                    flexDirection: 'column-reverse',
                    justifyContent: 'flex-start',
                  }}
                >
                  {c.segments.map((s) => {
                    const h = Math.max(s.value > 0 ? 3 : 0, (s.value / total) * share * height);
                    const style: CSSProperties = { display: 'block', height: h, background: s.colour };
                    const name = `${s.label} ${c.name}: ${s.value.toLocaleString('vi-VN')}`;
                    return s.to && s.value > 0 ? (
                      <Link key={s.key} to={s.to} style={style} aria-label={name} title={name} />
                    ) : (
                      <span key={s.key} style={style} title={name} />
                    );
                  })}
                </span>
                <span style={{ fontSize: 12, textAlign: 'center' }}>{c.label}</span>
              </li>
            );
          })}
        </ol>
      </div>
      <div style={{ marginTop: 8, fontSize: 13 }}>{legend}</div>
    </div>
  );
}

export function Swatch({ colour, children }: { colour: string; children: ReactNode }) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4, marginRight: 12 }}>
      <span
        aria-hidden="true"
        style={{ width: 12, height: 12, background: colour, display: 'inline-block' }}
      />
      {children}
    </span>
  );
}
