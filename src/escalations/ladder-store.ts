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
 * Two indexed queries on the caller's manager (inside its transaction).
 */
export async function storedLaddersFor(
  manager: EntityManager,
  unitId: string,
  keys: readonly string[],
): Promise<{ chain: string[]; stored: StoredLadder[] }> {
  const chain = (
    (await manager.query(
      'SELECT ancestor_id AS id FROM unit_closure WHERE descendant_id = ? ORDER BY depth',
      [unitId],
    )) as { id: string }[]
  ).map((r) => r.id);
  const scopes = [...chain, EVERY_AGENCY];
  const rows = (await manager.query(
    `SELECT ladder_key AS ladderKey, agency_scope AS agencyScope, version, levels FROM escalation_ladders
      WHERE ladder_key IN (${keys.map(() => '?').join(', ')}) AND agency_scope IN (${scopes.map(() => '?').join(', ')})
      ORDER BY version DESC`,
    [...keys, ...scopes],
  )) as { ladderKey: string; agencyScope: string; version: number; levels: unknown }[];
  const seen = new Set<string>();
  const stored: StoredLadder[] = [];
  for (const r of rows) {
    const id = `${r.ladderKey} ${r.agencyScope}`;
    if (seen.has(id)) continue; // an older version
    seen.add(id);
    stored.push({
      key: r.ladderKey,
      agencyUnitId: r.agencyScope === EVERY_AGENCY ? null : r.agencyScope,
      version: Number(r.version),
      levels: parsedLevels(r.levels),
    });
  }
  return { chain, stored };
}
