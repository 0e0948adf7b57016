import type { EnvironmentVariables } from '../config/env.schema.js';
import { parseLadders } from './domain/ladder.js';

/** ESCALATION_LADDERS, parsed and checked at boot with every other setting (config/load-config.ts). */
export function escalationConfigProblems(v: EnvironmentVariables): string[] {
  const out: string[] = [];
  if (v.ESCALATION_LADDERS) {
    try {
      parseLadders(v.ESCALATION_LADDERS);
    } catch (error) {
      out.push((error as Error).message);
    }
  }
  return out;
}
