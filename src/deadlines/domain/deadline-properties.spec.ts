import fc from 'fast-check';
import { addDays, daysFromCivil, fromEpochDay, toEpochDay } from '../../common/domain/local-date';
import { nationalCalendar } from '../../calendar/domain/national-calendar';
import { computeDeadline, type DeadlineOptions } from './deadline-engine';
import { DEADLINE_RULES, optionsOf, type DeadlineRule, type DeadlineRuleVersion } from './deadline-rules';

const calendar = nationalCalendar();
const FROM = daysFromCivil(2025, 1, 1);
const TO = daysFromCivil(2027, 12, 31);

function versionAt(rule: DeadlineRule, trigger: string): DeadlineRuleVersion | undefined {
  let found: DeadlineRuleVersion | undefined;
  for (const v of rule.versions) if (v.effectiveFrom === null || v.effectiveFrom <= trigger) found = v;
  return found;
}

const computable = DEADLINE_RULES.filter((r) => r.versions.some((v) => v.computable));

/** A rule (of `rules`), a trigger in 2025–2027 where it is computable, and valid options for it. */
const scenarioOf = (rules: DeadlineRule[]) =>
  fc
    .record({
      rule: fc.constantFrom(...rules),
      day: fc.integer({ min: FROM, max: TO }),
      remote: fc.boolean(),
      complicated: fc.boolean(),
      multiSite: fc.boolean(),
      dismissal: fc.boolean(),
      extensions: fc.integer({ min: 0, max: 2 }),
      obstacleDays: fc.integer({ min: 0, max: 60 }),
      suspension: fc.option(
        fc.record({ start: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 0, max: 60 }) }),
      ),
    })
    .map((s) => {
      const trigger = fromEpochDay(s.day);
      const version = versionAt(s.rule, trigger);
      if (!version || !version.computable) return undefined;
      const allowed = new Set(optionsOf(version));
      const options: DeadlineOptions = {};
      if (allowed.has('remote')) options.remote = s.remote;
      if (allowed.has('complicated')) options.complicated = s.complicated;
      if (allowed.has('multiSite')) options.multiSite = s.multiSite;
      if (allowed.has('dismissal')) options.dismissal = s.dismissal;
      if (allowed.has('extensions')) options.extensions = s.extensions;
      if (allowed.has('obstacleDays')) options.obstacleDays = s.obstacleDays;
      if (allowed.has('suspensions') && s.suspension) {
        const earliest =
          version.suspensions?.from && version.suspensions.from > trigger
            ? version.suspensions.from
            : trigger;
        const suspended = addDays(earliest, s.suspension.start);
        options.suspensions = [{ suspended, resumed: addDays(suspended, s.suspension.length) }];
      }
      return { rule: s.rule, version, trigger, options };
    })
    .filter((s): s is NonNullable<typeof s> => s !== undefined);
const scenario = scenarioOf(computable);
const withVersion = (test: (v: DeadlineRuleVersion) => boolean | undefined) =>
  scenarioOf(computable.filter((r) => r.versions.some((v) => v.computable && test(v)))).filter(
    ({ version }) => Boolean(test(version)),
  );

/** Working days in [from, to] by asking the calendar day by day (independent of the rank index). */
function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = toEpochDay(from); d <= toEpochDay(to); d++) if (calendar.isWorkingDay(fromEpochDay(d))) n++;
  return n;
}

describe('deadline properties (fast-check)', () => {
  it('a forward due date is a working day after the trigger, and the first working day from the raw end', () => {
    fc.assert(
      fc.property(
        withVersion((v) => v.direction === 'forward'),
        ({ rule, trigger, options }) => {
          const r = computeDeadline(rule.id, trigger, options, calendar);
          expect(calendar.isWorkingDay(r.due)).toBe(true);
          expect(r.due > trigger).toBe(true);
          expect(r.due >= r.rawEnd).toBe(true);
          if (r.due > r.rawEnd) expect(workingDaysBetween(r.rawEnd, addDays(r.due, -1))).toBe(0);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('due dates never decrease when the trigger moves later (same rule version and options)', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 40 }), ({ rule, trigger, options }, shift) => {
        const { suspensions: _ignored, ...fixed } = options; // suspension dates are tied to the trigger
        const later = addDays(trigger, shift);
        const a = computeDeadline(rule.id, trigger, fixed, calendar);
        const b = computeDeadline(rule.id, later, fixed, calendar);
        fc.pre(a.ruleVersion === b.ruleVersion);
        expect(b.due >= a.due).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('a working-day rule spans exactly N working days', () => {
    fc.assert(
      fc.property(
        withVersion((v) => v.unit === 'working_days'),
        ({ rule, version, trigger, options }) => {
          const r = computeDeadline(rule.id, trigger, options, calendar);
          expect(calendar.isWorkingDay(r.due)).toBe(true);
          if (version.direction === 'forward') {
            expect(workingDaysBetween(addDays(trigger, 1), r.due)).toBe(r.days);
          } else {
            expect(workingDaysBetween(r.due, addDays(trigger, -1))).toBe(r.days);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a calendar-day count-back is exactly X − N, not moved', () => {
    fc.assert(
      fc.property(
        withVersion((v) => v.unit === 'calendar_days' && v.direction === 'back'),
        ({ rule, trigger, options }) => {
          const r = computeDeadline(rule.id, trigger, options, calendar);
          expect(r.due).toBe(addDays(trigger, -r.days));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a suspension moves the raw end by exactly its length', () => {
    fc.assert(
      fc.property(
        withVersion((v) => v.suspensions !== undefined),
        ({ rule, trigger, options }) => {
          fc.pre(options.suspensions !== undefined);
          const { suspensions, ...rest } = options;
          const without = computeDeadline(rule.id, trigger, rest, calendar);
          const withSuspension = computeDeadline(rule.id, trigger, options, calendar);
          const [{ suspended, resumed }] = suspensions ?? [];
          const length = toEpochDay(resumed) - toEpochDay(suspended);
          expect(toEpochDay(withSuspension.rawEnd) - toEpochDay(without.rawEnd)).toBe(length);
          expect(withSuspension.suspendedDays).toBe(length);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('every extension adds exactly 30 days to the raw end (TC-3)', () => {
    fc.assert(
      fc.property(fc.integer({ min: FROM, max: TO }), fc.integer({ min: 1, max: 2 }), (day, n) => {
        const trigger = fromEpochDay(day);
        const base = computeDeadline('TC-3', trigger, {}, calendar);
        const extended = computeDeadline('TC-3', trigger, { extensions: n }, calendar);
        expect(toEpochDay(extended.rawEnd) - toEpochDay(base.rawEnd)).toBe(30 * n);
      }),
    );
  });
});
