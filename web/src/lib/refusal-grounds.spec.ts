import { REFUSAL_GROUNDS as DOMAIN } from '../../../src/reception/domain/reception-book';
import { REFUSAL_GROUNDS } from './refusal-grounds';

describe("the console's refusal grounds", () => {
  it('are the API domain’s, code for code, with the same legal basis and Vietnamese text', () => {
    expect(REFUSAL_GROUNDS).toEqual(DOMAIN.map(({ code, legalBasis, vi }) => ({ code, legalBasis, vi })));
  });
});
