import { renderCalendarPage } from './calendar-page.html.js';
import type { PublicCalendar, PublicSession } from './public-calendar.model.js';

const session = (overrides: Partial<PublicSession> = {}): PublicSession => ({
  id: '019a0000-0000-7000-8000-000000000001',
  unit: { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo' },
  kind: 'periodic',
  mode: 'direct',
  date: '2026-12-08',
  startTime: '07:30',
  endTime: '11:30',
  place: { name: 'Trụ sở tiếp công dân', address: '2 Nguyễn Văn Trị', room: null, hours: null },
  receiver: { name: 'Nguyễn Văn Hùng', title: 'Giám đốc Sở' },
  officers: [],
  topics: null,
  note: null,
  status: 'scheduled',
  statusReason: null,
  originalDate: null,
  originalStartTime: null,
  movedFrom: null,
  sequence: 0,
  updatedAt: '2026-11-25T03:00:00.000Z',
  ...overrides,
});

const model = (sessions: PublicSession[], unit = true): PublicCalendar => ({
  unit: unit ? { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo' } : null,
  month: '2026-12',
  from: '2026-12-01',
  to: '2026-12-31',
  today: '2026-11-25',
  units: [{ code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo' }],
  page: unit ? null : { number: 1, count: 1, unitsPerPage: 20 },
  regular: [],
  sessions,
});

const render = (m: PublicCalendar) =>
  renderCalendarPage({ model: m, unit: 'SGDDT', month: '2026-12', problems: [] });

describe('the public calendar page', () => {
  it('states that it collects nothing and how a citizen’s data is used (Law 91/2025/QH15)', () => {
    const html = render(model([]));
    expect(html).toContain('Trang này không thu thập thông tin cá nhân.');
    expect(html).toContain('Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15');
    expect(html).toContain('Nghị định 55/2022/NĐ-CP');
  });

  it('escapes every text from the database (no markup injection)', () => {
    const html = render(
      model([session({ topics: '<script>alert(1)</script>', receiver: { name: 'A "B" & C', title: null } })]),
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('A &#34;B&#34; &#38; C');
  });

  it('says a cancelled session is cancelled, with its reason, in words', () => {
    const html = render(model([session({ status: 'cancelled', statusReason: 'Lãnh đạo đi công tác' })]));
    expect(html).toContain('<strong>Đã hủy.</strong> Lý do: Lãnh đạo đi công tác.');
  });

  it('shows a postponed session on its new day and on the day it was first published for', () => {
    const html = render(
      model([
        session({
          status: 'postponed',
          date: '2026-12-22',
          originalDate: '2026-12-08',
          originalStartTime: '07:30',
          statusReason: 'Trùng lịch',
        }),
      ]),
    );
    const rows = html.match(/<tr[^>]*>\s*<th scope="row"[^>]*>[^<]*/g) ?? [];
    expect(rows.map((r) => r.replace(/.*>/s, ''))).toEqual(['Thứ Ba, 08/12/2026', 'Thứ Ba, 22/12/2026']);
    expect(html).toContain('<strong>Hoãn</strong>, chuyển sang Thứ Ba, 22/12/2026, 07:30.');
    expect(html).toContain('<strong>Lịch mới</strong> (hoãn từ Thứ Ba, 08/12/2026).');
  });

  it('has one h1, a caption and column headers, and a unit column only without a unit filter', () => {
    const one = render(model([session()]));
    expect(one.match(/<h1>/g)).toHaveLength(1);
    expect(one).toContain('<caption>');
    expect(one).toContain('<th scope="col">Người tiếp</th>');
    expect(one).not.toContain('<th scope="col">Đơn vị</th>');
    expect(render(model([session()], false))).toContain('<th scope="col">Đơn vị</th>');
    expect(one).not.toMatch(/<script/);
  });

  it('says so when nothing is published for the period', () => {
    expect(render(model([]))).toContain('Chưa có buổi tiếp công dân nào được công bố trong thời gian này.');
  });
});
