import { digestEmail, escapeHtml, notificationEmail } from './email-templates.js';

const item = {
  title: 'Vụ việc KN-2026-0012 sắp quá hạn giải quyết',
  body: 'Thời hạn giải quyết: 20/03/2026.\nĐơn vị: Phòng A1.',
  link: '/api/v1/complaint-cases/0190a1b2-0000-7000-8000-000000000001',
};

describe('notificationEmail', () => {
  const mail = notificationEmail(item, 'https://tiepdan.example.gov.vn/');

  it('puts the title in the subject and an absolute link in both parts', () => {
    expect(mail.subject).toBe('[Tiếp dân] Vụ việc KN-2026-0012 sắp quá hạn giải quyết');
    const url = 'https://tiepdan.example.gov.vn/api/v1/complaint-cases/0190a1b2-0000-7000-8000-000000000001';
    expect(mail.text).toContain(`Xem chi tiết: ${url}`);
    expect(mail.html).toContain(`href="${url}"`);
    expect(mail.text).toContain('Thời hạn giải quyết: 20/03/2026.');
  });

  it('escapes HTML and keeps the subject on one line', () => {
    const evil = notificationEmail(
      { title: 'A\r\nBcc: x@y.z', body: '<script>alert(1)</script>', link: null },
      'https://x',
    );
    expect(evil.subject).not.toMatch(/[\r\n]/);
    expect(evil.html).not.toContain('<script>');
    expect(evil.html).toContain('&lt;script&gt;');
    expect(evil.text).not.toContain('Xem chi tiết');
  });

  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('digestEmail', () => {
  it('lists every item, numbered, under a dated heading', () => {
    const mail = digestEmail(
      [item, { ...item, title: 'Kỳ rà soát thi hành quyết định', link: null }],
      '2026-03-12',
      'https://x',
    );
    expect(mail.subject).toBe('[Tiếp dân] Tổng hợp 2 thông báo ngày 12/03/2026');
    expect(mail.text).toContain('1. Vụ việc KN-2026-0012 sắp quá hạn giải quyết');
    expect(mail.text).toContain('2. Kỳ rà soát thi hành quyết định');
    expect(mail.html.match(/<li>/g)).toHaveLength(2);
  });

  it('refuses an empty digest', () => {
    expect(() => digestEmail([], '2026-03-12', 'https://x')).toThrow(RangeError);
  });
});
