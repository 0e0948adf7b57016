import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Modal, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { ApiError, errorText, unwrap } from '../../api/errors';
import { ImpactPreview, ImportProblems, useImpactPreview, type ChangeRequest } from './ImpactPreview';

/** Largest file the API takes (512 KiB of text). */
const MAX_BYTES = 512 * 1024;

/**
 * Import a year's layout from an iCalendar or CSV file: the file becomes the year's layout for this
 * scope. The dry run shows the row-by-row problems (nothing is imported while there is one) or how
 * many open deadlines the import would move; then "Nhập lịch" saves it.
 */
export function ImportDialog({
  scope,
  year,
  onClose,
  onSaved,
}: {
  scope: string;
  year: number;
  onClose: () => void;
  onSaved: (changeId: string | null) => void;
}) {
  const [file, setFile] = useState<{ name: string; format: 'csv' | 'ics'; content: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const change: ChangeRequest | null = file
    ? { action: 'import', year, format: file.format, content: file.content }
    : null;
  const preview = useImpactPreview(scope, change);
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/calendars/{scope}/years/{year}/import', {
          params: { path: { scope, year: String(year) } },
          body: { format: file!.format, content: file!.content },
        }),
      ),
    onSuccess: (result) => onSaved(result.changeId),
  });

  async function choose(list: FileList | null) {
    save.reset();
    setFile(null);
    setFileError(null);
    const chosen = list?.[0];
    if (!chosen) return;
    const format = /\.ics$/i.test(chosen.name) ? 'ics' : /\.csv$/i.test(chosen.name) ? 'csv' : null;
    if (!format) return setFileError('Chỉ nhận tệp iCalendar (.ics) hoặc CSV (.csv).');
    if (chosen.size > MAX_BYTES) return setFileError('Tệp quá lớn (tối đa 512 KB).');
    setFile({ name: chosen.name, format, content: await chosen.text() });
  }

  return (
    <Modal
      open
      title={`Nhập lịch năm ${year} từ tệp`}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>Đóng</Button>
          <Button
            type="primary"
            disabled={!file || preview.isPending || preview.isError}
            loading={save.isPending}
            onClick={() => save.mutate()}
          >
            Nhập lịch
          </Button>
        </Space>
      }
    >
      <p>
        Tệp trở thành toàn bộ lịch năm {year} của phạm vi này: những ngày tệp không ghi trở lại ngày thường.
        CSV có dòng tiêu đề <code>date,kind,name</code>; iCalendar gồm các sự kiện cả ngày (loại ở
        CATEGORIES). Tệp có một dòng lỗi thì không nhập gì cả.
      </p>
      <p style={{ fontWeight: 600, marginBottom: 4 }}>Tệp lịch (.ics hoặc .csv)</p>
      {/* The browser's own file button speaks the browser's language: hidden, a Vietnamese label instead. */}
      <input
        id="cal-file"
        className="visually-hidden cal-file"
        type="file"
        accept=".ics,.csv,text/calendar,text/csv"
        onChange={(e) => void choose(e.target.files)}
      />
      <label htmlFor="cal-file" className="ant-btn ant-btn-default cal-file-button">
        Chọn tệp…
      </label>
      {file && <p style={{ marginTop: 8 }}>Đã chọn: {file.name}</p>}
      {fileError && <Alert type="error" showIcon role="alert" title={fileError} style={{ marginTop: 12 }} />}
      <ImpactPreview change={change} preview={preview} />
      {save.isError &&
        (save.error instanceof ApiError && save.error.code === 'CALENDAR_IMPORT_INVALID' ? (
          <div style={{ marginTop: 12 }}>
            <ImportProblems error={save.error} />
          </div>
        ) : (
          <Alert type="error" showIcon role="alert" title={errorText(save.error)} style={{ marginTop: 12 }} />
        ))}
    </Modal>
  );
}
