import type { DataSource } from 'typeorm';

export interface EscalationCount {
  status: string;
  level: number;
  count: number;
}

/** How old an escalation row's id must be before it is counted once and for all. */
export const SETTLE_AFTER_MS = 10 * 60_000;

/**
 * The first 12 hex digits of a UUIDv7 hold its Unix milliseconds, so ids compare like their times: every
 * id made at or after `ms` sorts at or after this prefix (ascii_bin), every earlier one before it.
 */
export function idPrefixAt(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}`;
}

/**
 * Counts of the `escalations` table by status and level, for /metrics, without scanning the table on
 * every scrape. Escalation rows are insert-only (fired or skipped at insert, never updated or deleted)
 * and their ids are UUIDv7 made in the firing transaction, so the table is counted once up to a watermark
 * ten minutes in the past, and afterwards only the rows past the watermark are read (a primary-key
 * range). The watermark moves forward over rows at least ten minutes old: a transaction that made its
 * id earlier but commits later is still counted as long as it takes less than that.
 */
export class EscalationTally {
  private settled = new Map<string, EscalationCount>();
  private watermark: string | null = null;
  private inFlight: Promise<EscalationCount[]> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly settleAfterMs = SETTLE_AFTER_MS,
  ) {}

  /** Current counts; concurrent callers share one computation. */
  counts(now: number = Date.now()): Promise<EscalationCount[]> {
    this.inFlight ??= this.compute(now).finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private async compute(now: number): Promise<EscalationCount[]> {
    const cutoff = idPrefixAt(now - this.settleAfterMs);
    if (this.watermark === null) {
      const rows = await this.count('id < ?', [cutoff]);
      this.settled = merge(new Map(), rows);
      this.watermark = cutoff;
    } else if (cutoff > this.watermark) {
      const rows = await this.count('id >= ? AND id < ?', [this.watermark, cutoff]);
      this.settled = merge(new Map(this.settled), rows);
      this.watermark = cutoff;
    }
    const recent = await this.count('id >= ?', [this.watermark]);
    return [...merge(new Map(this.settled), recent).values()];
  }

  private async count(where: string, params: string[]): Promise<EscalationCount[]> {
    const rows: Array<{ status: string; level: number | string; n: number | string }> =
      await this.dataSource.query(
        `SELECT status, level, COUNT(*) AS n FROM escalations WHERE ${where} GROUP BY status, level`,
        params,
      );
    return rows.map((r) => ({ status: r.status, level: Number(r.level), count: Number(r.n) }));
  }
}

function merge(into: Map<string, EscalationCount>, rows: EscalationCount[]): Map<string, EscalationCount> {
  for (const r of rows) {
    const key = `${r.status}|${r.level}`;
    const before = into.get(key);
    into.set(key, { ...r, count: (before?.count ?? 0) + r.count });
  }
  return into;
}
