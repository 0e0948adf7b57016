import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { IdentityPanel } from './IdentityPanel';
import { letterPageQuery } from './letter-access';

/**
 * What a denunciation case's page adds about who denounced: the identity panel of its letter (the case
 * itself holds only the redacted copy), or, for anonymous information, what that track is.
 */
export function CaseIdentitySection({ c }: { c: { letterId: string; track: string } }) {
  const letter = useQuery({ ...letterPageQuery(c.letterId), enabled: c.track !== 'anonymous_information' });
  if (c.track === 'anonymous_information') return <AnonymousInformationNote />;
  return letter.data ? <IdentityPanel letter={letter.data} /> : null;
}

/** LTC art. 25(2); NĐ 31 art. 20 (legal-reference §6.2): no denouncer, no deadline, no notice. */
export function AnonymousInformationNote() {
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="anonymous-information"
      title="Thông tin có nội dung tố cáo — không xử lý như đơn tố cáo"
      description="Không có người tố cáo, không có thời hạn giải quyết và không gửi thông báo (Điều 25 Luật Tố cáo; Điều 20 Nghị định 31/2019/NĐ-CP). Người có thẩm quyền chọn “Kiểm tra, xác minh trong thẩm quyền” hoặc “Chuyển cơ quan có thẩm quyền”; nếu thông tin không đủ cơ sở thẩm tra thì lưu đơn."
    />
  );
}
