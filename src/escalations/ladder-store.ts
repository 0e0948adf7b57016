import type { EntityManager } from 'typeorm';
import type { LadderLevel, StoredLadder } from './domain/ladder.js';
import { EVERY_AGENCY } from './entities/escalation-ladder.entity.js';

/** JSON columns come back parsed from MySQL and as text from MariaDB (JSON is LONGTEXT there). */
export const parsedLevels = (levels: unknown): LadderLevel[] | null =>
  levels === null || levels === undefined
    ? null
    : typeof levels === 'string'
      ? (JSON.parse(levels) as LadderLevel[])
      : (levels as LadderLevel[]);

/**
 * What `resolveLadder` needs for a deadline of `unitId` (ADR 0017): the unit and its ancestors nearest
 * first, and the current version of each stored ladder for `keys` at those units or for every agency.
 * One statement on the caller's manager (inside its transaction, or on the pool before it): the chain and
 * the ladders in one `UNION ALL` — two round trips before (docs/load.md, "Intake's CPU").
 */
export async function storedLaddersFor(
  manager: EntityManager,
  unitId: string,
  keys: readonly string[],
): Promise<{ chain: string[]; stored: StoredLadder[] }> {
  const rows = (await manager.query(
    `SELECT 0 AS part, ancestor_id AS id, depth, NULL AS ladderKey, NULL AS agencyScope, NULL AS version,
            NULL AS levels
       FROM unit_closure WHERE descendant_id = ?
     UNION ALL
     SELECT 1, NULL, NULL, ladder_key, agency_scope, version, levels FROM escalation_ladders
      WHERE ladder_key IN (${keys.map(() => '?').join(', ')})
        AND (agency_scope = ? OR agency_scope IN (SELECT ancestor_id FROM unit_closure WHERE descendant_id = ?))
     ORDER BY part, depth, version DESC`,
    [unitId, ...keys, EVERY_AGENCY, unitId],
  )) as {
    part: number | string;
    id: string | null;
    ladderKey: string | null;
    agencyScope: string | null;
    version: number | string | null;
    levels: unknown;
  }[];
  const chain: string[] = [];
  const seen = new Set<string>();
  const stored: StoredLadder[] = [];
  for (const r of rows) {
    if (Number(r.part) === 0) {
      chain.push(r.id!);
      continue;
    }
    const id = `${r.ladderKey} ${r.agencyScope}`;
    if (seen.has(id)) continue; // an older version
    seen.add(id);
    stored.push({
      key: r.ladderKey!,
      agencyUnitId: r.agencyScope === EVERY_AGENCY ? null : r.agencyScope,
      version: Number(r.version),
      levels: parsedLevels(r.levels),
    });
  }
  return { chain, stored };
}
