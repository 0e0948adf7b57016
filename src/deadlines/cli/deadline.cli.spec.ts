import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runDeadlineCli } from './deadline.cli';
import { renderRuleTableMarkdown, RULE_TABLE_BEGIN, RULE_TABLE_END } from './rule-table.markdown';

async function run(argv: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  stdin.end(input);
  const code = await runDeadlineCli(argv, stdin, stdout, stderr);
  return { code, stdout: out, stderr: err };
}

describe('deadline CLI, single mode', () => {
  it('prints one JSON object for KN-3 across Tết 2026', async () => {
    const { code, stdout, stderr } = await run(['KN-3', '2026-01-16']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({
      due: '2026-02-23',
      rawEnd: '2026-02-15',
      unit: 'calendar_days',
      days: 30,
      ruleVersion: 'KN-3/v1',
      provisional: false,
    });
    expect(json.legalBasis).toContain('LKN 02/2011/QH13 art. 28');
    expect(json.calendarVersion).toMatch(/^vn-public-sector@/);
    expect(json.explanation.en.join('\n')).toContain('art. 148(5)');
  });

  it.each([
    [['KN-3', '2026-01-26', '--remote', '--complicated'], '2026-03-27'], // + 60 days
    [['TC-3', '2026-03-02', '--extensions', '2'], '2026-06-01'], // raw Sun 31 May
    [['TC-3', '2026-03-02', '--extensions=1'], '2026-05-04'], // raw Fri 1 May
    [['TC-1', '2026-02-11', '--multi-site'], '2026-03-04'], // 10 working days across Tết
    [['KL-2', '2026-06-01', '--dismissal'], '2026-07-01'], // 30 days
    [['KN-1', '2026-01-05', '--obstacle-days', '10'], '2026-04-15'], // 90 + 10 days
    [['KN-3', '2026-07-06', '--suspend', '2026-07-20:2026-08-10'], '2026-08-26'], // + 21 days
    [
      ['TC-3', '2026-03-02', '--suspend', '2026-03-10:2026-03-17', '--suspend', '2026-03-20:2026-03-27'],
      '2026-04-15',
    ], // + 14
  ])('%j → due %s', async (argv, due) => {
    const { code, stdout } = await run(argv);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).due).toBe(due);
  });

  it('leaves the explanation out with --no-explanation', async () => {
    const { stdout } = await run(['KN-4', '2026-02-13', '--no-explanation']);
    const json = JSON.parse(stdout);
    expect(json.due).toBe('2026-02-25');
    expect(json).not.toHaveProperty('explanation');
  });

  it.each([
    [['KL-4', '2026-03-02', '--remote'], 'DEADLINE_OPTION_NOT_APPLICABLE'],
    [['KN-99', '2026-03-02'], 'DEADLINE_UNKNOWN_RULE'],
    [['KN-3', '2026-02-30'], 'DATE_INVALID'],
    [['TC-3', '2026-03-02', '--extensions', '3'], 'DEADLINE_TOO_MANY_EXTENSIONS'],
    [['TC-3', '2026-03-02', '--extensions', 'two'], 'DEADLINE_OPTION_INVALID'],
    [
      ['TC-3', '2026-03-02', '--suspend', '2026-03-20:2026-03-10'],
      'DEADLINE_SUSPENSION_RESUMES_BEFORE_START',
    ],
    [['TC-3', '2026-03-02', '--suspend', '2026-03-20'], 'DEADLINE_CLI_USAGE'],
    [['KN-3', '2019-06-01'], 'CALENDAR_OUT_OF_RANGE'],
    [['KN-3'], 'DEADLINE_CLI_USAGE'],
    [['KN-3', '2026-03-02', '--urgent'], 'DEADLINE_CLI_USAGE'],
    [['KN-3', '2026-03-02', '--extensions'], 'DEADLINE_CLI_USAGE'],
  ])('%j exits 2 with %s on stdout and a message on stderr', async (argv, code) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).error.code).toBe(code);
    expect(result.stderr).toMatch(/^deadline: /);
  });

  it('prints the usage with --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('usage: deadline <RULE> <YYYY-MM-DD>');
  });
});

describe('deadline CLI, batch mode', () => {
  it('answers each line in order, with an error line for a bad request and for a malformed line', async () => {
    const input = [
      JSON.stringify({ id: 'a', rule: 'KN-2', trigger: '2026-08-20', options: {} }),
      JSON.stringify({ id: 'b', rule: 'TC-3', trigger: '2026-03-02', options: { extensions: 3 } }),
      '{"id": "c", "rule": ',
      '',
      JSON.stringify({
        id: 'd',
        rule: 'KN-3',
        trigger: '2026-07-06',
        options: { suspensions: [{ suspended: '2026-07-20', resumed: '2026-08-10' }] },
      }),
      JSON.stringify({ id: 'e', trigger: '2026-03-02' }),
      '[1, 2]',
      JSON.stringify({ id: 7, rule: 'TC-1', trigger: '2025-12-31' }),
    ].join('\n');
    const { code, stdout } = await run(['--batch'], input);
    expect(code).toBe(0);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.due ?? l.error.code])).toEqual([
      ['a', '2026-08-28'],
      ['b', 'DEADLINE_TOO_MANY_EXTENSIONS'],
      [null, 'DEADLINE_BATCH_LINE_INVALID'],
      ['d', '2026-08-26'],
      ['e', 'DEADLINE_BATCH_LINE_INVALID'],
      [null, 'DEADLINE_BATCH_LINE_INVALID'],
      [7, '2026-01-12'],
    ]);
    expect(lines[2].line).toBe(3);
    expect(lines[0]).toMatchObject({ ruleVersion: 'KN-2/v2', unit: 'working_days', days: 7 });
  });

  it('answers 10,000 lines', async () => {
    const input = Array.from({ length: 10_000 }, (_, i) =>
      JSON.stringify({ id: i, rule: i % 2 ? 'KN-3' : 'TC-1', trigger: '2026-01-16', options: {} }),
    ).join('\n');
    const { code, stdout } = await run(['--batch', '--no-explanation'], input);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(10_000);
    expect(JSON.parse(lines[9_999])).toMatchObject({ id: 9_999, due: '2026-02-23' });
  });

  it('refuses options on the command line in batch mode', async () => {
    const { code, stdout } = await run(['--batch', '--remote']);
    expect(code).toBe(2);
    expect(JSON.parse(stdout).error.code).toBe('DEADLINE_CLI_USAGE');
  });
});

describe('docs/deadlines.md', () => {
  it('contains the rule table exactly as the code renders it', async () => {
    const docs = readFileSync(path.resolve(__dirname, '..', '..', '..', 'docs', 'deadlines.md'), 'utf8');
    const begin = docs.indexOf(RULE_TABLE_BEGIN);
    const end = docs.indexOf(RULE_TABLE_END);
    expect(begin).toBeGreaterThanOrEqual(0);
    expect(docs.slice(begin, end + RULE_TABLE_END.length + 1)).toBe(renderRuleTableMarkdown());
    const { stdout } = await run(['--rules-markdown']);
    expect(stdout).toBe(renderRuleTableMarkdown());
  });
});
