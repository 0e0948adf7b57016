/**
 * The statutory deadline engine: `computeDeadline(rule, trigger, options, calendar, policy)`.
 *
 * Pure and allocation-light: the rule table is compiled once into flat records, dates are epoch
 * days, the calendar answers from precomputed arrays, and the explanation is rendered only when
 * asked for (from the numbers the result carries). Conventions: deadline-policy.md (numbered there).
 */
import { epochDayOrNaN, invalidDate, type LocalDate } from '../../common/domain/local-date.js';
import type { WorkingCalendar } from '../../calendar/domain/working-calendar.js';
import { DeadlineError } from './deadline-error.js';
import { renderExplanation, type DeadlineExplanation } from './deadline-explanation.js';
import { DEFAULT_DEADLINE_POLICY, type DeadlinePolicy } from './deadline-policy.js';
import {
  DEADLINE_RULES,
  optionsOf,
  type DeadlineDirection,
  type DeadlineOptionName,
  type DeadlineRule,
  type DeadlineRuleVersion,
  type DeadlineUnit,
} from './deadline-rules.js';

export interface DeadlineSuspension {
  /** Date of the suspension decision. */
  suspended: LocalDate;
  /** Date of the continuation decision; the `resumed − suspended` calendar days are not counted. */
  resumed: LocalDate;
}

/** Case facts that choose a variant or move the end. Falsy values mean "not used". */
export interface DeadlineOptions {
  /** vùng sâu, vùng xa, đi lại khó khăn (KN-3, KN-5, KN-6, KN-9). */
  remote?: boolean;
  /** vụ việc phức tạp (KN-3, KN-6, KL-4). */
  complicated?: boolean;
  /** Number of extensions (TC-3: at most 2, LTC art. 30). */
  extensions?: number;
  /** Verification at several places or delegated verification (TC-1, XLD-2: 10 working days). */
  multiSite?: boolean;
  /** The disciplinary measure is dismissal (KL-2: 30 days). */
  dismissal?: boolean;
  /** Days of objective obstacles, not counted (KN-1, KL-1). */
  obstacleDays?: number;
  /** Suspensions, not counted (KN-3, KN-6, KL-4 from 2026-07-01; TC-3). */
  suspensions?: readonly DeadlineSuspension[];
}

export type DeadlineVariant =
  'standard' | 'remote' | 'complicated' | 'remote_complicated' | 'multi_site' | 'dismissal';

/** The conflicting reading of the law (KN-2, KL-3), for information. */
export interface DeadlineLawReading {
  due: LocalDate;
  rawEnd: LocalDate;
  days: number;
  unit: DeadlineUnit;
  legalBasis: string;
}

// ── compiled rule table ───────────────────────────────────────────────────────────────────────

const NONE = -1;

interface CompiledVersion {
  readonly rule: DeadlineRule;
  readonly data: DeadlineRuleVersion;
  readonly label: string; // `KN-2/v2`
  readonly fromDay: number; // −∞ when effectiveFrom is null
  readonly computable: boolean;
  readonly unit: DeadlineUnit;
  readonly direction: DeadlineDirection;
  readonly back: boolean;
  readonly calendarDays: boolean;
  readonly days: number;
  readonly remote: number;
  readonly complicated: number;
  readonly remoteComplicated: number;
  readonly multiSite: number;
  readonly dismissal: number;
  readonly maxExtensions: number;
  readonly extensionDays: number;
  readonly obstacles: boolean;
  readonly suspensions: boolean;
  readonly suspensionsFromDay: number;
  readonly unconfirmed: boolean;
  readonly options: readonly DeadlineOptionName[];
}

interface CompiledRule {
  readonly rule: DeadlineRule;
  readonly versions: readonly CompiledVersion[];
}

function compileVersion(rule: DeadlineRule, v: DeadlineRuleVersion): CompiledVersion {
  const p = v.period;
  const day = (d: LocalDate | null): number => (d === null ? -Infinity : epochDayOrNaN(d));
  return {
    rule,
    data: v,
    label: `${rule.id}/${v.version}`,
    fromDay: day(v.effectiveFrom),
    computable: v.computable,
    unit: v.unit ?? 'calendar_days',
    direction: v.direction ?? 'forward',
    back: v.direction === 'back',
    calendarDays: v.unit === 'calendar_days',
    days: p?.days ?? NONE,
    remote: p?.remote ?? NONE,
    complicated: p?.complicated ?? NONE,
    remoteComplicated: p?.remoteComplicated ?? NONE,
    multiSite: p?.multiSite ?? NONE,
    dismissal: p?.dismissal ?? NONE,
    maxExtensions: p?.extensions?.max ?? 0,
    extensionDays: p?.extensions?.days ?? 0,
    obstacles: v.obstacles !== undefined,
    suspensions: v.suspensions !== undefined,
    suspensionsFromDay: v.suspensions ? day(v.suspensions.from) : Infinity,
    unconfirmed: v.unconfirmed !== undefined,
    options: optionsOf(v),
  };
}

const compiled = new Map<string, CompiledRule>(
  DEADLINE_RULES.map((rule) => [
    rule.id,
    { rule, versions: rule.versions.map((v) => compileVersion(rule, v)) },
  ]),
);

// ── errors ────────────────────────────────────────────────────────────────────────────────────

function fail(
  code: string,
  message: string,
  kind: 'invalid' | 'unprocessable',
  field?: string,
): DeadlineError {
  return new DeadlineError(code, message, kind, field ? [{ field, message }] : undefined);
}

function invalidOption(field: string, expected: string): DeadlineError {
  return fail('DEADLINE_OPTION_INVALID', `${field}: expected ${expected}`, 'invalid', field);
}

function notApplicable(c: CompiledVersion, option: string): DeadlineError {
  const accepted = c.options.length ? c.options.join(', ') : 'none';
  return fail(
    'DEADLINE_OPTION_NOT_APPLICABLE',
    `${c.rule.id} has no '${option}' variant (options of ${c.label}: ${accepted})`,
    'unprocessable',
    option,
  );
}

function flag(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw invalidOption(field, 'true or false');
  return value;
}

function count(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 36500) {
    throw invalidOption(field, 'a whole number ≥ 0');
  }
  return value;
}

// ── the engine ────────────────────────────────────────────────────────────────────────────────

/**
 * Computes one statutory deadline.
 *
 * - Calendar days forward: raw end = trigger + N (+ suspended + obstacle + 30 per extension); due =
 *   raw end, or the next working day when it is not one (Civil Code 91/2015/QH13 art. 147, 148(5)).
 * - Working days forward: due = the N-th working day strictly after the trigger.
 * - Count-back: N working days before X = the N-th working day strictly before X; N calendar days
 *   before X = X − N (not moved).
 *
 * @param ruleId    e.g. `KN-3` (legal-reference §2)
 * @param trigger   the date the clock starts, or for count-back rules the date counted back from
 * @param options   case facts (variants, extensions, suspensions, obstacle days)
 * @param calendar  the unit's working calendar (e.g. `nationalCalendar()`)
 * @param policy    counting conventions (default: deadline-policy.md)
 * @throws DeadlineError (codes in deadline-error.ts), `DATE_INVALID`, `CALENDAR_OUT_OF_RANGE`
 */
export function computeDeadline(
  ruleId: string,
  trigger: LocalDate,
  options: DeadlineOptions | null | undefined,
  calendar: WorkingCalendar,
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
): DeadlineResult {
  const entry = compiled.get(ruleId);
  if (entry === undefined) {
    throw fail('DEADLINE_UNKNOWN_RULE', `unknown deadline rule '${String(ruleId)}'`, 'invalid', 'rule');
  }
  const t = epochDayOrNaN(trigger);
  if (Number.isNaN(t)) throw invalidDate(trigger, 'trigger');

  // Convention 10: the version in force on the trigger date.
  const versions = entry.versions;
  let c: CompiledVersion | undefined;
  for (let i = versions.length - 1; i >= 0; i--) {
    if (t >= versions[i].fromDay) {
      c = versions[i];
      break;
    }
  }
  if (c === undefined) {
    const from = versions[0].data.effectiveFrom;
    throw fail(
      'DEADLINE_RULE_NOT_IN_FORCE',
      `${ruleId} applies to triggers from ${from}; got ${trigger}`,
      'unprocessable',
      'trigger',
    );
  }
  if (!c.computable) {
    const reason = c.data.notComputableReason?.en ?? 'no computable period';
    throw fail(
      'DEADLINE_RULE_NOT_COMPUTABLE',
      `${c.label} has no computable deadline: ${reason}`,
      'unprocessable',
      'rule',
    );
  }

  // Options.
  let remote = false;
  let complicated = false;
  let multiSite = false;
  let dismissal = false;
  let extensions = 0;
  let obstacleDays = 0;
  let suspendedDays = 0;
  let suspensions: readonly DeadlineSuspension[] | undefined;
  if (options !== null && options !== undefined) {
    if (typeof options !== 'object' || Array.isArray(options)) throw invalidOption('options', 'an object');
    for (const key in options) {
      const value: unknown = (options as Record<string, unknown>)[key];
      if (value === undefined || value === null) continue;
      switch (key) {
        case 'remote':
          if ((remote = flag(value, key)) && c.remote === NONE) throw notApplicable(c, key);
          break;
        case 'complicated':
          if ((complicated = flag(value, key)) && c.complicated === NONE) throw notApplicable(c, key);
          break;
        case 'multiSite':
          if ((multiSite = flag(value, key)) && c.multiSite === NONE) throw notApplicable(c, key);
          break;
        case 'dismissal':
          if ((dismissal = flag(value, key)) && c.dismissal === NONE) throw notApplicable(c, key);
          break;
        case 'extensions':
          if ((extensions = count(value, key)) > 0) {
            if (c.maxExtensions === 0) throw notApplicable(c, key);
            if (extensions > c.maxExtensions) {
              throw fail(
                'DEADLINE_TOO_MANY_EXTENSIONS',
                `${c.rule.id} allows at most ${c.maxExtensions} extensions (${c.data.period?.extensions?.legalBasis}); got ${extensions}`,
                'unprocessable',
                key,
              );
            }
          }
          break;
        case 'obstacleDays':
          if ((obstacleDays = count(value, key)) > 0 && !c.obstacles) throw notApplicable(c, key);
          break;
        case 'suspensions':
          if (!Array.isArray(value)) throw invalidOption(key, 'an array of {suspended, resumed}');
          if (value.length > 0) {
            if (!c.suspensions) throw notApplicable(c, key);
            suspendedDays = checkSuspensions(value, t, c);
            // Copied: the explanation is rendered later and must not see later changes by the caller.
            suspensions = (value as readonly DeadlineSuspension[]).map((s) => ({
              suspended: s.suspended,
              resumed: s.resumed,
            }));
          }
          break;
        default:
          throw fail('DEADLINE_OPTION_INVALID', `unknown option '${key}'`, 'invalid', key);
      }
    }
  }

  // Convention 9: the variant chooses the period.
  let days = c.days;
  let variant: DeadlineVariant = 'standard';
  if (dismissal) {
    days = c.dismissal;
    variant = 'dismissal';
  } else if (multiSite) {
    days = c.multiSite;
    variant = 'multi_site';
  } else if (remote && complicated) {
    if (c.remoteComplicated === NONE) throw notApplicable(c, 'remote+complicated');
    days = c.remoteComplicated;
    variant = 'remote_complicated';
  } else if (remote) {
    days = c.remote;
    variant = 'remote';
  } else if (complicated) {
    days = c.complicated;
    variant = 'complicated';
  }
  if ((dismissal ? 1 : 0) + (multiSite ? 1 : 0) + (remote || complicated ? 1 : 0) > 1) {
    throw notApplicable(c, 'combination of variants');
  }

  const tOff = calendar.offsetOf(t, 'trigger');
  const index = calendar.index(policy.makeUpSaturdaysCount);
  let rawOff: number;
  let dueOff: number;
  if (c.back) {
    // Convention 4: count back, never moved.
    if (c.calendarDays) {
      dueOff = tOff - days;
      if (dueOff < 0) throw calendar.outOfRange(calendar.startDay + dueOff, 'due');
    } else {
      dueOff = index.nthBefore(tOff, days);
      if (dueOff < 0) throw calendar.outOfRange(calendar.startDay - 1, 'due');
    }
    rawOff = dueOff;
  } else if (c.calendarDays) {
    // Conventions 2, 6, 7, 8.
    rawOff = tOff + days + suspendedDays + obstacleDays;
    if (extensions > 0) {
      if (policy.extendFrom === 'raw_end') {
        rawOff += extensions * c.extensionDays;
      } else {
        for (let i = 0; i < extensions; i++) rawOff = rollForward(calendar, index, rawOff) + c.extensionDays;
      }
    }
    dueOff = policy.rollForward
      ? rollForward(calendar, index, rawOff)
      : checkInRange(calendar, rawOff, 'rawEnd');
  } else {
    // Convention 3.
    dueOff = index.nthAfter(tOff, days);
    if (dueOff < 0) throw calendar.outOfRange(calendar.endDay + 1, 'due');
    rawOff = dueOff;
  }

  const provisional = c.back
    ? calendar.anyProvisionalBetween(dueOff, tOff)
    : calendar.anyProvisionalBetween(tOff, dueOff);
  return new DeadlineResult(
    c,
    calendar,
    policy,
    suspensions,
    tOff,
    rawOff,
    dueOff,
    days,
    variant,
    extensions,
    suspendedDays,
    obstacleDays,
    provisional,
  );
}

function checkInRange(calendar: WorkingCalendar, offset: number, field: string): number {
  if (offset > calendar.endDay - calendar.startDay)
    throw calendar.outOfRange(calendar.startDay + offset, field);
  return offset;
}

/** Civil Code art. 148(5): the next working day on or after `offset`. */
function rollForward(
  calendar: WorkingCalendar,
  index: ReturnType<WorkingCalendar['index']>,
  offset: number,
): number {
  checkInRange(calendar, offset, 'rawEnd');
  const next = index.nextOnOrAfter(offset);
  if (next < 0) throw calendar.outOfRange(calendar.endDay + 1, 'due');
  return next;
}

/** Validates suspensions and returns the total suspended days (convention 6). */
function checkSuspensions(list: readonly unknown[], trigger: number, c: CompiledVersion): number {
  let total = 0;
  for (let i = 0; i < list.length; i++) {
    const item = list[i] as DeadlineSuspension | null;
    if (item === null || typeof item !== 'object')
      throw invalidOption(`suspensions[${i}]`, '{suspended, resumed}');
    const s = epochDayOrNaN(item.suspended);
    if (Number.isNaN(s)) throw invalidDate(item.suspended, `suspensions[${i}].suspended`);
    const r = epochDayOrNaN(item.resumed);
    if (Number.isNaN(r)) throw invalidDate(item.resumed, `suspensions[${i}].resumed`);
    if (r < s) {
      throw fail(
        'DEADLINE_SUSPENSION_RESUMES_BEFORE_START',
        `suspensions[${i}]: resumed ${item.resumed} is before suspended ${item.suspended}`,
        'invalid',
        `suspensions[${i}].resumed`,
      );
    }
    if (s < trigger) {
      throw fail(
        'DEADLINE_SUSPENSION_BEFORE_TRIGGER',
        `suspensions[${i}]: suspended ${item.suspended} is before the period starts`,
        'invalid',
        `suspensions[${i}].suspended`,
      );
    }
    if (s < c.suspensionsFromDay) {
      throw fail(
        'DEADLINE_SUSPENSION_NOT_IN_FORCE',
        `suspensions[${i}]: ${c.rule.id} suspensions count from ${c.data.suspensions?.from} (${c.data.suspensions?.legalBasis}); got ${item.suspended}`,
        'unprocessable',
        `suspensions[${i}].suspended`,
      );
    }
    for (let j = 0; j < i; j++) {
      const other = list[j] as DeadlineSuspension;
      const s2 = epochDayOrNaN(other.suspended);
      const r2 = epochDayOrNaN(other.resumed);
      if (s < r2 && s2 < r) {
        throw fail(
          'DEADLINE_SUSPENSIONS_OVERLAP',
          `suspensions[${j}] and suspensions[${i}] overlap`,
          'invalid',
          `suspensions[${i}]`,
        );
      }
    }
    total += r - s;
  }
  return total;
}

// ── the result ────────────────────────────────────────────────────────────────────────────────

/**
 * One computed deadline: everything to store (rule version, calendar and policy versions, raw and
 * adjusted end) and everything to explain it. `explanation` is rendered on first access.
 */
export class DeadlineResult {
  readonly ruleId: string;
  /** `<rule id>/<version>`, e.g. `KN-2/v2`. */
  readonly ruleVersion: string;
  readonly trigger: LocalDate;
  /** The statutory due date (adjusted). Due today is not overdue (convention 12). */
  readonly due: LocalDate;
  /** End before the roll-forward of Civil Code art. 148(5); equals `due` for working-day and count-back rules. */
  readonly rawEnd: LocalDate;
  readonly unit: DeadlineUnit;
  readonly direction: DeadlineDirection;
  /** The statutory period of the chosen variant (without extensions, suspensions, obstacles). */
  readonly days: number;
  readonly variant: DeadlineVariant;
  readonly extensions: number;
  readonly extensionDays: number;
  readonly suspendedDays: number;
  readonly obstacleDays: number;
  /** The raw end was not a working day and the due date moved to the next one. */
  readonly rolledForward: boolean;
  readonly legalBasis: string;
  readonly calendarVersion: string;
  readonly policyVersion: string;
  /** A provisional (unconfirmed) calendar year lies between trigger and due date. */
  readonly provisional: boolean;
  /** The rule version has a point legal-reference marks UNCONFIRMED (see `notes`). */
  readonly unconfirmed: boolean;

  private explained: DeadlineExplanation | undefined;

  constructor(
    private readonly c: CompiledVersion,
    private readonly calendar: WorkingCalendar,
    private readonly policy: DeadlinePolicy,
    private readonly suspensionList: readonly DeadlineSuspension[] | undefined,
    private readonly triggerOffset: number,
    private readonly rawOffset: number,
    private readonly dueOffset: number,
    days: number,
    variant: DeadlineVariant,
    extensions: number,
    suspendedDays: number,
    obstacleDays: number,
    provisional: boolean,
  ) {
    this.ruleId = c.rule.id;
    this.ruleVersion = c.label;
    this.trigger = calendar.dateAt(triggerOffset);
    this.due = calendar.dateAt(dueOffset);
    this.rawEnd = calendar.dateAt(rawOffset);
    this.unit = c.unit;
    this.direction = c.direction;
    this.days = days;
    this.variant = variant;
    this.extensions = extensions;
    this.extensionDays = extensions * c.extensionDays;
    this.suspendedDays = suspendedDays;
    this.obstacleDays = obstacleDays;
    this.rolledForward = dueOffset !== rawOffset;
    this.legalBasis = c.data.legalBasis;
    this.calendarVersion = calendar.version;
    this.policyVersion = policy.version;
    this.provisional = provisional;
    this.unconfirmed = c.unconfirmed;
  }

  get rule(): DeadlineRule {
    return this.c.rule;
  }

  get version(): DeadlineRuleVersion {
    return this.c.data;
  }

  /** Provisional calendar years between trigger and due date. */
  get provisionalYears(): number[] {
    if (!this.provisional) return [];
    const a = Math.min(this.triggerOffset, this.dueOffset);
    const b = Math.max(this.triggerOffset, this.dueOffset);
    return this.calendar.provisionalYearsBetween(a, b);
  }

  /** The unconfirmed point and the rule's note, if any. */
  get notes(): string[] {
    const out: string[] = [];
    if (this.c.data.unconfirmed) out.push(`UNCONFIRMED: ${this.c.data.unconfirmed}`);
    if (this.c.data.note) out.push(this.c.data.note.en);
    return out;
  }

  /**
   * KN-2 / KL-3: the date under the Law's own "10 ngày" reading (information only, convention 10);
   * `undefined` for other rules, or when that date falls outside the calendar.
   */
  get lawReading(): DeadlineLawReading | undefined {
    const reading = this.c.data.lawReading;
    if (!reading) return undefined;
    const calendar = this.calendar;
    const index = calendar.index(this.policy.makeUpSaturdaysCount);
    const last = calendar.endDay - calendar.startDay;
    let raw: number;
    let due: number;
    if (reading.unit === 'calendar_days') {
      raw = this.triggerOffset + reading.days;
      due = raw > last ? -1 : this.policy.rollForward ? index.nextOnOrAfter(raw) : raw;
    } else {
      due = raw = index.nthAfter(this.triggerOffset, reading.days);
    }
    if (due < 0) return undefined;
    return {
      due: calendar.dateAt(due),
      rawEnd: calendar.dateAt(raw),
      days: reading.days,
      unit: reading.unit,
      legalBasis: reading.legalBasis,
    };
  }

  /** Step-by-step explanation, in Vietnamese and English. */
  get explanation(): DeadlineExplanation {
    return (this.explained ??= renderExplanation({
      result: this,
      rule: this.c.rule,
      version: this.c.data,
      calendar: this.calendar,
      policy: this.policy,
      suspensions: this.suspensionList ?? [],
      triggerOffset: this.triggerOffset,
      rawOffset: this.rawOffset,
      dueOffset: this.dueOffset,
      extensionStep: this.c.extensionDays,
      maxExtensions: this.c.maxExtensions,
    }));
  }

  /** Plain data for storage and APIs (`JSON.stringify` uses it). */
  toJSON(): DeadlineResultJson {
    const lawReading = this.lawReading;
    return {
      ruleId: this.ruleId,
      ruleVersion: this.ruleVersion,
      trigger: this.trigger,
      due: this.due,
      rawEnd: this.rawEnd,
      unit: this.unit,
      direction: this.direction,
      days: this.days,
      variant: this.variant,
      extensions: this.extensions,
      extensionDays: this.extensionDays,
      suspendedDays: this.suspendedDays,
      obstacleDays: this.obstacleDays,
      rolledForward: this.rolledForward,
      legalBasis: this.legalBasis,
      calendarVersion: this.calendarVersion,
      policyVersion: this.policyVersion,
      provisional: this.provisional,
      provisionalYears: this.provisionalYears,
      unconfirmed: this.unconfirmed,
      notes: this.notes,
      ...(lawReading ? { lawReading } : {}),
      explanation: this.explanation,
    };
  }
}

export interface DeadlineResultJson {
  ruleId: string;
  ruleVersion: string;
  trigger: LocalDate;
  due: LocalDate;
  rawEnd: LocalDate;
  unit: DeadlineUnit;
  direction: DeadlineDirection;
  days: number;
  variant: DeadlineVariant;
  extensions: number;
  extensionDays: number;
  suspendedDays: number;
  obstacleDays: number;
  rolledForward: boolean;
  legalBasis: string;
  calendarVersion: string;
  policyVersion: string;
  provisional: boolean;
  provisionalYears: number[];
  unconfirmed: boolean;
  notes: string[];
  lawReading?: DeadlineLawReading;
  explanation: DeadlineExplanation;
}
