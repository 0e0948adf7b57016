import type { EnvironmentVariables } from '../config/env.schema.js';

/** The https transport needs its endpoint and secret (checked at boot with every other setting). */
export function nationalSyncConfigProblems(v: EnvironmentVariables): string[] {
  if (v.NATIONAL_SYNC_TRANSPORT !== 'https') return [];
  const out: string[] = [];
  if (!v.NATIONAL_SYNC_URL) out.push('NATIONAL_SYNC_URL is required when NATIONAL_SYNC_TRANSPORT is https');
  if (!v.NATIONAL_SYNC_SECRET)
    out.push('NATIONAL_SYNC_SECRET is required when NATIONAL_SYNC_TRANSPORT is https');
  return out;
}
