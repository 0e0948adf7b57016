import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { DeadlineOptions } from '../../src/deadlines/domain/deadline-engine.js';

/**
 * The golden deadline cases (worked examples the engine must reproduce). The repository keeps a copy,
 * `test/fixtures/golden/deadlines.json`, so that a clone passes on its own; the project's reference
 * folder `../shared/golden/deadlines.json` (or `$TIEPDAN_SHARED_DIR/golden/deadlines.json`) is read
 * instead when it is there, and `goldenDifferences()` says how the copy has fallen behind it.
 */
export interface GoldenCase {
  id: string;
  rule: string;
  trigger: string;
  options: DeadlineOptions;
  due: string;
  why: string;
}

export interface GoldenFile {
  cases: GoldenCase[];
  [key: string]: unknown;
}

export interface GoldenSources {
  /** The cases the tests run: the shared file when it exists, else the repository's copy. */
  used: { path: string; file: GoldenFile };
  repository: { path: string; file: GoldenFile };
  shared?: { path: string; file: GoldenFile };
}

const root = resolve(__dirname, '..', '..');

export const REPOSITORY_GOLDEN = join(root, 'test', 'fixtures', 'golden', 'deadlines.json');

/** Where the shared reference file would be: `$TIEPDAN_SHARED_DIR`, else `../shared` beside the project. */
export function sharedGoldenPath(sharedDir = process.env.TIEPDAN_SHARED_DIR): string {
  return join(sharedDir ?? resolve(root, '..', 'shared'), 'golden', 'deadlines.json');
}

const read = (path: string): GoldenFile => JSON.parse(readFileSync(path, 'utf8')) as GoldenFile;

export function loadGoldenDeadlines(
  repositoryPath = REPOSITORY_GOLDEN,
  sharedPath = sharedGoldenPath(),
): GoldenSources {
  const repository = { path: repositoryPath, file: read(repositoryPath) };
  const shared = existsSync(sharedPath) ? { path: sharedPath, file: read(sharedPath) } : undefined;
  return { used: shared ?? repository, repository, ...(shared ? { shared } : {}) };
}

/**
 * How the repository's copy differs from the shared file, one line per difference (none: the same
 * content, whatever the formatting).
 */
export function goldenDifferences(repository: GoldenFile, shared: GoldenFile): string[] {
  const problems: string[] = [];
  const repoCases = new Map(repository.cases.map((c) => [c.id, c]));
  const sharedCases = new Map(shared.cases.map((c) => [c.id, c]));
  for (const [id, c] of sharedCases) {
    const copy = repoCases.get(id);
    if (!copy) problems.push(`case ${id} is in the shared file but not in the repository's copy`);
    else if (!isDeepStrictEqual(copy, c)) problems.push(`case ${id} differs from the shared file`);
  }
  for (const id of repoCases.keys()) {
    if (!sharedCases.has(id))
      problems.push(`case ${id} is in the repository's copy but not in the shared file`);
  }
  const { cases: _r, ...repoRest } = repository;
  const { cases: _s, ...sharedRest } = shared;
  if (!isDeepStrictEqual(repoRest, sharedRest)) problems.push('the fields beside "cases" differ');
  if (problems.length === 0 && !isDeepStrictEqual(repository, shared))
    problems.push('the order of the cases differs');
  return problems;
}
