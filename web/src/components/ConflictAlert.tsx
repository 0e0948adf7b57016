import { Alert, Button } from 'antd';

/**
 * A 409 version conflict: someone changed the record since it was opened. What the officer typed stays
 * in the form; "tải lại và làm lại" fetches the current record and keeps the typed text.
 */
export function ConflictAlert({ onReload }: { onReload: () => void }) {
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="conflict"
      style={{ marginBottom: 16 }}
      title="Bản ghi vừa được người khác thay đổi"
      description={
        <>
          <p style={{ margin: '0 0 8px' }}>
            Nội dung bạn đã nhập vẫn được giữ bên dưới. Bấm “Tải lại và làm lại” để lấy bản mới nhất, kiểm tra
            rồi lưu lại.
          </p>
          <Button onClick={onReload} type="primary">
            Tải lại và làm lại
          </Button>
        </>
      }
    />
  );
}
