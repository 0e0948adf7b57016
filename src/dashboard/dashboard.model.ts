/**
 * The inspectorate dashboard (docs/dashboard.md): counts and unit names only, never a case, a person or
 * a subject. Pure shaping of the grouped counts the service reads; `today` is an argument.
 */
import { COMPLAINT_STATES } from '../complaints/domain/complaint-lifecycle.js';
import type { LocalDate } from '../common/domain/local-date.js';
import { DENUNCIATION_STATES } from '../denunciations/domain/denunciation-lifecycle.js';

/** How many months the charts cover, the current one included. */
export const DASHBOARD_MONTHS = 12;
/** How many units the overdue table lists (most overdue first). */
export const TOP_UNITS = 10;
/** Enforcement statuses that make up the backlog ('done' is not backlog). */
export const BACKLOG_STATUSES = ['not_started', 'in_progress', 'overdue', 'blocked'] as const;
export type BacklogStatus = (typeof BACKLOG_STATUSES)[number];

export type CaseKind = 'complaint' | 'denunciation';
export const CASE_STATES: Record<CaseKind, readonly string[]> = {
  complaint: COMPLAINT_STATES,
  denunciation: DENUNCIATION_STATES,
};

export interface KindCounts {
  total: number;
  /** Every state of the kind's lifecycle, zero included, in lifecycle order. */
  byState: Record<string, number>;
}

export interface MonthCases {
  /** `YYYY-MM`, by received_on. */
  month: string;
  complaint: KindCounts;
  denunciation: KindCounts;
}

export interface UnitOverdue {
  unitId: string;
  unitName: string;
  overdue: number;
}

export interface MonthOnTime {
  /** `YYYY-MM`, by settled_on. */
  month: string;
  met: number;
  missed: number;
  /** met / (met + missed), rounded to 4 decimals; null when nothing was settled that month. */
  rate: number | null;
}

export interface UnitBacklog {
  unitId: string;
  unitName: string;
  total: number;
  byStatus: Record<BacklogStatus, number>;
}

export interface Dashboard {
  today: LocalDate;
  /**
   * When the kept counts were last refreshed (UTC, ISO 8601): every change committed before it is
   * counted (ADR 0023); null until the refresh job's first run.
   */
  asOf: string | null;
  /** The first and last month of the charts. */
  fromMonth: string;
  toMonth: string;
  casesByMonth: MonthCases[];
  /** Sums of casesByMonth over the whole period. */
  casesByState: Record<CaseKind, KindCounts>;
  overdue: { total: number; units: UnitOverdue[] };
  onTimeTrend: MonthOnTime[];
  enforcementBacklog: { total: number; byStatus: Record<BacklogStatus, number>; units: UnitBacklog[] };
}

/** The `DASHBOARD_MONTHS` months ending with today's, oldest first, as `YYYY-MM`. */
export function monthsEnding(today: LocalDate, count = DASHBOARD_MONTHS): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = year * 12 + (month - 1) - i;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

/** The days of a `YYYY-MM` month as a half-open range of local dates: `from` ≤ d < `until`. */
export function monthRange(month: string): { from: LocalDate; until: LocalDate } {
  const year = Number(month.slice(0, 4));
  const next = Number(month.slice(5, 7)) + 1;
  const until = next > 12 ? `${year + 1}-01-01` : `${year}-${String(next).padStart(2, '0')}-01`;
  return { from: `${month}-01`, until };
}

function emptyKind(kind: CaseKind): KindCounts {
  return { total: 0, byState: Object.fromEntries(CASE_STATES[kind].map((s) => [s, 0])) };
}

function emptyBacklog(): Record<BacklogStatus, number> {
  return { not_started: 0, in_progress: 0, overdue: 0, blocked: 0 };
}

export interface CaseRow {
  kind: CaseKind;
  month: string;
  state: string;
  n: number;
}
export interface OverdueRow {
  unitId: string;
  unitName: string;
  n: number;
}
export interface SettledRow {
  month: string;
  status: 'met' | 'missed';
  n: number;
}
export interface BacklogRow {
  unitId: string;
  unitName: string;
  status: BacklogStatus;
  n: number;
}

export function buildDashboard(
  today: LocalDate,
  rows: { cases: CaseRow[]; overdue: OverdueRow[]; settled: SettledRow[]; backlog: BacklogRow[] },
  asOf: string | null = null,
): Dashboard {
  const months = monthsEnding(today);
  const byMonth = new Map<string, MonthCases>(
    months.map((month) => [
      month,
      { month, complaint: emptyKind('complaint'), denunciation: emptyKind('denunciation') },
    ]),
  );
  const totals: Record<CaseKind, KindCounts> = {
    complaint: emptyKind('complaint'),
    denunciation: emptyKind('denunciation'),
  };
  for (const row of rows.cases) {
    const entry = byMonth.get(row.month);
    if (!entry) continue;
    for (const counts of [entry[row.kind], totals[row.kind]]) {
      counts.total += row.n;
      counts.byState[row.state] = (counts.byState[row.state] ?? 0) + row.n;
    }
  }

  const overdueUnits = [...rows.overdue].sort(
    (a, b) => b.n - a.n || a.unitName.localeCompare(b.unitName, 'vi') || a.unitId.localeCompare(b.unitId),
  );

  const settled = new Map(months.map((month) => [month, { met: 0, missed: 0 }]));
  for (const row of rows.settled) {
    const entry = settled.get(row.month);
    if (entry) entry[row.status] += row.n;
  }

  const backlogUnits = new Map<string, UnitBacklog>();
  const backlogTotals = emptyBacklog();
  for (const row of rows.backlog) {
    const unit = backlogUnits.get(row.unitId) ?? {
      unitId: row.unitId,
      unitName: row.unitName,
      total: 0,
      byStatus: emptyBacklog(),
    };
    unit.byStatus[row.status] += row.n;
    unit.total += row.n;
    backlogTotals[row.status] += row.n;
    backlogUnits.set(row.unitId, unit);
  }

  return {
    today,
    asOf,
    fromMonth: months[0],
    toMonth: months[months.length - 1],
    casesByMonth: [...byMonth.values()],
    casesByState: totals,
    overdue: {
      total: rows.overdue.reduce((sum, r) => sum + r.n, 0),
      units: overdueUnits.slice(0, TOP_UNITS).map((r) => ({
        unitId: r.unitId,
        unitName: r.unitName,
        overdue: r.n,
      })),
    },
    onTimeTrend: months.map((month) => {
      const { met, missed } = settled.get(month)!;
      return {
        month,
        met,
        missed,
        rate: met + missed === 0 ? null : Math.round((met / (met + missed)) * 10_000) / 10_000,
      };
    }),
    enforcementBacklog: {
      total: Object.values(backlogTotals).reduce((a, b) => a + b, 0),
      byStatus: backlogTotals,
      units: [...backlogUnits.values()].sort(
        (a, b) => b.total - a.total || a.unitName.localeCompare(b.unitName, 'vi'),
      ),
    },
  };
}
