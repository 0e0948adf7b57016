import type { Schemas } from '../../api/client';

export type RevealRequest = Schemas['RevealRequestView'];

/** Why the officer may see the denouncer (src/identity/identity-access.ts; LTC arts. 47, 56). */
export const BASIS: Record<string, string> = {
  personal_data: 'cán bộ được xem thông tin cá nhân',
  custodian: 'người giữ danh tính của đơn vị',
  receiver: 'người tiếp nhận đơn',
  accepting_head: 'người thụ lý tố cáo',
  reveal_grant: 'người có yêu cầu xem danh tính được đồng ý',
};

/** A request's status as the officer reads it: an approved one that has expired says so. */
export function requestStatus(r: Pick<RevealRequest, 'status' | 'active'>): string {
  if (r.status === 'pending') return 'Chờ duyệt';
  if (r.status === 'refused') return 'Từ chối';
  return r.active ? 'Đang được xem' : 'Hết hạn';
}

// Contrast of at least 4.5:1 (WCAG AA; the preset tag colours are too pale), as DueTag.
const STYLE = {
  pending: { color: '#613400', background: '#fffbe6', borderColor: '#ffd666' },
  active: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
  refused: { color: '#820014', background: '#fff1f0', borderColor: '#ff7875' },
  expired: { color: 'rgba(0, 0, 0, 0.88)', background: '#fafafa', borderColor: '#d9d9d9' },
} as const;

export function requestStatusStyle(r: Pick<RevealRequest, 'status' | 'active'>) {
  if (r.status === 'pending') return STYLE.pending;
  if (r.status === 'refused') return STYLE.refused;
  return r.active ? STYLE.active : STYLE.expired;
}

/** The latest expiry of the approved, unexpired requests among these (null: none). */
export function grantUntil(requests: readonly Pick<RevealRequest, 'active' | 'expiresAt'>[]): string | null {
  const until = requests
    .filter((r) => r.active && r.expiresAt)
    .map((r) => r.expiresAt as string)
    .sort();
  return until.length > 0 ? until[until.length - 1] : null;
}
