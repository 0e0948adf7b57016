import { subjectExportHtml } from './subject-access-export.html.js';
import type { SubjectExportView } from './dto/subject-access.dto.js';

const view = (records: SubjectExportView['records']): SubjectExportView => ({
  requestRef: 'YC-2026/15',
  generatedAt: '2026-12-07T02:30:00.000Z',
  searchedBy: 'id_number',
  records,
});

const record = (
  over: Partial<SubjectExportView['records'][number]> = {},
): SubjectExportView['records'][number] => ({
  kind: 'letter_petitioner',
  role: 'petitioner',
  matchedOn: 'id_number',
  rowId: '01890000-0000-7000-8000-000000000001',
  recordId: '01890000-0000-7000-8000-000000000002',
  unitId: '01890000-0000-7000-8000-000000000003',
  date: '2026-12-05',
  category: 'complaint',
  protectedRecord: false,
  fields: ['fullName'],
  correctable: true,
  version: 1,
  withheld: null,
  data: { fullName: 'Nguyễn Văn <b>An</b>', email: null },
  texts: { content: 'Tôi khiếu nại <script>alert(1)</script>' },
  ...over,
});

describe('subjectExportHtml', () => {
  it('is a Vietnamese page with the request, each record, dates as dd/MM/yyyy', () => {
    const html = subjectExportHtml(view([record()]));
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('YC-2026/15');
    expect(html).toContain('ngày 05/12/2026');
    expect(html).toContain('loại: khiếu nại');
    expect(html).toContain('Họ và tên');
    expect(html).toContain('<em>không có</em>'); // the e-mail not held
  });

  it('escapes what citizens wrote: no markup or script of theirs reaches the page', () => {
    const html = subjectExportHtml(view([record()]));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>An</b>');
    expect(html).toContain('Nguyễn Văn &#60;b&#62;An&#60;/b&#62;');
  });

  it('says why a record is withheld and shows no data for it', () => {
    const html = subjectExportHtml(
      view([
        record({ kind: 'letter_mention', data: null, texts: null, withheld: 'Không cung cấp (điều 47).' }),
      ]),
    );
    expect(html).toContain('Đơn của người khác có nêu tên');
    expect(html).toContain('Không cung cấp (điều 47).');
    expect(html).not.toContain('<table>');
  });

  it('says so when nothing is held', () => {
    expect(subjectExportHtml(view([]))).toContain('Không có dữ liệu cá nhân nào');
  });
});
