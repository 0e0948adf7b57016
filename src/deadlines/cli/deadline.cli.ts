/**
 * Deadline calculator on the command line: the built-in national calendar and the default policy,
 * no database, no Redis.
 *
 *   npm run --silent deadline -- KN-3 2026-01-16 [--remote] [--complicated] [--extensions N]
 *       [--multi-site] [--dismissal] [--obstacle-days N] [--suspend FROM:TO]... [--no-explanation]
 *   npm run --silent deadline -- --batch [--no-explanation] < requests.jsonl
 *   npm run --silent deadline -- --rules-markdown
 *
 * Single mode prints one JSON object; exit 0, or 2 on a usage/input error (error JSON on stdout, a
 * short message on stderr). Batch mode reads JSON lines
 * `{"id","rule","trigger","options":{…}}` and writes, in order, one line per request:
 * `{"id","due",…}` or `{"id","error":{"code","message"}}` (a malformed line too); exit 0.
 */
import '../../bootstrap/require-supported-node.js'; // first: refuses a Node older than engines, before any native module loads
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { DomainError } from '../../common/domain/domain-error.js';
import { nationalCalendar } from '../../calendar/domain/national-calendar.js';
import type { WorkingCalendar } from '../../calendar/domain/working-calendar.js';
import { computeDeadline, type DeadlineOptions, type DeadlineSuspension } from '../domain/deadline-engine.js';
import { DEFAULT_DEADLINE_POLICY } from '../domain/deadline-policy.js';
import { renderRuleTableMarkdown } from './rule-table.markdown.js';

export const USAGE = `usage: deadline <RULE> <YYYY-MM-DD> [--remote] [--complicated] [--extensions N] [--multi-site]
                [--dismissal] [--obstacle-days N] [--suspend FROM:TO]... [--no-explanation]
       deadline --batch [--no-explanation]     JSON lines on stdin: {"id","rule","trigger","options"}
       deadline --rules-markdown               the rule table as Markdown (docs/deadlines.md)`;

const USAGE_ERROR = 'DEADLINE_CLI_USAGE';
const BATCH_LINE_INVALID = 'DEADLINE_BATCH_LINE_INVALID';
const FLUSH_AT = 1 << 16;

class UsageError extends DomainError {
  constructor(message: string, code = USAGE_ERROR) {
    super(code, message, 'invalid');
  }
}

interface ParsedArgs {
  mode: 'single' | 'batch' | 'help' | 'rules';
  rule?: string;
  trigger?: string;
  options: DeadlineOptions;
  explanation: boolean;
}

function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options: DeadlineOptions = {};
  const suspensions: DeadlineSuspension[] = [];
  let mode: ParsedArgs['mode'] = 'single';
  let explanation = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      return next;
    };
    const wholeNumber = (): number => {
      const text = value();
      if (!/^\d{1,5}$/.test(text)) {
        throw new UsageError(
          `${name}: expected a whole number ≥ 0, got '${text}'`,
          'DEADLINE_OPTION_INVALID',
        );
      }
      return Number(text);
    };
    switch (name) {
      case '--batch':
        mode = 'batch';
        break;
      case '--help':
      case '-h':
        mode = 'help';
        break;
      case '--rules-markdown':
        mode = 'rules';
        break;
      case '--no-explanation':
        explanation = false;
        break;
      case '--remote':
        options.remote = true;
        break;
      case '--complicated':
        options.complicated = true;
        break;
      case '--multi-site':
        options.multiSite = true;
        break;
      case '--dismissal':
        options.dismissal = true;
        break;
      case '--extensions':
        options.extensions = wholeNumber();
        break;
      case '--obstacle-days':
        options.obstacleDays = wholeNumber();
        break;
      case '--suspend': {
        const text = value();
        const [suspended, resumed, extra] = text.split(':');
        if (!suspended || !resumed || extra !== undefined) {
          throw new UsageError(`--suspend: expected FROM:TO (YYYY-MM-DD:YYYY-MM-DD), got '${text}'`);
        }
        suspensions.push({ suspended, resumed });
        break;
      }
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        positional.push(arg);
    }
  }
  if (suspensions.length) options.suspensions = suspensions;
  if (mode === 'single') {
    if (positional.length !== 2) throw new UsageError('expected <RULE> <YYYY-MM-DD>');
    return { mode, rule: positional[0], trigger: positional[1], options, explanation };
  }
  if (positional.length) throw new UsageError(`unexpected argument ${positional[0]}`);
  if (mode === 'batch' && Object.keys(options).length) {
    throw new UsageError('options go into each batch line, not on the command line');
  }
  return { mode, options, explanation };
}

function errorJson(error: unknown): { code: string; message: string } {
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

function compute(
  rule: string,
  trigger: string,
  options: DeadlineOptions | undefined,
  calendar: WorkingCalendar,
  explanation: boolean,
): Record<string, unknown> {
  const json: Record<string, unknown> = {
    ...computeDeadline(rule, trigger, options, calendar, DEFAULT_DEADLINE_POLICY).toJSON(),
  };
  if (!explanation) delete json.explanation;
  return json;
}

/**
 * Runs the CLI. Resolves to the exit code; never calls `process.exit`, so a test can drive it.
 */
export async function runDeadlineCli(
  argv: readonly string[],
  stdin: Readable,
  stdout: Writable,
  stderr: Writable,
): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    stdout.write(JSON.stringify({ error: errorJson(error) }, null, 2) + '\n');
    stderr.write(`deadline: ${errorJson(error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.mode === 'help') {
    stdout.write(USAGE + '\n');
    return 0;
  }
  if (args.mode === 'rules') {
    stdout.write(renderRuleTableMarkdown());
    return 0;
  }
  const calendar = nationalCalendar();
  if (args.mode === 'batch') return runBatch(stdin, stdout, calendar, args.explanation);

  try {
    const result = compute(args.rule ?? '', args.trigger ?? '', args.options, calendar, args.explanation);
    stdout.write(JSON.stringify(result, null, 2) + '\n');
    return 0;
  } catch (error) {
    const err = errorJson(error);
    stdout.write(JSON.stringify({ error: err }, null, 2) + '\n');
    stderr.write(`deadline: ${err.code}: ${err.message}\n`);
    return error instanceof DomainError ? 2 : 1;
  }
}

async function runBatch(
  stdin: Readable,
  stdout: Writable,
  calendar: WorkingCalendar,
  explanation: boolean,
): Promise<number> {
  let buffer = '';
  const flush = async (): Promise<void> => {
    if (!buffer) return;
    const chunk = buffer;
    buffer = '';
    if (!stdout.write(chunk)) await new Promise<void>((resolve) => stdout.once('drain', resolve));
  };
  const lines = createInterface({ input: stdin, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    buffer += JSON.stringify(batchLine(line, lineNo, calendar, explanation)) + '\n';
    if (buffer.length >= FLUSH_AT) await flush();
  }
  await flush();
  return 0;
}

function batchLine(
  line: string,
  lineNo: number,
  calendar: WorkingCalendar,
  explanation: boolean,
): Record<string, unknown> {
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch {
    return {
      id: null,
      line: lineNo,
      error: { code: BATCH_LINE_INVALID, message: `line ${lineNo}: not valid JSON` },
    };
  }
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    return {
      id: null,
      line: lineNo,
      error: { code: BATCH_LINE_INVALID, message: `line ${lineNo}: expected an object` },
    };
  }
  const { id = null, rule, trigger, options } = request as Record<string, unknown>;
  if (typeof rule !== 'string' || typeof trigger !== 'string') {
    const message = `line ${lineNo}: "rule" and "trigger" must be strings`;
    return { id, line: lineNo, error: { code: BATCH_LINE_INVALID, message } };
  }
  try {
    return { id, ...compute(rule, trigger, options as DeadlineOptions | undefined, calendar, explanation) };
  } catch (error) {
    return { id, line: lineNo, error: errorJson(error) };
  }
}

if (require.main === module) {
  void runDeadlineCli(process.argv.slice(2), process.stdin, process.stdout, process.stderr).then((code) => {
    process.exitCode = code;
  });
}
