// eslint-disable-next-line no-restricted-imports -- test-only I/O: temporary golden files
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports -- test-only I/O, see above
import { tmpdir } from 'node:os';
// eslint-disable-next-line no-restricted-imports -- test-only I/O, see above
import path from 'node:path';
import {
  goldenDifferences,
  loadGoldenDeadlines,
  type GoldenFile,
} from '../../../test/support/golden-deadlines';
import { nationalCalendar } from '../../calendar/domain/national-calendar';
import { computeDeadline } from './deadline-engine';
import { DEFAULT_DEADLINE_POLICY } from './deadline-policy';

// The repository's copy (test/fixtures/golden/deadlines.json), or ../shared/golden/deadlines.json when
// that reference folder is beside the project (test/support/golden-deadlines.ts).
const golden = loadGoldenDeadlines();

describe('golden worked examples (test/fixtures/golden/deadlines.json, or ../shared when present)', () => {
  const calendar = nationalCalendar();

  it('has cases to run', () => {
    expect(golden.used.file.cases.length).toBeGreaterThan(0);
  });

  it.each(golden.used.file.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const result = computeDeadline(c.rule, c.trigger, c.options, calendar, DEFAULT_DEADLINE_POLICY);
    expect(result.due).toBe(c.due);
    expect(result.ruleId).toBe(c.rule);
  });

  // Without ../shared the copy is compared with itself and this holds; beside it, a case added or
  // changed there and not copied in (cp ../shared/golden/deadlines.json test/fixtures/golden/) fails.
  it("the repository's copy holds the same cases as ../shared/golden/deadlines.json", () => {
    const reference = golden.shared?.file ?? golden.repository.file;
    expect(goldenDifferences(golden.repository.file, reference)).toEqual([]);
  });
});

describe('which golden file the tests read', () => {
  let dir: string;
  const file = (cases: GoldenFile['cases']): GoldenFile => ({
    conventions: 'docs/deadline-policy.md',
    cases,
  });
  const base = file([
    { id: 'A', rule: 'KN-3', trigger: '2026-01-16', options: {}, due: '2026-02-23', why: 'Tết' },
    { id: 'B', rule: 'KN-2', trigger: '2026-01-26', options: {}, due: '2026-02-09', why: '10 days' },
  ]);
  const write = (name: string, content: GoldenFile) => {
    const p = path.join(dir, name);
    writeFileSync(p, JSON.stringify(content, null, 2));
    return p;
  };
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'golden-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reads the repository's copy when there is no shared file", () => {
    const repo = write('repo.json', base);
    const sources = loadGoldenDeadlines(repo, path.join(dir, 'missing', 'deadlines.json'));
    expect(sources.used.path).toBe(repo);
    expect(sources.shared).toBeUndefined();
  });

  it('reads the shared file instead when it exists', () => {
    const repo = write('repo.json', base);
    const shared = write('shared.json', file([...base.cases]));
    const sources = loadGoldenDeadlines(repo, shared);
    expect(sources.used.path).toBe(shared);
    expect(goldenDifferences(sources.repository.file, sources.shared!.file)).toEqual([]);
  });

  it('names a case added to, changed in or removed from the shared file but not copied in', () => {
    const shared = file([
      { ...base.cases[0], due: '2026-02-24' },
      { id: 'C', rule: 'KN-3', trigger: '2026-03-02', options: {}, due: '2026-04-01', why: 'new' },
    ]);
    expect(goldenDifferences(base, shared)).toEqual([
      'case A differs from the shared file',
      "case C is in the shared file but not in the repository's copy",
      "case B is in the repository's copy but not in the shared file",
    ]);
    expect(goldenDifferences(base, { ...base, conventions: 'elsewhere' })).toEqual([
      'the fields beside "cases" differ',
    ]);
  });
});
