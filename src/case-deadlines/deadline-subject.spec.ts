import { DeadlineSubjects, type DeadlineSubjectAdapter } from './deadline-subject.js';

const adapter = (subjectType: string): DeadlineSubjectAdapter => ({
  subjectType,
  isClosed: () => Promise.resolve(false),
  handlerIds: () => Promise.resolve([]),
  lockForUpdate: () => Promise.resolve(),
  describe: () => Promise.resolve({ what: '', link: null }),
});

describe('DeadlineSubjects', () => {
  it('gives each subject type its adapter, and lists the types', () => {
    const subjects = new DeadlineSubjects();
    const letter = adapter('letter');
    const obligation = adapter('enforcement_obligation');
    subjects.register(letter);
    subjects.register(obligation);
    expect(subjects.of('letter')).toBe(letter);
    expect(subjects.types()).toEqual(['enforcement_obligation', 'letter']);
  });

  it('refuses a second adapter for a type, and a type nobody registered', () => {
    const subjects = new DeadlineSubjects();
    subjects.register(adapter('letter'));
    expect(() => subjects.register(adapter('letter'))).toThrow(/registered twice/);
    expect(() => subjects.of('complaint_case')).toThrow(
      /No deadline subject "complaint_case".*known: letter/,
    );
  });

  it('forgets an adapter when its registration is undone', () => {
    const subjects = new DeadlineSubjects();
    const undo = subjects.register(adapter('letter'));
    undo();
    expect(subjects.types()).toEqual([]);
    subjects.register(adapter('letter'));
    expect(subjects.types()).toEqual(['letter']);
  });
});
