/**
 * Counting conventions that an administrator may change per deployment (deadline-policy.md). Every
 * computed deadline records the policy version that produced it.
 */

export interface DeadlinePolicySettings {
  /**
   * Make-up Saturdays (làm bù) are working days. An interpretation (legal-reference §1.1, §12.3):
   * default true (deadline-policy convention 5).
   */
  makeUpSaturdaysCount: boolean;
  /**
   * A calendar-day period whose last day is not a working day ends on the next working day
   * (Civil Code 91/2015/QH13 art. 148(5); deadline-policy convention 2). Default true.
   */
  rollForward: boolean;
  /**
   * Where each extension (TC-3, LTC 25/2018/QH14 art. 30) starts: from the raw end of the previous
   * period (`raw_end`, default, deadline-policy convention 8) or from its rolled-forward end
   * (`adjusted_end`). Only the final date is rolled forward either way.
   */
  extendFrom: 'raw_end' | 'adjusted_end';
}

export interface DeadlinePolicy extends Readonly<DeadlinePolicySettings> {
  readonly id: string;
  /** `<id>:makeup=…,roll=…,extend=…` — identifies the settings; recorded with every deadline. */
  readonly version: string;
}

export const DEFAULT_POLICY_SETTINGS: Readonly<DeadlinePolicySettings> = Object.freeze({
  makeUpSaturdaysCount: true,
  rollForward: true,
  extendFrom: 'raw_end',
});

/** A frozen policy from settings (missing ones take the defaults). */
export function definePolicy(settings: Partial<DeadlinePolicySettings> = {}, id = 'custom'): DeadlinePolicy {
  const s: DeadlinePolicySettings = { ...DEFAULT_POLICY_SETTINGS, ...settings };
  if (typeof s.makeUpSaturdaysCount !== 'boolean' || typeof s.rollForward !== 'boolean') {
    throw new TypeError('makeUpSaturdaysCount and rollForward must be booleans');
  }
  if (s.extendFrom !== 'raw_end' && s.extendFrom !== 'adjusted_end') {
    throw new TypeError("extendFrom must be 'raw_end' or 'adjusted_end'");
  }
  const version =
    `${id}:makeup=${s.makeUpSaturdaysCount ? 'counted' : 'not-counted'}` +
    `,roll=${s.rollForward ? 'next-working-day' : 'none'},extend=${s.extendFrom === 'raw_end' ? 'raw-end' : 'adjusted-end'}`;
  return Object.freeze({ id, version, ...s });
}

/** The defaults of deadline-policy.md. */
export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = definePolicy({}, 'vn-default');
