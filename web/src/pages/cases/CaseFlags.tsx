import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Form, Input, message as antMessage, Select } from 'antd';
import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { ApiError, errorText, formFieldErrors, unwrap } from '../../api/errors';
import { useCan } from '../../auth/me';
import { ConflictAlert } from '../../components/ConflictAlert';
import type { CaseKind } from './step-forms';

type ComplaintCase = Schemas['CaseView'];
type DenunciationCase = Schemas['DenunciationCaseView'];
type AnyCase = ComplaintCase | DenunciationCase;

export const COMPLEXITY: Record<string, string> = {
  normal: 'Thông thường',
  complicated: 'Phức tạp',
  especially_complicated: 'Đặc biệt phức tạp',
};

/** Extensions the law allows per complexity (LTC 2018 art. 30(2); EXTENSION_CAP in the API). */
const EXTENSION_CAP: Record<string, number> = { normal: 0, complicated: 1, especially_complicated: 2 };

/** An officer's name for "who set it" (needs users:read; otherwise "cán bộ có thẩm quyền"). */
function WhoSet({ userId }: { userId: string | null | undefined }) {
  const can = useCan();
  const user = useQuery({
    queryKey: ['user', userId],
    enabled: !!userId && can('users:read'),
    staleTime: 600_000,
    queryFn: async () => unwrap(await api.GET('/api/v1/users/{id}', { params: { path: { id: userId! } } })),
  });
  if (!userId) return null;
  return <> — người xác định: {user.data?.fullName ?? 'cán bộ có thẩm quyền'}</>;
}

/** The header's line: the flags (or the complexity) with why and who set them. */
export function CaseFlagsSummary({ c }: { c: AnyCase }) {
  if ('complexity' in c) {
    return (
      <span data-testid="case-flags">
        {COMPLEXITY[c.complexity] ?? c.complexity}
        {c.complexityReason ? ` (${c.complexityReason})` : ''}
        {c.complexity !== 'normal' && <WhoSet userId={c.complexitySetByUserId} />} · đã gia hạn {c.extensions}
        /{EXTENSION_CAP[c.complexity] ?? 0} lần
      </span>
    );
  }
  if (!c.remote && !c.complicated) return <span data-testid="case-flags">Không</span>;
  return (
    <span data-testid="case-flags">
      {c.remote && (
        <span style={{ display: 'block' }}>
          Vùng sâu, vùng xa{c.remoteReason ? ` (${c.remoteReason})` : ''}
          <WhoSet userId={c.remoteSetByUserId} />
        </span>
      )}
      {c.complicated && (
        <span style={{ display: 'block' }}>
          Vụ việc phức tạp{c.complicatedReason ? ` (${c.complicatedReason})` : ''}
          <WhoSet userId={c.complicatedSetByUserId} />
        </span>
      )}
    </span>
  );
}

interface FlagValues {
  remote: boolean;
  remoteReason?: string;
  complicated: boolean;
  complicatedReason?: string;
  complexity: string;
  reason?: string;
}

/**
 * The head's forms (cases:manage): a complaint's remote-area and complicated flags (each with its
 * reason; the deadlines are recomputed by the API), or a denunciation's complexity determination, which
 * caps its extensions (LTC 2018 art. 30(2)).
 */
function FlagsForm({
  kind,
  c,
  reload,
}: {
  kind: CaseKind;
  c: AnyCase;
  reload: () => Promise<number | undefined>;
}) {
  const [form] = Form.useForm<FlagValues>();
  const [conflict, setConflict] = useState(false);
  const [message, messages] = antMessage.useMessage();
  const client = useQueryClient();
  const remote = Form.useWatch('remote', form);
  const complicated = Form.useWatch('complicated', form);
  const complexity = Form.useWatch('complexity', form);
  const save = useMutation({
    mutationFn: async (v: FlagValues): Promise<AnyCase> => {
      if (kind === 'complaint' && 'remote' in c) {
        return unwrap(
          await api.PATCH('/api/v1/complaint-cases/{id}/flags', {
            params: { path: { id: c.id } },
            // Only what the officer changed: a flag someone else set meanwhile is not undone.
            body: {
              ...(form.isFieldsTouched(['remote', 'remoteReason'])
                ? { remote: v.remote, remoteReason: v.remote ? v.remoteReason : null }
                : {}),
              ...(form.isFieldsTouched(['complicated', 'complicatedReason'])
                ? {
                    complicated: v.complicated,
                    complicatedReason: v.complicated ? v.complicatedReason : null,
                  }
                : {}),
              version: c.version,
            },
          }),
        );
      }
      return unwrap(
        await api.PATCH('/api/v1/denunciation-cases/{id}/complexity', {
          params: { path: { id: c.id } },
          body: {
            complexity: v.complexity as DenunciationCase['complexity'],
            reason: v.reason || null,
            version: c.version,
          },
        }),
      );
    },
    onSuccess: (fresh) => {
      client.setQueryData(['case', kind, c.id], fresh);
      setConflict(false);
      message.success(kind === 'complaint' ? 'Đã ghi đặc điểm hồ sơ.' : 'Đã ghi mức độ phức tạp.');
    },
    onError: (error) => {
      if (error instanceof ApiError && error.isConflict) return setConflict(true);
      const fields = formFieldErrors(error);
      if (fields.length) form.setFields(fields as never);
      message.error(error instanceof ApiError ? `${errorText(error)} (${error.message})` : errorText(error));
    },
  });

  const initial: FlagValues =
    'remote' in c
      ? {
          remote: c.remote,
          remoteReason: c.remoteReason ?? undefined,
          complicated: c.complicated,
          complicatedReason: c.complicatedReason ?? undefined,
          complexity: 'normal',
        }
      : {
          remote: false,
          complicated: false,
          complexity: c.complexity,
          reason: c.complexityReason ?? undefined,
        };
  const title = kind === 'complaint' ? 'Đặc điểm hồ sơ' : 'Mức độ phức tạp';
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>} style={{ marginBottom: 16 }}>
      {messages}
      {conflict && <ConflictAlert onReload={() => void reload().then(() => setConflict(false))} />}
      <Form<FlagValues>
        form={form}
        layout="vertical"
        name="case-flags"
        aria-label={title}
        initialValues={initial}
        onFinish={(v) => save.mutate(v)}
      >
        {kind === 'complaint' ? (
          <>
            <Form.Item name="remote" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>Vùng sâu, vùng xa, đi lại khó khăn (thời hạn dài hơn)</Checkbox>
            </Form.Item>
            {remote && (
              <Form.Item
                label="Lý do (vùng sâu, vùng xa)"
                name="remoteReason"
                rules={[{ required: true, message: 'Nhập lý do' }]}
              >
                <Input.TextArea maxLength={1000} rows={2} />
              </Form.Item>
            )}
            <Form.Item name="complicated" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>Vụ việc phức tạp (có văn bản xác định)</Checkbox>
            </Form.Item>
            {complicated && (
              <Form.Item
                label="Lý do (vụ việc phức tạp)"
                name="complicatedReason"
                rules={[{ required: true, message: 'Nhập lý do' }]}
              >
                <Input.TextArea maxLength={1000} rows={2} />
              </Form.Item>
            )}
          </>
        ) : (
          <>
            <Form.Item label="Mức độ phức tạp" name="complexity" rules={[{ required: true }]}>
              <Select
                options={Object.entries(COMPLEXITY).map(([value, label]) => ({
                  value,
                  label: `${label} — gia hạn tối đa ${EXTENSION_CAP[value]} lần`,
                }))}
              />
            </Form.Item>
            {complexity !== 'normal' && (
              <Form.Item
                label="Căn cứ xác định (văn bản)"
                name="reason"
                rules={[{ required: true, message: 'Nhập căn cứ xác định mức độ phức tạp' }]}
              >
                <Input.TextArea maxLength={1000} rows={2} />
              </Form.Item>
            )}
          </>
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {kind === 'complaint' ? 'Lưu đặc điểm' : 'Lưu mức độ phức tạp'}
        </Button>
      </Form>
    </Card>
  );
}

/** Only for the head (cases:manage): the API refuses anyone else anyway. */
export function CaseFlagsForm(props: {
  kind: CaseKind;
  c: AnyCase;
  reload: () => Promise<number | undefined>;
}) {
  const can = useCan();
  return can('cases:manage') ? <FlagsForm {...props} /> : null;
}
