import 'reflect-metadata';
import { IsInt, IsString, getMetadataStorage, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache.js';

class Parent {
  @IsString()
  name: unknown;
}

const problems = (value: object) =>
  validateSync(value, { whitelist: true, forbidNonWhitelisted: true }).map((e) => e.property);

describe('cached class-validator rules (docs/load.md, "Intake\'s CPU")', () => {
  beforeAll(() => cacheValidationMetadata());

  it('looks a class up once, and answers as before', () => {
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Parent, '', false, false);
    expect(storage.getTargetValidationMetadatas(Parent, '', false, false)).toBe(first);
    expect(first.map((m) => m.propertyName)).toEqual(['name']);
    // Other options are another answer.
    expect(storage.getTargetValidationMetadatas(Parent, '', false, false, ['g'])).not.toBe(first);
    expect(problems(Object.assign(new Parent(), { name: 1 }))).toEqual(['name']);
    expect(problems(Object.assign(new Parent(), { name: 'Lê Văn A' }))).toEqual([]);
  });

  it('sees a class defined, or a rule added, after the first validation', () => {
    expect(problems(Object.assign(new Parent(), { name: 'x', age: 'x' }))).toEqual(['age']);
    // A rule added to a class already validated (a decorator applied late).
    IsInt()(Parent.prototype, 'age');
    expect(problems(Object.assign(new Parent(), { name: 'x', age: 'x' }))).toEqual(['age']);
    expect(problems(Object.assign(new Parent(), { name: 'x', age: 3 }))).toEqual([]);
    // A subclass defined later inherits the parent's rules and has its own.
    class Child extends Parent {
      @IsString()
      note: unknown;
    }
    expect(problems(Object.assign(new Child(), { name: 2, age: 3, note: 4 })).sort()).toEqual([
      'name',
      'note',
    ]);
  });
});
