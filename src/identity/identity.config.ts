import type { EnvironmentVariables } from '../config/env.schema.js';
import { parseKeyring } from './domain/keyring.js';

/** The index key of .env.example: fine on a developer's machine, refused in production. */
const EXAMPLE_INDEX_KEY = 'h9IWPangu+g9RbHyuGTVRb3b68jHU9CXqOgzi1jmz30=';

/** The identity store's keys, checked at boot with every other setting (config/load-config.ts). */
export function identityConfigProblems(v: EnvironmentVariables): string[] {
  const out: string[] = [];
  if (v.IDENTITY_MASTER_KEYS) {
    try {
      const keyring = parseKeyring(v.IDENTITY_MASTER_KEYS);
      if (v.NODE_ENV === 'production' && [...keyring.byId.keys()].some((id) => id.startsWith('example'))) {
        out.push('IDENTITY_MASTER_KEYS still holds the example key: generate a key for production');
      }
    } catch (error) {
      out.push(`IDENTITY_MASTER_KEYS: ${(error as Error).message}`);
    }
  }
  if (v.NODE_ENV === 'production' && v.IDENTITY_INDEX_KEY === EXAMPLE_INDEX_KEY) {
    out.push('IDENTITY_INDEX_KEY still holds the example value: generate one for production');
  }
  return out;
}
