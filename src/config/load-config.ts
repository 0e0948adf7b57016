import 'reflect-metadata';
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { parse as parseDotenv } from 'dotenv';
import { AppConfig } from './app-config.js';
import { EnvironmentVariables } from './env.schema.js';
import { parseKeyring } from '../identity/domain/keyring.js';
import { parseLadders } from '../escalations/domain/ladder.js';

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

/** The index key of .env.example: fine on a developer's machine, refused in production. */
const EXAMPLE_INDEX_KEY = 'h9IWPangu+g9RbHyuGTVRb3b68jHU9CXqOgzi1jmz30=';

/** Validates raw variables into the typed AppConfig, or throws a ConfigError naming every problem. */
export function loadConfig(raw: RawEnvironment): AppConfig {
  const input: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) if (value !== undefined) input[key] = value;
  const variables = plainToInstance(EnvironmentVariables, input, { exposeDefaultValues: true });
  const errors = validateSync(variables, { whitelist: true, forbidUnknownValues: false });
  const problems = describe(errors);
  if (variables.NODE_ENV === 'production' && /change-me/i.test(variables.JWT_SECRET ?? '')) {
    problems.push('JWT_SECRET still holds the example value: set a random secret in production');
  }
  if (variables.IDENTITY_MASTER_KEYS) {
    try {
      const keyring = parseKeyring(variables.IDENTITY_MASTER_KEYS);
      if (
        variables.NODE_ENV === 'production' &&
        [...keyring.byId.keys()].some((id) => id.startsWith('example'))
      ) {
        problems.push('IDENTITY_MASTER_KEYS still holds the example key: generate a key for production');
      }
    } catch (error) {
      problems.push(`IDENTITY_MASTER_KEYS: ${(error as Error).message}`);
    }
  }
  if (variables.NODE_ENV === 'production' && variables.IDENTITY_INDEX_KEY === EXAMPLE_INDEX_KEY) {
    problems.push('IDENTITY_INDEX_KEY still holds the example value: generate one for production');
  }
  if (/^\d\d:\d\d-\d\d:\d\d$/.test(variables.WORKING_HOURS ?? '')) {
    const [start, end] = variables.WORKING_HOURS.split('-');
    if (start >= end) problems.push('WORKING_HOURS must end after it starts (e.g. 07:30-17:00)');
  }
  if (variables.ESCALATION_LADDERS) {
    try {
      parseLadders(variables.ESCALATION_LADDERS);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return new AppConfig(variables);
}

/**
 * The process environment over `.env` (in the working directory) — the only place the application
 * reads `process.env`.
 */
export function loadConfigFromEnvironment(cwd = process.cwd()): AppConfig {
  const file = resolve(cwd, '.env');
  const fromFile = existsSync(file) ? parseDotenv(readFileSync(file)) : {};
  return loadConfig({ ...fromFile, ...process.env });
}
