import { Spin } from 'antd';

export function Loading() {
  return (
    <div role="status" aria-live="polite" style={{ padding: 48, textAlign: 'center' }}>
      <Spin /> <span style={{ marginLeft: 8 }}>Đang tải…</span>
    </div>
  );
}
