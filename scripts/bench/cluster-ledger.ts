// What the clients of `bench:cluster` were told, and its comparison with the database (docs/load.md,
// "Faults"). Pure: no I/O, so that the counting itself is unit-tested (cluster-ledger.spec.ts).
import '../../src/bootstrap/require-supported-node.js'; // first, as in every file of scripts/bench

/** One kind of record: the ids clients were told (a 201 with the id) and the requests with no sure answer. */
export class Told {
  readonly ids = new Set<string>();
  /** Requests that may or may not have written (no answer, a 502/504, the connection cut). */
  unsure = 0;
}

/** Every kind of record the traffic makes, by name. */
export class Ledger {
  private readonly kinds = new Map<string, Told>();
  of(kind: string): Told {
    let told = this.kinds.get(kind);
    if (!told) this.kinds.set(kind, (told = new Told()));
    return told;
  }
  told(kind: string, id: string): void {
    this.of(kind).ids.add(id);
  }
  unsure(kind: string): void {
    this.of(kind).unsure++;
  }
  entries(): [string, Told][] {
    return [...this.kinds];
  }
}

/**
 * Whether the client knows what became of its request: any answer but the balancer's 502/504 ("the
 * server went away / did not answer in time"), and not no answer at all (null: a cut connection, the
 * client's own timeout). A 503 is sure either way: the balancer's ("no server available") never reached
 * an instance, the API's own refusal rolled its transaction back.
 */
export function isSureAnswer(status: number | null): boolean {
  return status !== null && status !== 502 && status !== 504;
}

/**
 * Whether an idempotent request is worth sending again: no sure answer, or the balancer's 503 (no
 * instance ready: it has no error code, the API's own refusals have one).
 */
export function worthRetrying(status: number | null, code: string | undefined): boolean {
  return !isSureAnswer(status) || (status === 503 && !code);
}

export interface Reconciliation {
  kind: string;
  /** Ids the clients were told. */
  told: number;
  /** Rows in the database (of this run's kind). */
  found: number;
  /** Told, not in the database. */
  lost: number;
  /** In the database, never told: written by a request whose answer did not arrive. */
  untold: number;
  /** Requests with no sure answer: the most `untold` may be. */
  unsure: number;
  /** Ids found more than once, plus untold rows beyond what the unsure requests explain. */
  doubled: number;
}

/**
 * Compares what the clients were told with the rows found (`found`: one id per row, so an id twice is a
 * doubled row). A row nobody was told of is fine as long as some request went unanswered for each one;
 * more such rows than unanswered requests means something wrote twice.
 */
export function reconcile(kind: string, told: Told, found: readonly string[]): Reconciliation {
  const seen = new Map<string, number>();
  for (const id of found) seen.set(id, (seen.get(id) ?? 0) + 1);
  let lost = 0;
  for (const id of told.ids) if (!seen.has(id)) lost++;
  let untold = 0;
  let repeated = 0;
  for (const [id, n] of seen) {
    if (!told.ids.has(id)) untold++;
    repeated += n - 1;
  }
  return {
    kind,
    told: told.ids.size,
    found: found.length,
    lost,
    untold,
    unsure: told.unsure,
    doubled: repeated + Math.max(0, untold - told.unsure),
  };
}

/** Rows of a `GROUP BY … HAVING COUNT(*) > 1` (key, n): how many records are there once too often. */
export function surplus(rows: readonly { n: number | string }[]): number {
  return rows.reduce((sum, r) => sum + Number(r.n) - 1, 0);
}

/** The share of the CPU the processes used together that each one took (`?` when none was used). */
export function cpuSplit(ms: readonly (number | null)[]): string[] {
  const known = ms.map((v) => v ?? 0);
  const total = known.reduce((a, b) => a + b, 0);
  return known.map((v) => (total === 0 ? '?' : `${((v / total) * 100).toFixed(0)} %`));
}
