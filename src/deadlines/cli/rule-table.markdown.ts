/**
 * The rule table as Markdown, for docs/deadlines.md (`npm run --silent deadline -- --rules-markdown`).
 * A unit test checks that the committed document contains exactly this output.
 */
import { DEADLINE_RULES, type DeadlineRuleVersion } from '../domain/deadline-rules.js';

export const RULE_TABLE_BEGIN =
  '<!-- rule-table:begin (generated: npm run --silent deadline -- --rules-markdown) -->';
export const RULE_TABLE_END = '<!-- rule-table:end -->';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function period(v: DeadlineRuleVersion): string {
  if (!v.computable || !v.period) return `— (${v.notComputableReason?.en ?? 'not computable'})`;
  const unit = v.unit === 'working_days' ? 'wd' : 'cd';
  return `${v.period.days} ${unit}${v.direction === 'back' ? ' before' : ''}`;
}

function variants(v: DeadlineRuleVersion): string {
  const p = v.period;
  const out: string[] = [];
  if (p?.complicated !== undefined) out.push(`complicated ${p.complicated}`);
  if (p?.remote !== undefined) out.push(`remote ${p.remote}`);
  if (p?.remoteComplicated !== undefined) out.push(`remote + complicated ${p.remoteComplicated}`);
  if (p?.multiSite !== undefined) out.push(`multiSite ${p.multiSite}`);
  if (p?.dismissal !== undefined) out.push(`dismissal ${p.dismissal}`);
  if (p?.extensions) out.push(`extensions ≤ ${p.extensions.max} × ${p.extensions.days} cd`);
  if (v.obstacles) out.push('obstacleDays');
  if (v.suspensions)
    out.push(`suspensions${v.suspensions.from ? ` (dated from ${v.suspensions.from})` : ''}`);
  return out.join('; ') || '—';
}

function notes(v: DeadlineRuleVersion, sameAs?: string): string {
  const out: string[] = [];
  if (sameAs) out.push(`= ${sameAs}.`);
  if (v.note) out.push(v.note.en);
  if (v.lawReading) {
    out.push(`Law's reading shown as a note: ${v.lawReading.days} cd (${v.lawReading.legalBasis}).`);
  }
  if (v.unconfirmed) out.push(`**UNCONFIRMED:** ${v.unconfirmed}`);
  return out.join(' ') || '—';
}

export function renderRuleTableMarkdown(): string {
  const lines = [
    RULE_TABLE_BEGIN,
    '',
    '| ID | Version (triggers from) | Step | Clock starts | Period | Variants / options | Legal basis | Notes |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const rule of DEADLINE_RULES) {
    for (const v of rule.versions) {
      lines.push(
        '| ' +
          [
            rule.id,
            `${v.version} (${v.effectiveFrom ?? 'start'})`,
            `${rule.step.en} — *${rule.step.vi}*`,
            rule.trigger.en,
            period(v),
            variants(v),
            v.legalBasis,
            notes(v, rule.sameAs),
          ]
            .map(cell)
            .join(' | ') +
          ' |',
      );
    }
  }
  lines.push('', RULE_TABLE_END, '');
  return lines.join('\n');
}
