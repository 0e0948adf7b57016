import 'reflect-metadata';
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { parse as parseDotenv } from 'dotenv';
import { AppConfig } from './app-config.js';
import { EnvironmentVariables } from './env.schema.js';

export type RawEnvironment = Record<string, string | undefined>;

/** Thrown when the environment is invalid; `problems` lists every one of them. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  - ${problems.join('\n  - ')}`,
    );
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => {
    if (e.value === undefined) return [`${e.property} is required`];
    // One line per variable: the first rule it breaks (class-validator lists them last-declared first).
    // Values are never echoed: some are secrets.
    const messages = Object.values(e.constraints ?? {});
    const message = messages[messages.length - 1] ?? 'is invalid';
    return [message.startsWith(e.property) ? message : `${e.property}: ${message}`];
  });
}

/**
 * A feature's own checks of its settings beyond their shape (a keyring that parses, ladders in order),
 * run with every other check so that one message lists every problem. Features keep them next to their
 * code (`identity/identity.config.ts`, `escalations/escalation.config.ts`); the entry points pass them
 * (`src/config-sections.ts`), so this folder imports no feature.
 */
export type ConfigSectionCheck = (variables: EnvironmentVariables) => string[];

/** Validates raw variables into the typed AppConfig, or throws a ConfigError naming every problem. */
export function loadConfig(raw: RawEnvironment, sections: readonly ConfigSectionCheck[]): AppConfig {
  const input: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) if (value !== undefined) input[key] = value;
  const variables = plainToInstance(EnvironmentVariables, input, { exposeDefaultValues: true });
  const errors = validateSync(variables, { whitelist: true, forbidUnknownValues: false });
  const problems = describe(errors);
  if (variables.NODE_ENV === 'production' && /change-me/i.test(variables.JWT_SECRET ?? '')) {
    problems.push('JWT_SECRET still holds the example value: set a random secret in production');
  }
  if (/^\d\d:\d\d-\d\d:\d\d$/.test(variables.WORKING_HOURS ?? '')) {
    const [start, end] = variables.WORKING_HOURS.split('-');
    if (start >= end) problems.push('WORKING_HOURS must end after it starts (e.g. 07:30-17:00)');
  }
  for (const check of sections) problems.push(...check(variables));
  if (problems.length > 0) throw new ConfigError(problems);
  return new AppConfig(variables);
}

/**
 * The process environment over `.env` (in the working directory) — the only place the application
 * reads `process.env`.
 */
export function loadConfigFromEnvironment(
  sections: readonly ConfigSectionCheck[],
  cwd = process.cwd(),
): AppConfig {
  const file = resolve(cwd, '.env');
  const fromFile = existsSync(file) ? parseDotenv(readFileSync(file)) : {};
  return loadConfig({ ...fromFile, ...process.env }, sections);
}
