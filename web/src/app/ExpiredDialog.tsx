import { useQueryClient } from '@tanstack/react-query';
import { Modal } from 'antd';
import { session } from '../api/client';
import { useMe } from '../auth/me';
import { SignInForm } from '../components/SignInForm';
import { useStore } from '../lib/store';

/** The session ended while the officer worked: sign in again over the page, keeping what was typed. */
export default function ExpiredDialog() {
  const { status } = useStore(session);
  const me = useMe().data;
  const client = useQueryClient();
  return (
    <Modal
      open={status === 'expired'}
      title="Phiên làm việc đã hết hạn"
      footer={null}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
    >
      <p>Đăng nhập lại để tiếp tục. Những gì bạn đang nhập trên trang vẫn được giữ nguyên.</p>
      <SignInForm
        email={me?.email}
        onSignedIn={() => {
          void client.invalidateQueries();
        }}
      />
    </Modal>
  );
}
