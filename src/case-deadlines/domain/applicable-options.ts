import { compareLocalDates, type LocalDate } from '../../common/domain/local-date.js';
import type { DeadlineOptions } from '../../deadlines/domain/deadline-engine.js';
import {
  findDeadlineRule,
  optionsOf,
  type DeadlineOptionName,
} from '../../deadlines/domain/deadline-rules.js';

/**
 * A case's facts (remote unit, complicated, suspensions…) hold for all its steps, but each rule takes
 * only some of them (`remote` means nothing to KN-4; KL-4 has no remote variant at all). This keeps the
 * options the rule version in force on `trigger` accepts, so the engine is never asked a question its
 * rule cannot answer. Unknown rules pass through untouched: the engine reports them.
 */
export function applicableOptions(
  ruleId: string,
  trigger: LocalDate,
  options: DeadlineOptions,
): DeadlineOptions {
  const rule = findDeadlineRule(ruleId);
  if (!rule) return options;
  let version = rule.versions[0];
  for (const v of rule.versions)
    if (v.effectiveFrom === null || compareLocalDates(v.effectiveFrom, trigger) <= 0) version = v;
  const accepted = new Set<DeadlineOptionName>(optionsOf(version));
  const out: DeadlineOptions = {};
  for (const [key, value] of Object.entries(options) as [DeadlineOptionName, unknown][]) {
    if (accepted.has(key) && value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
