import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Radio, Space, Tag } from 'antd';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { ApiError, errorText, formFieldErrors, unwrap } from '../../api/errors';
import { ConflictAlert } from '../../components/ConflictAlert';
import { PageTitle } from '../../components/PageTitle';
import { ScrollTable } from '../../components/ScrollTable';
import { showDate } from '../../lib/dates';

type RecordView = Schemas['SubjectRecordView'];
type Query = Schemas['SubjectQueryDto'];

const KIND: Record<RecordView['kind'], string> = {
  letter_petitioner: 'Đơn (người đứng đơn)',
  letter_authorisation: 'Đơn (người được ủy quyền)',
  reception_visitor: 'Lượt tiếp công dân',
  letter_subscription: 'Đăng ký nhận thư điện tử',
  account: 'Tài khoản người dùng',
  letter_mention: 'Đơn của người khác có nêu tên',
  visit_mention: 'Lượt tiếp người khác có nêu tên',
};

const CATEGORY: Record<string, string> = {
  complaint: 'Khiếu nại',
  denunciation: 'Tố cáo',
  petition: 'Kiến nghị, phản ánh',
  mixed: 'Nhiều nội dung',
};

const FIELD: Record<string, string> = {
  fullName: 'họ tên',
  address: 'địa chỉ',
  idNumber: 'số căn cước',
  phone: 'điện thoại',
  email: 'thư điện tử',
  relationship: 'quan hệ',
  practisingCardNumber: 'số thẻ hành nghề',
  title: 'chức danh',
};

const MATCHED: Record<RecordView['matchedOn'], string> = {
  id_number: 'khớp số căn cước',
  name_and_address: 'khớp họ tên và địa chỉ',
  email: 'khớp thư điện tử',
  name_in_text: 'tên xuất hiện trong nội dung',
  record: 'thuộc đơn của người yêu cầu',
};

interface SearchForm {
  requestRef: string;
  by: 'id' | 'name';
  idNumber?: string;
  fullName?: string;
  address?: string;
}

function queryOf(f: SearchForm): Query {
  return f.by === 'id'
    ? { requestRef: f.requestRef, idNumber: f.idNumber }
    : { requestRef: f.requestRef, fullName: f.fullName, address: f.address };
}

async function download(query: Query, format: 'json' | 'html') {
  // The export needs the access token: fetched through the client, then saved (never a URL with the number).
  const res = await api.POST('/api/v1/subject-access/exports', {
    body: { ...query, format },
    parseAs: 'blob',
  });
  if (!res.response.ok || !res.data)
    throw new ApiError(res.response.status, {
      statusCode: res.response.status,
      code: `HTTP_${res.response.status}`,
      message: res.response.statusText,
    });
  const url = URL.createObjectURL(res.data as Blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `du-lieu-ca-nhan-${query.requestRef.replace(/[^A-Za-z0-9_-]/g, '_')}.${format}`;
  a.click();
  URL.revokeObjectURL(url);
}

/** The correction of one record: only the fields typed are changed; the reason never holds the data. */
function CorrectionForm({
  query,
  record,
  onDone,
  onReload,
}: {
  query: Query;
  record: RecordView;
  onDone: (r: RecordView) => void;
  /** Resolves once the current version is in `record`. */
  onReload: () => Promise<void>;
}) {
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: async (v: { reason: string; values: Record<string, string | undefined> }) => {
      const values = Object.fromEntries(
        Object.entries(v.values ?? {}).filter(([, x]) => typeof x === 'string' && x.trim() !== ''),
      );
      return unwrap(
        await api.POST('/api/v1/subject-access/corrections', {
          body: {
            ...query,
            kind: record.kind as Schemas['SubjectCorrectionDto']['kind'],
            rowId: record.rowId,
            version: record.version ?? 1,
            reason: v.reason,
            values,
          },
        }),
      );
    },
    onSuccess: (r) => onDone(r),
    onError: (e) => form.setFields(formFieldErrors(e)),
  });
  const conflict = save.error instanceof ApiError && save.error.isConflict;
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={<h2 style={{ fontSize: 16, fontWeight: 600, margin: 0 }}>Đính chính: {KIND[record.kind]}</h2>}
    >
      {conflict && (
        <ConflictAlert
          onReload={() => {
            // The conflict stays until the current version has arrived: a save sent before it would carry
            // the stale version again.
            void onReload().then(() => save.reset());
          }}
        />
      )}
      {save.isError && !conflict && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={errorText(save.error)}
        />
      )}
      <p style={{ marginTop: 0 }}>
        Chỉ nhập những trường cần sửa; trường để trống giữ nguyên. Lý do không được chứa chính dữ liệu cần
        sửa.
      </p>
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 640 }}
        onFinish={(v) => save.mutate(v)}
        aria-label="Đính chính dữ liệu"
      >
        <Form.Item label="Họ và tên" name={['values', 'fullName']}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="Địa chỉ" name={['values', 'address']}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="Số căn cước" name={['values', 'idNumber']}>
          <Input inputMode="numeric" autoComplete="off" />
        </Form.Item>
        <Form.Item label="Điện thoại" name={['values', 'phone']}>
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
        {record.kind === 'letter_petitioner' && (
          <Form.Item label="Thư điện tử" name={['values', 'email']}>
            <Input inputMode="email" autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          label="Lý do đính chính"
          name="reason"
          rules={[{ required: true, min: 5, message: 'Cần nhập lý do (ít nhất 5 ký tự)' }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          Lưu đính chính
        </Button>
      </Form>
    </Card>
  );
}

/** Dữ liệu cá nhân: a data subject's request — find, export, correct (personal_data:subject_access). */
export default function SubjectAccessPage() {
  const [form] = Form.useForm<SearchForm>();
  const by = Form.useWatch('by', form) ?? 'id';
  const [query, setQuery] = useState<Query | null>(null);
  const [editing, setEditing] = useState<RecordView | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // The last answer stays on screen while a search runs again (after a correction or a conflict), so the
  // correction form keeps what was typed.
  const [result, setResult] = useState<Schemas['SubjectSearchView'] | null>(null);
  const search = useMutation({
    mutationFn: async (q: Query) => unwrap(await api.POST('/api/v1/subject-access/searches', { body: q })),
    onSuccess: (r) => setResult(r),
    onError: (e) => form.setFields(formFieldErrors(e) as never),
  });
  const exporting = useMutation({
    mutationFn: ({ q, format }: { q: Query; format: 'json' | 'html' }) => download(q, format),
  });
  const run = (q: Query) => {
    setQuery(q);
    search.mutate(q);
  };
  const records = result?.records ?? [];

  return (
    <>
      <PageTitle>Yêu cầu về dữ liệu cá nhân</PageTitle>
      <p style={{ maxWidth: 760 }}>
        Tìm mọi dữ liệu đang giữ về một người (theo số căn cước, hoặc họ tên và địa chỉ), xuất bản sao cho
        người đó và đính chính khi có yêu cầu (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15). Mỗi lần tìm, xuất,
        sửa đều được ghi nhật ký với số yêu cầu. Danh tính người tố cáo không bao giờ được cung cấp cho người
        khác (Luật Tố cáo, điều 47).
      </p>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<SearchForm>
          form={form}
          layout="vertical"
          initialValues={{ by: 'id' }}
          aria-label="Tìm dữ liệu của một người"
          onFinish={(v) => {
            setEditing(null);
            setSaved(null);
            setResult(null);
            run(queryOf(v));
          }}
        >
          <Form.Item
            label="Số yêu cầu"
            name="requestRef"
            extra="Số trong sổ tiếp nhận yêu cầu, ví dụ YC-2026/15 (chữ, số và / . _ -)"
            rules={[
              { required: true, message: 'Cần nhập số yêu cầu' },
              {
                pattern: /^[A-Za-z0-9][A-Za-z0-9/._-]{0,49}$/,
                message: 'Chỉ gồm chữ không dấu, số và / . _ -',
              },
            ]}
          >
            <Input autoComplete="off" style={{ maxWidth: 320 }} />
          </Form.Item>
          <Form.Item label="Tìm theo" name="by">
            <Radio.Group
              options={[
                { value: 'id', label: 'Số căn cước' },
                { value: 'name', label: 'Họ tên và địa chỉ' },
              ]}
            />
          </Form.Item>
          {by === 'id' ? (
            <Form.Item
              label="Số căn cước"
              name="idNumber"
              rules={[
                { required: true, pattern: /^\d{12}$/, message: 'Số căn cước phải gồm đúng 12 chữ số' },
              ]}
            >
              <Input inputMode="numeric" autoComplete="off" style={{ maxWidth: 320 }} />
            </Form.Item>
          ) : (
            <>
              <Form.Item
                label="Họ và tên"
                name="fullName"
                rules={[{ required: true, message: 'Cần nhập họ tên' }]}
              >
                <Input autoComplete="off" style={{ maxWidth: 420 }} />
              </Form.Item>
              <Form.Item
                label="Địa chỉ"
                name="address"
                rules={[{ required: true, message: 'Cần nhập địa chỉ' }]}
              >
                <Input autoComplete="off" />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit" loading={search.isPending}>
            Tìm
          </Button>
        </Form>
      </Card>

      {search.isError && !formFieldErrors(search.error).length && (
        <Alert type="error" showIcon role="alert" title={errorText(search.error)} />
      )}
      {saved && <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} title={saved} />}
      {result && query && (
        <section aria-labelledby="ket-qua">
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginBottom: 12 }}>
            <h2 id="ket-qua" style={{ fontSize: 18, fontWeight: 600, margin: 0, flex: '1 1 260px' }}>
              {records.length ? `${records.length} hồ sơ có dữ liệu của người này` : 'Không có hồ sơ nào'}
            </h2>
            <Space wrap>
              <Button
                onClick={() => exporting.mutate({ q: query, format: 'html' })}
                loading={exporting.isPending && exporting.variables?.format === 'html'}
              >
                Tải bản in (HTML)
              </Button>
              <Button
                onClick={() => exporting.mutate({ q: query, format: 'json' })}
                loading={exporting.isPending && exporting.variables?.format === 'json'}
              >
                Tải JSON
              </Button>
            </Space>
          </div>
          {exporting.isError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginBottom: 12 }}
              title={errorText(exporting.error)}
            />
          )}
          <ScrollTable<RecordView>
            label="Các hồ sơ có dữ liệu của người yêu cầu"
            rowKey={(r) => `${r.kind}:${r.rowId}`}
            dataSource={records}
            pagination={false}
            size="small"
            columns={[
              {
                title: 'Hồ sơ',
                key: 'kind',
                render: (_, r) => (
                  <>
                    <div>{KIND[r.kind]}</div>
                    <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.62)' }}>{MATCHED[r.matchedOn]}</div>
                  </>
                ),
              },
              { title: 'Ngày', key: 'date', render: (_, r) => (r.date ? showDate(r.date) : '—') },
              {
                title: 'Loại',
                key: 'category',
                render: (_, r) => (
                  <>
                    {r.category ? (CATEGORY[r.category] ?? r.category) : '—'}{' '}
                    {r.protectedRecord && <Tag color="red">bảo vệ danh tính</Tag>}
                  </>
                ),
              },
              {
                title: 'Dữ liệu đang giữ',
                key: 'fields',
                render: (_, r) =>
                  r.withheld ? (
                    <span data-testid="withheld">{r.withheld}</span>
                  ) : (
                    r.fields.map((f) => FIELD[f] ?? f).join(', ')
                  ),
              },
              {
                title: 'Đính chính',
                key: 'edit',
                render: (_, r) =>
                  r.correctable ? (
                    <Button
                      size="small"
                      onClick={() => {
                        setSaved(null);
                        setEditing(r);
                      }}
                      aria-label={`Đính chính: ${KIND[r.kind]}${r.date ? ` ngày ${showDate(r.date)}` : ''}`}
                    >
                      Đính chính
                    </Button>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
          {editing && (
            <CorrectionForm
              key={`${editing.kind}:${editing.rowId}`}
              query={query}
              record={editing}
              onReload={() =>
                // A fresh search gives the current version; the typed values stay in the form.
                search.mutateAsync(query).then((res) => {
                  const fresh = res.records.find((r) => r.kind === editing.kind && r.rowId === editing.rowId);
                  if (fresh) setEditing(fresh);
                })
              }
              onDone={() => {
                setEditing(null);
                setSaved('Đã lưu đính chính và ghi nhật ký.');
                search.mutate(query);
              }}
            />
          )}
        </section>
      )}
    </>
  );
}
