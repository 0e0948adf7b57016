// The worked examples of /shared/golden/deadlines.json, read from that file (never copied here).
// eslint-disable-next-line no-restricted-imports -- test-only I/O: the golden file lives outside the repo
import { readFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports -- test-only I/O, see above
import path from 'node:path';
import { nationalCalendar } from '../../calendar/domain/national-calendar';
import { computeDeadline, type DeadlineOptions } from './deadline-engine';
import { DEFAULT_DEADLINE_POLICY } from './deadline-policy';

interface GoldenCase {
  id: string;
  rule: string;
  trigger: string;
  options: DeadlineOptions;
  due: string;
  why: string;
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const sharedDir = process.env.TIEPDAN_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');
const golden = JSON.parse(readFileSync(path.join(sharedDir, 'golden', 'deadlines.json'), 'utf8')) as {
  cases: GoldenCase[];
};

describe('golden worked examples (shared/golden/deadlines.json)', () => {
  const calendar = nationalCalendar();

  it('has cases to run', () => {
    expect(golden.cases.length).toBeGreaterThan(0);
  });

  it.each(golden.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const result = computeDeadline(c.rule, c.trigger, c.options, calendar, DEFAULT_DEADLINE_POLICY);
    expect(result.due).toBe(c.due);
    expect(result.ruleId).toBe(c.rule);
  });
});
