/**
 * The inspectorate's backlog: per unit, its own enforcement records by status and the obligations it
 * is late with, rolled up to every unit above it that the viewer may see. Pure: the counts and the
 * (ancestor, descendant) pairs of the unit closure are arguments.
 */

export const BACKLOG_STATUSES = ['not_started', 'in_progress', 'overdue', 'blocked', 'done'] as const;
export type BacklogStatus = (typeof BACKLOG_STATUSES)[number];

export type BacklogCounts = Record<BacklogStatus, number> & { overdueObligations: number };

export function emptyCounts(): BacklogCounts {
  return { not_started: 0, in_progress: 0, overdue: 0, blocked: 0, done: 0, overdueObligations: 0 };
}

export function addCounts(into: BacklogCounts, from: BacklogCounts): BacklogCounts {
  for (const key of Object.keys(into) as (keyof BacklogCounts)[]) into[key] += from[key];
  return into;
}

export function isEmpty(c: BacklogCounts): boolean {
  return Object.values(c).every((n) => n === 0);
}

/**
 * Totals per unit: own + every descendant's own. `pairs` are closure rows (a unit is its own
 * depth-0 descendant) limited to ancestors the viewer may see; each descendant counts once per ancestor.
 */
export function rollUp(
  own: ReadonlyMap<string, BacklogCounts>,
  pairs: readonly { ancestorId: string; descendantId: string }[],
): Map<string, BacklogCounts> {
  const totals = new Map<string, BacklogCounts>();
  for (const { ancestorId, descendantId } of pairs) {
    const counts = own.get(descendantId);
    if (!counts) continue;
    const total = totals.get(ancestorId) ?? emptyCounts();
    totals.set(ancestorId, addCounts(total, counts));
  }
  return totals;
}
