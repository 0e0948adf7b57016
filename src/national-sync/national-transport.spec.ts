import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NationalEnvelope } from './domain/national-envelope.js';
import { FileDropTransport } from './national-transport.js';

const envelope = (sequence: number): NationalEnvelope => ({
  schemaVersion: 1,
  idempotencyKey: `letter-L1-${sequence}`,
  agencyCode: 'H39.01',
  recordType: 'letter',
  recordId: 'L1',
  sequence,
  event: sequence === 1 ? 'letter.classified' : 'letter.processed',
  occurredOn: '2026-11-20',
  data: { classification: 'complaint' },
});

describe('the JSON-lines file drop', () => {
  it('appends one line per event to the agency’s file of the day, in order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'national-drop-'));
    const transport = new FileDropTransport(dir);
    const at = new Date('2026-11-25T03:00:00Z');
    expect(await transport.deliver(envelope(1), at)).toEqual({ outcome: 'sent' });
    expect(await transport.deliver(envelope(2), at)).toEqual({ outcome: 'sent' });
    expect(await readdir(dir)).toEqual(['H39.01-2026-11-25.jsonl']);
    const lines = (await readFile(join(dir, 'H39.01-2026-11-25.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).idempotencyKey)).toEqual(['letter-L1-1', 'letter-L1-2']);
    expect(Object.keys(JSON.parse(lines[0]))).toEqual([
      'schemaVersion',
      'idempotencyKey',
      'agencyCode',
      'recordType',
      'recordId',
      'sequence',
      'event',
      'occurredOn',
      'data',
    ]);
  });
});
