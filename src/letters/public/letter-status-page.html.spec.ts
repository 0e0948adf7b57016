import {
  codeToEcho,
  NOT_FOUND_TEXT,
  readStatusForm,
  renderStatusPage,
  type StatusPageInput,
} from './letter-status-page.html.js';
import { letterStatusView, type LetterStatusView } from './letter-status.js';

const SECRET = 'K7M2QX9PRA';

const view = (overrides: Partial<LetterStatusView> = {}): LetterStatusView => ({
  receiptCode: 'TD-2026-7KQ4-M9XP',
  receivedOn: '2026-08-03',
  kind: 'Khiếu nại',
  stage: 'Đang giải quyết',
  milestones: [
    { date: '2026-08-03', text: 'Đã nhận đơn' },
    { date: '2026-08-05', text: 'Đơn đủ điều kiện, được chuyển giải quyết theo thẩm quyền' },
    { date: '2026-08-10', text: 'Thụ lý giải quyết khiếu nại' },
  ],
  currentDeadline: { step: 'Giải quyết khiếu nại', due: '2026-10-09' },
  competentBody: null,
  ...overrides,
});

const status = (v: LetterStatusView) => renderStatusPage({ kind: 'status', status: v });
const text = (html: string) =>
  html
    .replace(/<style>[\s\S]*<\/style>/, '')
    .replace(/<\/dt>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ');

describe('the receipt-code status page', () => {
  it('states on every page that it collects nothing and how a citizen’s data is used', () => {
    for (const html of [renderStatusPage({ kind: 'form' }), status(view())]) {
      expect(html).toContain('Trang này không thu thập thông tin cá nhân.');
      expect(html).toContain('danh tính người tố cáo được giữ bí mật');
      expect(html).toContain('Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15');
    }
  });

  it('shows the stage, the milestones with Vietnamese dates, and the statutory deadline', () => {
    const html = status(view());
    expect(html).toContain('<html lang="vi">');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(text(html)).toContain('Tình trạng Đang giải quyết');
    expect(text(html)).toContain('Thời hạn theo quy định: giải quyết khiếu nại đến ngày 09/10/2026.');
    expect(html).toContain('<li><time datetime="2026-08-03">03/08/2026</time>: Đã nhận đơn</li>');
    expect(html).not.toContain('Cơ quan có thẩm quyền');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<form'); // a result page has a link to a new lookup instead
    expect(html).toContain('<a href="/tra-cuu-don">Tra cứu đơn khác</a>');
  });

  it('lists milestones oldest first, keeping the given order within a day', () => {
    const html = status(
      view({
        milestones: [
          { date: '2026-08-03', text: 'Đã nhận đơn' },
          { date: '2026-08-12', text: 'Đang xác minh nội dung khiếu nại' },
          { date: '2026-08-03', text: 'Tiếp nhận khiếu nại' },
          { date: '2026-08-10', text: 'Thụ lý giải quyết khiếu nại' },
        ],
      }),
    );
    const items = [...html.matchAll(/<li><time datetime="([^"]+)">[^<]+<\/time>: ([^<]+)<\/li>/g)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(items).toEqual([
      '2026-08-03 Đã nhận đơn',
      '2026-08-03 Tiếp nhận khiếu nại',
      '2026-08-10 Thụ lý giải quyết khiếu nại',
      '2026-08-12 Đang xác minh nội dung khiếu nại',
    ]);
  });

  it('escapes what came from officers, a <script> in the competent body included', () => {
    const html = status(
      view({
        stage: 'Đã xử lý đơn',
        competentBody: '<script>alert("x")</script> Ủy ban nhân dân & "Sở"',
        currentDeadline: null,
      }),
    );
    expect(html).not.toContain('<script');
    expect(html).toContain(
      '<dt>Cơ quan có thẩm quyền</dt><dd>&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; Ủy ban nhân dân &#38; &#34;Sở&#34;</dd>',
    );
    expect(text(html)).toContain('Hiện không có thời hạn giải quyết nào đang được tính');
  });

  it('renders a status built by the pure view model (a guided letter)', () => {
    const v = letterStatusView(
      {
        receiptCode: 'TD-2026-7KQ4-M9XP',
        receivedOn: '2026-11-20',
        classification: 'petition',
        status: 'decided',
        processingDue: '2026-11-30',
        decision: 'guide',
        decidedOn: '2026-11-24',
        guidanceBody: 'Tòa án nhân dân tỉnh Đồng Nai',
        transferTo: null,
        archiveReason: null,
      },
      null,
    );
    const t = text(status(v));
    expect(t).toContain('Loại đơn Kiến nghị, phản ánh');
    expect(t).toContain('Cơ quan có thẩm quyền Tòa án nhân dân tỉnh Đồng Nai');
    expect(t).toContain('24/11/2026: Đã hướng dẫn công dân gửi đơn đến cơ quan có thẩm quyền');
  });

  it('answers an unknown code, a wrong secret and a malformed code with the same neutral text', () => {
    const known = renderStatusPage({ kind: 'not_found', code: 'td 2026 7kq4 m9xp' });
    const malformed = renderStatusPage({ kind: 'not_found', code: 'abc' });
    expect(known).toContain(NOT_FOUND_TEXT);
    expect(known).toContain('value="TD-2026-7KQ4-M9XP"'); // normalised before it is echoed
    expect(malformed).toContain('value="abc"');
    // Apart from the echoed code, the pages are the same: nothing tells whether a code exists.
    expect(known.replace('value="TD-2026-7KQ4-M9XP"', 'value="X"')).toBe(
      malformed.replace('value="abc"', 'value="X"'),
    );
    expect(text(known)).not.toMatch(/không tồn tại|không đúng|sai mật mã|đã hết hạn/i);
    expect(NOT_FOUND_TEXT).toMatch(/^Không tìm thấy đơn với mã và mật mã này/);
  });

  it('escapes and cleans a code it cannot normalise before echoing it', () => {
    expect(codeToEcho('  td-2026-7kq4-m9xp ')).toBe('TD-2026-7KQ4-M9XP');
    expect(codeToEcho('a\u0000b')).toBe('ab');
    const html = renderStatusPage({ kind: 'not_found', code: '"><script>alert(1)</script>' });
    expect(html).not.toContain('<script');
    expect(html).toContain('value="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;"');
  });

  it('never puts the secret in the page, whatever the outcome', () => {
    const pages: StatusPageInput[] = [];
    for (const body of [
      { code: '', secret: SECRET },
      { code: 'TD-2026-7KQ4-M9XP', secret: SECRET },
      { code: 'x'.repeat(65), secret: SECRET },
    ]) {
      const form = readStatusForm(body);
      expect(form.secret).toBe(SECRET);
      pages.push(
        form.problems.length
          ? { kind: 'invalid', code: form.code, problems: form.problems }
          : { kind: 'not_found', code: form.code },
      );
    }
    pages.push({ kind: 'status', status: view() }, { kind: 'form' });
    for (const page of pages) {
      const html = renderStatusPage(page);
      expect(html).not.toContain(SECRET);
      expect(html).toMatch(/<input id="mat-ma" name="secret" type="text" value=""|<\/section>/);
    }
  });

  it('asks for both fields, with messages tied to them and a summary linking to them (400)', () => {
    const form = readStatusForm({ code: '   ', secret: 42 });
    expect(form.problems.map((p) => p.field)).toEqual(['code', 'secret']);
    const html = renderStatusPage({ kind: 'invalid', code: form.code, problems: form.problems });
    expect(html).toContain('<title>Lỗi: Tra cứu tình trạng đơn</title>');
    expect(html).toContain('<a href="#ma-tra-cuu">Nhập mã tra cứu ghi trên giấy biên nhận.</a>');
    expect(html).toContain('<a href="#mat-ma">Nhập mật mã ghi trên giấy biên nhận.</a>');
    expect(html).toMatch(/<input id="ma-tra-cuu"[^>]*aria-describedby="ma-tra-cuu-goi-y ma-tra-cuu-loi"/);
    expect(html).toMatch(/<input id="mat-ma"[^>]*aria-invalid="true"/);
    expect(html).toContain('<label for="ma-tra-cuu">Mã tra cứu</label>');
    expect(html).toContain('<label for="mat-ma">Mật mã</label>');
    expect(html).toContain('<form method="post" action="/tra-cuu-don"');
  });

  it('reads only strings, trims them, and ignores anything else in the body', () => {
    expect(readStatusForm(undefined).problems).toHaveLength(2);
    expect(readStatusForm({ code: ['a'], secret: { x: 1 } }).problems).toHaveLength(2);
    expect(readStatusForm({ code: ' td-2026-7kq4-m9xp ', secret: ' abc ' })).toEqual({
      code: 'td-2026-7kq4-m9xp',
      secret: 'abc',
      problems: [],
    });
  });
});
