import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type DomainErrorDetail } from '../domain/domain-error.js';
import { cacheValidationMetadata } from './validation-metadata-cache.js';

/** Flattens class-validator's tree into `{ field: 'a.b[0].c', message }` rows, one per broken rule. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): DomainErrorDetail[] {
  return errors.flatMap((error) => {
    const field = !parent
      ? error.property
      : /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      // class-validator says "property x should not exist" for unknown fields; keep its words otherwise.
      message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function requestValidationError(errors: ValidationError[]): DomainError {
  const details = flattenValidationErrors(errors);
  const fields = [...new Set(details.map((d) => d.field))];
  return new DomainError(
    'VALIDATION_FAILED',
    `The request is invalid: ${fields.length === 1 ? `field ${fields[0]} is` : `fields ${fields.join(', ')} are`} not acceptable.`,
    'invalid',
    details,
  );
}

/** Whitelist, reject unknown fields, convert types; every failure becomes a VALIDATION_FAILED 400. */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => requestValidationError(errors),
  });
}
