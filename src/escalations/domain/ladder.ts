/**
 * The escalation ladder: who hears about a statutory deadline, and when, counted in working days of the
 * resolving unit's calendar from the due date. Pure: the calendar and "today" are arguments.
 */
import { DomainError } from '../../common/domain/domain-error.js';
import type { LocalDate } from '../../common/domain/local-date.js';
import { toEpochDay } from '../../common/domain/local-date.js';
import type { WorkingCalendar } from '../../calendar/domain/working-calendar.js';

/** Who a level goes to, resolved from roles and units when it fires. */
export const RECIPIENT_RULES = [
  'handler', // the case's assigned handler (or, for a letter, the officer who logged it)
  'unit_head', // heads (role unit_head) of the resolving unit
  'parent_inspectorate', // inspectorate units under the agency above: their leaders and handlers
  'inspectorate_leader', // inspectorate leaders of the agency above
  'parent_agency_head', // heads of the agency above the resolving unit
] as const;
export type RecipientRule = (typeof RECIPIENT_RULES)[number];

export interface LadderLevel {
  level: number;
  /** Working days from the due date: negative before it, 0 on it, positive after it. */
  workingDaysFromDue: number;
  recipients: RecipientRule[];
}

/**
 * The default ladder (issue #8): 3 working days before the due date → the handler; on the due date →
 * handler and unit head; the day after (the next working day) → unit head and the inspectorate of the
 * agency above; 5 working days overdue → the inspectorate leader and the head of the agency above.
 */
export const DEFAULT_LADDER: readonly LadderLevel[] = [
  { level: 1, workingDaysFromDue: -3, recipients: ['handler'] },
  { level: 2, workingDaysFromDue: 0, recipients: ['handler', 'unit_head'] },
  { level: 3, workingDaysFromDue: 1, recipients: ['unit_head', 'parent_inspectorate'] },
  { level: 4, workingDaysFromDue: 5, recipients: ['inspectorate_leader', 'parent_agency_head'] },
];

/** Ladders by rule id (`KN-3`) or by kind of subject (`denunciation_case`); the rule wins. */
export type LadderTable = Readonly<Record<string, readonly LadderLevel[]>>;

export function ladderFor(table: LadderTable, ruleId: string, subjectType: string): readonly LadderLevel[] {
  return table[ruleId] ?? table[subjectType] ?? DEFAULT_LADDER;
}

/**
 * The day a level is due: the due date moved by whole working days. "On the due date" is the due date
 * itself even when it is not a working day (it never is: the engine rolls it forward).
 */
export function levelDate(calendar: WorkingCalendar, due: LocalDate, workingDaysFromDue: number): LocalDate {
  if (workingDaysFromDue === 0) return due;
  const index = calendar.index();
  const at = calendar.offsetOf(toEpochDay(due));
  const offset =
    workingDaysFromDue > 0
      ? index.nthAfter(at, workingDaysFromDue)
      : index.nthBefore(at, -workingDaysFromDue);
  // Beyond the calendar's years (-1): the due date itself, the safe side for a reminder.
  return offset < 0 ? due : calendar.dateAt(offset);
}

export interface LevelSchedule {
  level: number;
  on: LocalDate;
}

export function schedule(
  ladder: readonly LadderLevel[],
  calendar: WorkingCalendar,
  due: LocalDate,
): LevelSchedule[] {
  return ladder.map((l) => ({ level: l.level, on: levelDate(calendar, due, l.workingDaysFromDue) }));
}

/**
 * What to do for a deadline today: the highest level that is due and not yet fired (lower ones that were
 * missed are skipped: nobody needs four messages at once), and the next one's date.
 */
export function levelToFire(
  levels: readonly LevelSchedule[],
  done: ReadonlySet<number>,
  today: LocalDate,
): { fire: number | null; skip: number[]; next: LevelSchedule | null } {
  const highestDone = Math.max(0, ...done);
  const dueNow = levels.filter((l) => l.on <= today && l.level > highestDone);
  const fire = dueNow.length > 0 ? dueNow[dueNow.length - 1].level : null;
  const skip = dueNow.filter((l) => l.level !== fire).map((l) => l.level);
  const after = fire ?? highestDone;
  // Levels never go back in time (parseLadders), so the next one is simply the next in the list.
  const next = levels.find((l) => l.level > after) ?? null;
  return { fire, skip, next };
}

/** Reads ESCALATION_LADDERS (JSON: `{ "KN-3": [{ "level": 1, "workingDaysFromDue": -5, "recipients": [...] }] }`). */
export function parseLadders(json: string | undefined): LadderTable {
  if (!json || json.trim() === '') return {};
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new DomainError('ESCALATION_LADDERS_INVALID', 'ESCALATION_LADDERS is not valid JSON', 'invalid');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new DomainError(
      'ESCALATION_LADDERS_INVALID',
      'ESCALATION_LADDERS must be an object of ladders',
      'invalid',
    );
  }
  const out: Record<string, LadderLevel[]> = {};
  for (const [key, levels] of Object.entries(raw as Record<string, unknown>)) {
    const [problem] = ladderProblems(levels);
    if (problem) {
      throw new DomainError(
        'ESCALATION_LADDERS_INVALID',
        `ESCALATION_LADDERS["${key}"]: ${problem.index === undefined ? '' : `level ${problem.index + 1}: `}${problem.message}`,
        'invalid',
      );
    }
    out[key] = cleanLadder(levels as LadderLevel[]);
  }
  return out;
}

/** What is wrong with a ladder, level by level (`levels[1].recipients`): the first problem of each level. */
export interface LadderProblem {
  field: string;
  message: string;
  /** The level's position, when the problem is a level's. */
  index?: number;
}

/**
 * A ladder's rules, for the environment's ladders and for ladders kept as data alike: at least one level;
 * levels numbered upwards and never going back in time (so the next level is always the next in the
 * list); at most 60 working days either side of the due date; recipients among RECIPIENT_RULES.
 */
export function ladderProblems(levels: unknown, field = 'levels'): LadderProblem[] {
  if (!Array.isArray(levels) || levels.length === 0) {
    return [{ field, message: 'must be a non-empty list of levels' }];
  }
  const out: LadderProblem[] = [];
  let previous = { level: 0, days: -Infinity };
  levels.forEach((l: unknown, index) => {
    const level = (typeof l === 'object' && l !== null ? l : {}) as Partial<LadderLevel>;
    const at = (name: string, message: string) =>
      out.push({ field: `${field}[${index}].${name}`, message, index });
    if (!Number.isInteger(level.level) || level.level! <= previous.level) {
      at('level', '"level" must be an integer above the previous one');
    } else if (!Number.isInteger(level.workingDaysFromDue) || Math.abs(level.workingDaysFromDue!) > 60) {
      at('workingDaysFromDue', '"workingDaysFromDue" must be an integer from -60 to 60');
    } else if (level.workingDaysFromDue! < previous.days) {
      at('workingDaysFromDue', 'levels must not go back in time');
    } else if (
      !Array.isArray(level.recipients) ||
      level.recipients.length === 0 ||
      !level.recipients.every((r) => (RECIPIENT_RULES as readonly string[]).includes(r))
    ) {
      at('recipients', `"recipients" must list some of ${RECIPIENT_RULES.join(', ')}`);
    }
    // Only a valid level sets the bar for the next (one wrong level is reported once, not twice).
    if (out.length === 0 || out[out.length - 1].index !== index) {
      previous = { level: level.level!, days: level.workingDaysFromDue! };
    }
  });
  return out;
}

/** A valid ladder as stored: only its three fields, recipients without repeats. */
export function cleanLadder(levels: readonly LadderLevel[]): LadderLevel[] {
  return levels.map((l) => ({
    level: l.level,
    workingDaysFromDue: l.workingDaysFromDue,
    recipients: [...new Set(l.recipients)],
  }));
}

/**
 * A ladder kept as data (ADR 0017): for a rule id or a kind of subject, for every agency (`agencyUnitId`
 * null) or for one agency and the units under it. `levels` null: removed, what applied before applies.
 */
export interface StoredLadder {
  key: string;
  agencyUnitId: string | null;
  version: number;
  levels: readonly LadderLevel[] | null;
}

export type LadderSource =
  | { from: 'data'; key: string; agencyUnitId: string | null; version: number }
  | { from: 'environment'; key: string }
  | { from: 'default' };

/**
 * The ladder a deadline climbs (ADR 0017). From the deadline's unit upwards (`unitChain`: the unit, its
 * parent, … the root), then the ladders for every agency: the rule id first, then the kind of subject,
 * at each step — the nearest agency's choice wins over a wider one. Then ESCALATION_LADDERS (rule, kind),
 * then the default. `stored` holds each (key, agency)'s current version only.
 */
export function resolveLadder(
  stored: readonly StoredLadder[],
  unitChain: readonly string[],
  environment: LadderTable,
  ruleId: string,
  subjectType: string,
): { ladder: readonly LadderLevel[]; source: LadderSource } {
  for (const agencyUnitId of [...unitChain, null]) {
    for (const key of [ruleId, subjectType]) {
      const hit = stored.find((l) => l.key === key && l.agencyUnitId === agencyUnitId && l.levels !== null);
      if (hit) {
        return {
          ladder: hit.levels!,
          source: { from: 'data', key, agencyUnitId, version: hit.version },
        };
      }
    }
  }
  for (const key of [ruleId, subjectType]) {
    if (environment[key]) return { ladder: environment[key], source: { from: 'environment', key } };
  }
  return { ladder: DEFAULT_LADDER, source: { from: 'default' } };
}
