import { useEffect, type ReactNode } from 'react';

/** The page's one h1, and the browser tab's title. */
export function PageTitle({ children, extra }: { children: string; extra?: ReactNode }) {
  useEffect(() => {
    document.title = `${children} — Tiếp dân`;
  }, [children]);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, marginBottom: 16 }}>
      <h1 style={{ fontSize: 24, fontWeight: 600, margin: 0, flex: 1 }}>{children}</h1>
      {extra}
    </div>
  );
}
