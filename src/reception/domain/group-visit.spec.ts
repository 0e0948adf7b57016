import { groupProblems, representativeRange } from './group-visit.js';

const people = (count: number, representatives: number) =>
  Array.from({ length: count }, (_, i) => ({ representative: i < representatives }));

describe('group visits and their representatives (LTCD art. 29)', () => {
  it.each([
    [1, null],
    [4, null],
    [5, { min: 1, max: 2 }],
    [10, { min: 1, max: 2 }],
    [11, { min: 1, max: 5 }],
    [300, { min: 1, max: 5 }],
  ])('%i people → representatives %j', (count, range) => {
    expect(representativeRange(count)).toEqual(range);
  });

  it.each([
    // peopleCount, citizens listed, of them representatives, fields with problems
    [1, 1, 0, []],
    [3, 3, 0, []],
    [5, 1, 1, []],
    [5, 2, 2, []],
    [10, 2, 2, []],
    [5, 3, 3, ['citizens']], // 5–10 people: at most 2
    [10, 1, 0, ['citizens']], // a group must name one
    [11, 5, 5, []],
    [11, 3, 3, []],
    [40, 6, 6, ['citizens']], // more than 10: no more than 5
    [2, 3, 0, ['citizens']], // more citizens than people
    [1, 0, 0, ['citizens']], // nobody named
    [0, 1, 0, ['peopleCount']],
    [1.5, 1, 0, ['peopleCount']],
  ])('%i people, %i named, %i representatives → %j', (count, named, reps, fields) => {
    expect(groupProblems(count, people(named, reps)).map((p) => p.field)).toEqual(fields);
  });

  it('says how many representatives a group may have and cites the law', () => {
    const [problem] = groupProblems(12, people(6, 6));
    expect(problem.message).toContain('1 to 5 representatives');
    expect(problem.message).toContain('art. 29');
  });
});
