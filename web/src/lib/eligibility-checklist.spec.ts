import { requiredChecks } from '../../../src/letters/domain/letter-rules';
import { checklistOutcome, eligibilityChecklist } from './eligibility-checklist';

describe("the console's eligibility checklist", () => {
  it.each(['complaint', 'denunciation', 'petition', 'anonymous', 'mixed'] as const)(
    'asks exactly the API domain’s checks of a %s letter, each with a label and a legal basis',
    (kind) => {
      const items = eligibilityChecklist(kind);
      expect(items.map((i) => i.check)).toEqual([...requiredChecks(kind)]);
      for (const item of items) {
        expect(item.label).toMatch(/\p{L}{3}/u);
        expect(item.basis).toMatch(/Điều \d+/);
      }
    },
  );

  it('names each kind’s own conditions: the denounced and the violation, the violator and evidence', () => {
    const text = (kind: string) =>
      eligibilityChecklist(kind)
        .map((i) => `${i.label} ${i.basis}`)
        .join(' ');
    expect(text('complaint')).toContain('người bị khiếu nại');
    expect(text('denunciation')).toContain('người bị tố cáo');
    expect(text('anonymous')).toContain('khoản 2 Điều 25 Luật Tố cáo');
  });

  it('tells the outcome: eligible only when every check is ticked', () => {
    const all = eligibilityChecklist('complaint').map((i) => i.check);
    expect(checklistOutcome('complaint', all)).toBe('Đủ điều kiện xử lý.');
    expect(checklistOutcome('complaint', all.slice(1))).toMatch(/^Chưa đủ điều kiện xử lý \(1 điều kiện/);
    expect(checklistOutcome('anonymous', [])).toMatch(/\(6 điều kiện không đạt\)/);
  });
});
