/**
 * The query layer of the periodic reports (docs/reports.md): each unit's OWN counters (not rolled up) for
 * every leaf column of a form, computed from the raw rows with one `GROUP BY unit` query per source table.
 * The roll-up through the unit tree is `domain/rollup.ts`; the layout is `domain/table.ts`.
 *
 * Windows are inclusive local dates `from`–`to`. "Carried over" is the state on the day before `from`,
 * "pending" the state on `to`. Statuses the schema keeps only as a current value (deadline met / missed,
 * enforcement status) are read as they are now.
 *
 * ## 01/TCD — reception_visits (unit = the visit's unit), reception_sessions
 * - `*.visits` — visits with `visit_date` in the window; `*.people` — the sum of their `people_count`.
 * - `*.matters.first` — distinct matters with a visit in the window whose `visit_number = 1` (the visit that
 *   opened the matter); `*.matters.repeat` — distinct matters with a visit in the window numbered > 1.
 * - `*.groups.*` — the same over visits with `people_count >= 5` (đoàn đông người: no legal threshold,
 *   5 is the common practice, forms.ts).
 * - `regular.*` — visits without a session (`session_id IS NULL`: the standing officers' reception);
 *   `head.direct.*` — visits in a session (`reception_sessions`, kind `periodic` or `ad_hoc`: the head's).
 * - `head.direct.sessions` — sessions of the unit with `session_date` in the window, not `cancelled`.
 * - `total.visits` / `total.people` — all visits in the window; `total.matters` — distinct matters.
 * - `content.complaint|denunciation|petition` — distinct matters with a visit in the window whose
 *   `content_kind` is that kind (`mixed` visits count in none of the three).
 *
 * ## 02/XLD — letters (unit = the receiving unit); a split mixed letter (`status = 'split'`) is not
 * counted, its parts are.
 * - `letters.received` — `received_on` in the window.
 * - `letters.carried_over` — `received_on < from` and still undecided at `from` (`decided_on` null or
 *   `>= from`). `letters.total` = carried over + received: "the letters of the period".
 * - `ineligible`, `eligible.*` — the letters of the period by `eligible` and, for `eligible.complaint |
 *   denunciation | petition`, by `classification` (`anonymous` counts only in `eligible.total`).
 * - `handled.accepted|guided|transferred|returned|filed` — letters with `decided_on` in the window and
 *   `decision` = accept | guide | transfer | return | archive.
 *
 * ## 03/GQKN — complaint_cases; 04/GQTC — denunciation_cases (same keys). A case is "to resolve" once
 * accepted (`accepted_on` set). Its end: the decision (`decided_on` / `concluded_on`) or the day it moved to
 * `terminated` (`terminated_on` and `terminated_by`, set by that step). Its resolution deadline (`case_deadlines`: subject =
 * the case, `purpose = 'resolution'`, `sequence = 1`) is read from its copy on the case row
 * (`resolution_due | status | settled_on | target`, kept in step by CaseDeadlinesService).
 * - `cases.accepted` — `accepted_on` in the window.
 * - `cases.carried_over` — `accepted_on < from`, not decided and not terminated before `from`.
 *   `cases.total` = carried over + accepted.
 * - `resolved.total` — decided (concluded) in the window; `resolved.right|partly_right|wrong` by
 *   `decision_outcome` / `conclusion_outcome`.
 * - `withdrawn` — cases of the window whose first `withdraw` step (`withdrawn_on`) is dated in the window
 *   (a denunciation may go on after it, LTC art. 33; a case counts in one window only, so the periods add
 *   up to the year); `terminated` — ended by a `terminate` step (`terminated_by`) dated in the window.
 * - `timeliness.statutory.on_time|overdue` — cases resolved in the window whose resolution deadline is
 *   `met` | `missed`.
 * - `timeliness.internal.on_time|overdue` — the same cases with an internal target:
 *   `settled_on <= target` | `settled_on > target`.
 * - `pending.within_period|overdue` — accepted by `to`, neither decided nor terminated by `to`; overdue
 *   when the resolution deadline's due date `< to` (overdue from the day after the due date), within
 *   otherwise (also when no deadline row exists).
 *
 * ## 05/KQTH — enforcement_records (unit = the record's unit; `subject_type` complaint_case /
 * denunciation_case → the `complaint.*` / `denunciation.*` block)
 * - `due.new` — `opened_on` in the window; `due.carried_over` — `opened_on < from` and not closed before
 *   `from` (`closed_on` null or `>= from`); `due.total` = both.
 * - `done` — `closed_on` in the window (closed_on is set only when the record is done).
 * - Records not closed by `to`: `blocked` — current status `blocked`; `overdue` — current status `overdue`;
 *   `in_progress` — the others (not_started, in_progress, or done after `to`). The status on `to` is not
 *   kept historically: the current status stands for it (exact for a window ending today).
 *
 * Performance (scripts/bench/reports.bench.ts, docs/reports.md "Speed"): 03/GQKN and 04/GQTC read one
 * covering index of the case table — no join, no row read.
 */
import { Injectable } from '@nestjs/common';
import { ReplicaReads } from '../database/replica-reads.js';
import { isLocalDate, type LocalDate } from '../common/domain/local-date.js';
import { formByCode, leafColumns, type FormCode } from './domain/forms.js';
import { reportInvalid } from './domain/report-error.js';

/**
 * Leaf columns the schema cannot fill: always 0.
 * - 01/TCD `head.delegated.*` — no record says whether the head received in person or by delegation
 *   (every session visit counts under `head.direct`); from 1 Jul 2026 the delegated block is 0 anyway.
 * - 02/XLD `eligible.competent`, `eligible.not_competent` — letters keep no competence flag (only a
 *   reception visit has `within_competence`); the decision (accept vs guide / transfer) is a proxy only.
 * - 02/XLD `handled.urged` — no "đôn đốc" (urging) action is recorded.
 */
export const NOT_DERIVED: Readonly<Record<FormCode, readonly string[]>> = {
  '01/TCD': [
    'head.delegated.sessions',
    'head.delegated.visits',
    'head.delegated.people',
    'head.delegated.matters.first',
    'head.delegated.matters.repeat',
    'head.delegated.groups.count',
    'head.delegated.groups.people',
    'head.delegated.groups.matters.first',
    'head.delegated.groups.matters.repeat',
  ],
  '02/XLD': ['eligible.competent', 'eligible.not_competent', 'handled.urged'],
  '03/GQKN': [],
  '04/GQTC': [],
  '05/KQTH': [],
};

/** People counted as a group (đoàn đông người): 5 or more (forms.ts note). */
export const CROWD_THRESHOLD = 5;

export interface ReportDataWindow {
  from: LocalDate;
  to: LocalDate;
}

type Row = Record<string, string | number | null>;

/**
 * `:name` placeholders → `?` with the values in order; an array value expands to `?, ?, …`. Dates and ids
 * never enter the SQL text.
 */
function bind(sql: string, values: Record<string, unknown>): [string, unknown[]] {
  const params: unknown[] = [];
  const text = sql.replace(/:([a-zA-Z]\w*)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`unbound :${name}`);
    const value = values[name];
    if (Array.isArray(value)) {
      params.push(...(value as unknown[]));
      return value.map(() => '?').join(', ');
    }
    params.push(value);
    return '?';
  });
  return [text, params];
}

/** The 01/TCD counters of one block of visits (`cond` selects the visits). */
function visitBlock(prefix: string, cond: string): string[] {
  const crowd = `${cond} AND v.people_count >= ${CROWD_THRESHOLD}`;
  return [
    `SUM(${cond}) AS \`${prefix}.visits\``,
    `SUM(CASE WHEN ${cond} THEN v.people_count ELSE 0 END) AS \`${prefix}.people\``,
    `COUNT(DISTINCT CASE WHEN ${cond} AND v.visit_number = 1 THEN v.matter_id END) AS \`${prefix}.matters.first\``,
    `COUNT(DISTINCT CASE WHEN ${cond} AND v.visit_number > 1 THEN v.matter_id END) AS \`${prefix}.matters.repeat\``,
    `SUM(${crowd}) AS \`${prefix}.groups.count\``,
    `SUM(CASE WHEN ${crowd} THEN v.people_count ELSE 0 END) AS \`${prefix}.groups.people\``,
    `COUNT(DISTINCT CASE WHEN ${crowd} AND v.visit_number = 1 THEN v.matter_id END) AS \`${prefix}.groups.matters.first\``,
    `COUNT(DISTINCT CASE WHEN ${crowd} AND v.visit_number > 1 THEN v.matter_id END) AS \`${prefix}.groups.matters.repeat\``,
  ];
}

const VISITS_SQL = `
  SELECT v.unit_id AS unit,
    COUNT(*) AS \`total.visits\`,
    SUM(v.people_count) AS \`total.people\`,
    COUNT(DISTINCT v.matter_id) AS \`total.matters\`,
    ${[...visitBlock('regular', 'v.session_id IS NULL'), ...visitBlock('head.direct', 'v.session_id IS NOT NULL')].join(',\n    ')},
    COUNT(DISTINCT CASE WHEN v.content_kind = 'complaint' THEN v.matter_id END) AS \`content.complaint\`,
    COUNT(DISTINCT CASE WHEN v.content_kind = 'denunciation' THEN v.matter_id END) AS \`content.denunciation\`,
    COUNT(DISTINCT CASE WHEN v.content_kind = 'petition' THEN v.matter_id END) AS \`content.petition\`
  FROM reception_visits v
  WHERE v.unit_id IN (:units) AND v.visit_date BETWEEN :from AND :to
  GROUP BY v.unit_id`;

const SESSIONS_SQL = `
  SELECT s.unit_id AS unit, COUNT(*) AS \`head.direct.sessions\`
  FROM reception_sessions s
  WHERE s.unit_id IN (:units) AND s.session_date BETWEEN :from AND :to AND s.status <> 'cancelled'
  GROUP BY s.unit_id`;

const LETTERS_SQL = `
  SELECT l.unit_id AS unit,
    COUNT(*) AS \`letters.total\`,
    SUM(l.received_on < :from) AS \`letters.carried_over\`,
    SUM(l.received_on >= :from) AS \`letters.received\`,
    SUM(l.eligible = 0) AS \`ineligible\`,
    SUM(l.eligible = 1) AS \`eligible.total\`,
    SUM(l.eligible = 1 AND l.classification = 'complaint') AS \`eligible.complaint\`,
    SUM(l.eligible = 1 AND l.classification = 'denunciation') AS \`eligible.denunciation\`,
    SUM(l.eligible = 1 AND l.classification = 'petition') AS \`eligible.petition\`,
    SUM(l.decided_on BETWEEN :from AND :to AND l.decision = 'accept') AS \`handled.accepted\`,
    SUM(l.decided_on BETWEEN :from AND :to AND l.decision = 'guide') AS \`handled.guided\`,
    SUM(l.decided_on BETWEEN :from AND :to AND l.decision = 'transfer') AS \`handled.transferred\`,
    SUM(l.decided_on BETWEEN :from AND :to AND l.decision = 'return') AS \`handled.returned\`,
    SUM(l.decided_on BETWEEN :from AND :to AND l.decision = 'archive') AS \`handled.filed\`
  FROM letters l
  WHERE l.unit_id IN (:units) AND l.status <> 'split' AND l.received_on <= :to
    AND (l.decided_on IS NULL OR l.decided_on >= :from)
  GROUP BY l.unit_id`;

interface CaseTables {
  cases: string;
  subjectType: string;
  decidedOn: string;
  outcome: string;
}

const COMPLAINTS: CaseTables = {
  cases: 'complaint_cases',
  subjectType: 'complaint_case',
  decidedOn: 'decided_on',
  outcome: 'decision_outcome',
};
const DENUNCIATIONS: CaseTables = {
  cases: 'denunciation_cases',
  subjectType: 'denunciation_case',
  decidedOn: 'concluded_on',
  outcome: 'conclusion_outcome',
};

/**
 * 03/GQKN and 04/GQTC: one pass over the cases open at some time in the window, read from the covering
 * index `idx_*_cases_report` alone — the case's dates, outcome and ending, and the copy of its resolution
 * deadline (cases/entities/resolution-facts.ts); no join, no row read.
 */
export function caseSql(t: CaseTables): string {
  const decided = `c.${t.decidedOn}`;
  const resolvedIn = `${decided} BETWEEN :from AND :to`;
  const pending = `(${decided} IS NULL OR ${decided} > :to) AND (c.terminated_on IS NULL OR c.terminated_on > :to)`;
  return `
  SELECT c.unit_id AS unit,
    COUNT(*) AS \`cases.total\`,
    SUM(c.accepted_on < :from) AS \`cases.carried_over\`,
    SUM(c.accepted_on >= :from) AS \`cases.accepted\`,
    SUM(${resolvedIn}) AS \`resolved.total\`,
    SUM(${resolvedIn} AND c.${t.outcome} = 'right') AS \`resolved.right\`,
    SUM(${resolvedIn} AND c.${t.outcome} = 'partly_right') AS \`resolved.partly_right\`,
    SUM(${resolvedIn} AND c.${t.outcome} = 'wrong') AS \`resolved.wrong\`,
    SUM(c.withdrawn_on BETWEEN :from AND :to) AS \`withdrawn\`,
    SUM(c.terminated_on BETWEEN :from AND :to AND c.terminated_by = 'terminate') AS \`terminated\`,
    SUM(${resolvedIn} AND c.resolution_status = 'met') AS \`timeliness.statutory.on_time\`,
    SUM(${resolvedIn} AND c.resolution_status = 'missed') AS \`timeliness.statutory.overdue\`,
    SUM(${resolvedIn} AND c.resolution_settled_on <= c.resolution_target) AS \`timeliness.internal.on_time\`,
    SUM(${resolvedIn} AND c.resolution_settled_on > c.resolution_target) AS \`timeliness.internal.overdue\`,
    SUM(${pending} AND (c.resolution_due IS NULL OR c.resolution_due >= :to)) AS \`pending.within_period\`,
    SUM(${pending} AND c.resolution_due < :to) AS \`pending.overdue\`
  FROM ${t.cases} c FORCE INDEX (idx_${t.cases}_report)
  WHERE c.unit_id IN (:units) AND c.accepted_on IS NOT NULL AND c.accepted_on <= :to
    AND (${decided} IS NULL OR ${decided} >= :from)
    AND (c.terminated_on IS NULL OR c.terminated_on >= :from)
  GROUP BY c.unit_id`;
}

const ENFORCEMENT_SQL = `
  SELECT r.unit_id AS unit, r.subject_type AS subject,
    COUNT(*) AS \`due.total\`,
    SUM(r.opened_on < :from) AS \`due.carried_over\`,
    SUM(r.opened_on >= :from) AS \`due.new\`,
    SUM(r.closed_on BETWEEN :from AND :to) AS \`done\`,
    SUM((r.closed_on IS NULL OR r.closed_on > :to) AND r.status NOT IN ('blocked', 'overdue')) AS \`in_progress\`,
    SUM((r.closed_on IS NULL OR r.closed_on > :to) AND r.status = 'overdue') AS \`overdue\`,
    SUM((r.closed_on IS NULL OR r.closed_on > :to) AND r.status = 'blocked') AS \`blocked\`
  FROM enforcement_records r
  WHERE r.unit_id IN (:units) AND r.subject_type IN ('complaint_case', 'denunciation_case')
    AND r.opened_on <= :to AND (r.closed_on IS NULL OR r.closed_on >= :from)
  GROUP BY r.unit_id, r.subject_type`;

/** The main (largest) query of a form, as `ownCounters` sends it: for EXPLAIN in benchmarks. */
export function mainQuery(
  formCode: FormCode,
  window: ReportDataWindow,
  unitIds: readonly string[],
): [string, unknown[]] {
  const sql =
    formCode === '01/TCD'
      ? VISITS_SQL
      : formCode === '02/XLD'
        ? LETTERS_SQL
        : formCode === '03/GQKN'
          ? caseSql(COMPLAINTS)
          : formCode === '04/GQTC'
            ? caseSql(DENUNCIATIONS)
            : ENFORCEMENT_SQL;
  return bind(sql, { units: [...unitIds], from: window.from, to: window.to });
}

@Injectable()
export class ReportDataService {
  /** Report figures read a replica when one is configured (ADR 0013): a report is a count up to a cut-off. */
  constructor(private readonly reads: ReplicaReads) {}

  /**
   * Each given unit's own counters (every leaf key of the form; 0 where nothing counts) for the window.
   * @param unitIds the units to compute (the caller's scope); rows of other units are never read
   * @throws `REPORT_FORM_INVALID` (unknown form), `REPORT_WINDOW_INVALID` (bad or reversed dates)
   */
  async ownCounters(
    formCode: string,
    window: ReportDataWindow,
    unitIds: readonly string[],
  ): Promise<Map<string, Record<string, number>>> {
    const form = formByCode(formCode);
    if (!form) throw reportInvalid('REPORT_FORM_INVALID', 'form', `unknown form ${formCode}`);
    if (!isLocalDate(window.from) || !isLocalDate(window.to) || window.from > window.to) {
      throw reportInvalid('REPORT_WINDOW_INVALID', 'window', 'from and to must be dates, from ≤ to');
    }
    const keys = leafColumns(form.columns).map((c) => c.key);
    const out = new Map<string, Record<string, number>>();
    for (const id of unitIds) out.set(id, Object.fromEntries(keys.map((k) => [k, 0])));
    if (unitIds.length === 0) return out;

    const add = (unit: string, key: string, value: unknown) => {
      const row = out.get(unit);
      if (row && key in row) row[key] += Number(value ?? 0);
    };
    const run = async (sql: string): Promise<Row[]> => {
      const [text, params] = bind(sql, { units: [...unitIds], from: window.from, to: window.to });
      return this.reads.query<Row>(text, params);
    };
    const addRows = (rows: Row[], prefix = '') => {
      for (const row of rows) {
        for (const [key, value] of Object.entries(row)) {
          if (key !== 'unit' && key !== 'subject') add(String(row.unit), prefix + key, value);
        }
      }
    };

    switch (form.code) {
      case '01/TCD':
        addRows(await run(VISITS_SQL));
        addRows(await run(SESSIONS_SQL));
        break;
      case '02/XLD':
        addRows(await run(LETTERS_SQL));
        break;
      case '03/GQKN':
        addRows(await run(caseSql(COMPLAINTS)));
        break;
      case '04/GQTC':
        addRows(await run(caseSql(DENUNCIATIONS)));
        break;
      case '05/KQTH':
        for (const row of await run(ENFORCEMENT_SQL)) {
          addRows([row], row.subject === 'complaint_case' ? 'complaint.' : 'denunciation.');
        }
        break;
    }
    return out;
  }
}
