import { searchFold as apiFold } from '../../../src/common/domain/vietnamese-text';
import { filterLetters, indexLetters, searchFold, type ListedLetter } from './letter-filter';

const letter = (over: Partial<ListedLetter>): ListedLetter => ({
  id: 'a',
  status: 'registered',
  channel: 'post',
  classification: 'complaint',
  processingDue: '2026-12-10',
  receivedOn: '2026-12-01',
  receiptCode: 'D-0001',
  subject: 'Khiếu nại',
  content: 'Nội dung',
  ...over,
});

describe('the letters list filtered in the browser (docs/console.md)', () => {
  it.each([
    'Nguyễn Văn Đức',
    'KHIẾU NẠI về cấp phép xây dựng!',
    'Đơn  tố cáo — ông Trần   (phường 3)',
    '汉字 và chữ Việt',
    'ﬁ ligature café',
  ])('folds %s as the API folds its search column', (text) => {
    expect(searchFold(text)).toBe(apiFold(text));
  });

  const letters = indexLetters([
    letter({ id: '1', subject: 'Khiếu nại về cấp phép xây dựng', processingDue: '2026-12-01' }),
    letter({ id: '2', subject: 'Tố cáo cán bộ', classification: 'denunciation', channel: 'email' }),
    letter({ id: '3', status: 'decided', processingDue: '2026-11-01', receivedOn: '2026-10-20' }),
    letter({ id: '4', processingDue: '2026-12-20', receivedOn: '2026-12-05', content: 'đất đai' }),
  ]);
  const ids = (f: Parameters<typeof filterLetters>[1]) =>
    filterLetters(letters, f, '2026-12-07', '2026-12-13').map((l) => l.id);

  it('searches subject and content without diacritics, every word', () => {
    expect(ids({ q: 'cap phep xay', sort: 'due' })).toEqual(['1']);
    expect(ids({ q: 'DAT dai', sort: 'due' })).toEqual(['4']);
    expect(ids({ q: 'cap dai', sort: 'due' })).toEqual([]);
  });

  it('overdue and due this week concern undecided letters only', () => {
    expect(ids({ due: 'qua-han', sort: 'due' })).toEqual(['1']);
    expect(ids({ due: 'tuan-nay', sort: 'due' })).toEqual(['1', '2']);
  });

  it('filters by status, channel and kind; sorts by nearest due or newest received', () => {
    expect(ids({ channel: 'email', sort: 'due' })).toEqual(['2']);
    expect(ids({ classification: 'denunciation', sort: 'due' })).toEqual(['2']);
    expect(ids({ status: 'decided', sort: 'due' })).toEqual(['3']);
    expect(ids({ sort: 'due' })).toEqual(['3', '1', '2', '4']);
    expect(ids({ sort: 'received' })).toEqual(['4', '2', '1', '3']);
  });
});
