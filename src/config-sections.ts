import type { ConfigSectionCheck } from './config/load-config.js';
import { escalationConfigProblems } from './escalations/escalation.config.js';
import { identityConfigProblems } from './identity/identity.config.js';
import { nationalSyncConfigProblems } from './national-sync/national-sync.config.js';

/**
 * The features' own setting checks (see ConfigSectionCheck), passed by every entry point to
 * loadConfigFromEnvironment so that config/ itself depends on no feature.
 */
export const CONFIG_SECTIONS: readonly ConfigSectionCheck[] = [
  identityConfigProblems,
  escalationConfigProblems,
  nationalSyncConfigProblems,
];
