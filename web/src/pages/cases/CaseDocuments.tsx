import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, message as antMessage, Space } from 'antd';
import { useRef, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { ApiError, errorText, unwrap } from '../../api/errors';
import { useCan } from '../../auth/me';
import { QueryState } from '../../components/QueryState';
import { LightTable } from '../../components/LightTable';
import { showDateTime } from '../../lib/dates';
import { caseFilesQuery } from './case-query';
import type { CaseKind } from './step-forms';

type FileView = Schemas['AttachmentView'];

/** The API's refusals of a file, in Vietnamese (the API's own message is shown beside it). */
const REFUSAL: Record<string, string> = {
  ATTACHMENT_TYPE_NOT_ALLOWED:
    'Loại tệp không được nhận. Chỉ nhận PDF, JPEG, PNG, TIFF, WebP, DOCX, XLSX hoặc văn bản .txt (UTF-8).',
  ATTACHMENT_TOO_LARGE: 'Tệp quá lớn: tối đa 20 MiB.',
  ATTACHMENT_EMPTY: 'Tệp rỗng.',
  ATTACHMENT_LIMIT_REACHED: 'Hồ sơ đã đủ số tệp tối đa (20 tệp).',
  ATTACHMENT_MISSING: 'Chưa chọn tệp.',
};

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace('.', ',')} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

/**
 * A case's documents (issue 17): its dossier's files (its letter's), listed, downloaded, added by those
 * who work the case. A file that identifies the writer comes from the API by a neutral name and without
 * its digest when the officer may not see the writer; the page then offers no download (the API refuses
 * it anyway: this only mirrors it).
 */
export function CaseDocuments({ kind, caseId }: { kind: CaseKind; caseId: string }) {
  const can = useCan();
  const client = useQueryClient();
  const [message, messages] = antMessage.useMessage();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<File | null>(null);
  const [identifying, setIdentifying] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const key = ['case-files', kind, caseId];
  const files = useQuery(caseFilesQuery(kind, caseId));
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('identifying', String(identifying)); // text fields first (src/attachments/multipart.ts)
      form.append('file', file, file.name);
      return unwrap(
        await api.POST(
          kind === 'complaint'
            ? '/api/v1/complaint-cases/{id}/attachments'
            : '/api/v1/denunciation-cases/{id}/attachments',
          {
            params: { path: { id: caseId } },
            body: form as never,
          },
        ),
      );
    },
    onSuccess: () => {
      setRefusal(null);
      setChosen(null);
      setIdentifying(false);
      if (input.current) input.current.value = '';
      void client.invalidateQueries({ queryKey: key });
      message.success('Đã tải tệp lên hồ sơ.');
    },
    onError: (error) =>
      setRefusal(
        error instanceof ApiError
          ? `${REFUSAL[error.code] ?? errorText(error)} (${error.message})`
          : errorText(error),
      ),
  });

  async function download(f: FileView) {
    const res = await api.GET(
      kind === 'complaint'
        ? '/api/v1/complaint-cases/{id}/attachments/{attachmentId}'
        : '/api/v1/denunciation-cases/{id}/attachments/{attachmentId}',
      { params: { path: { id: caseId, attachmentId: f.id } }, parseAs: 'blob' },
    );
    if (!res.response.ok || !(res.data instanceof Blob)) {
      message.error('Không tải được tệp.');
      return;
    }
    const url = URL.createObjectURL(res.data);
    const a = document.createElement('a');
    a.href = url;
    a.download = f.fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>Tài liệu</h2>} style={{ marginBottom: 16 }}>
      {messages}
      <QueryState query={files}>
        {(rows) =>
          rows.length === 0 ? (
            <p>Hồ sơ chưa có tài liệu.</p>
          ) : (
            <LightTable<FileView>
              label="Tài liệu của hồ sơ"
              rowKey={(f) => f.id}
              rows={rows}
              columns={[
                {
                  title: 'Tên tệp',
                  render: (f) =>
                    f.identifying && f.sha256 === null ? (
                      <span data-testid="file-hidden">
                        Tài liệu nhận dạng người viết đơn (chỉ người có thẩm quyền được xem)
                      </span>
                    ) : (
                      <span data-testid="file-name">
                        {f.fileName}
                        {f.identifying ? ' (nhận dạng người viết đơn)' : ''}
                      </span>
                    ),
                },
                { title: 'Dung lượng', render: (f) => fileSize(f.sizeBytes) },
                { title: 'Người tải lên', render: (f) => f.uploadedByName ?? '—' },
                { title: 'Thời điểm', render: (f) => showDateTime(f.createdAt) },
                {
                  title: 'Tải về',
                  render: (f) =>
                    f.identifying && f.sha256 === null ? (
                      '—'
                    ) : (
                      <Button
                        size="small"
                        onClick={() => void download(f)}
                        aria-label={`Tải về ${f.fileName}`}
                      >
                        Tải về
                      </Button>
                    ),
                },
              ]}
            />
          )
        }
      </QueryState>
      {can('cases:handle') && (
        <form
          aria-label="Thêm tài liệu"
          style={{ marginTop: 12 }}
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen) upload.mutate(chosen);
            else setRefusal(REFUSAL.ATTACHMENT_MISSING);
          }}
        >
          <Space wrap align="center">
            {/* The browser's own file button speaks the browser's language: a Vietnamese one instead. */}
            <input
              id={`file-${caseId}`}
              ref={input}
              type="file"
              aria-label="Chọn tệp"
              data-testid="file-input"
              style={{ display: 'none' }}
              accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff,.webp,.docx,.xlsx,.txt"
              onChange={(e) => {
                setRefusal(null);
                setChosen(e.target.files?.[0] ?? null);
              }}
            />
            <Button onClick={() => input.current?.click()}>Chọn tệp…</Button>
            <span data-testid="file-chosen">
              {chosen ? chosen.name : 'Chưa chọn tệp'} (tối đa 20 MiB; PDF, ảnh, DOCX, XLSX, TXT)
            </span>
            <Checkbox checked={identifying} onChange={(e) => setIdentifying(e.target.checked)}>
              Tài liệu nhận dạng người viết đơn (niêm phong)
            </Checkbox>
            <Button htmlType="submit" type="primary" loading={upload.isPending}>
              Tải lên
            </Button>
          </Space>
          {refusal && (
            <Alert
              type="error"
              showIcon
              role="alert"
              data-testid="upload-refused"
              style={{ marginTop: 8 }}
              title={refusal}
            />
          )}
        </form>
      )}
    </Card>
  );
}
