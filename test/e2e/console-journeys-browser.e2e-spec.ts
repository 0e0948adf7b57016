import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { startApi } from '../support/api.js';
import { launchChromium, listenLocally, signInToConsole } from '../support/browser.js';
import { screenChecker } from '../support/screens.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { findMarkers, markedDenouncer, needlesOf } from '../support/leak.js';

const ROOT = join(__dirname, '..', '..');
const OUTPUT = join(ROOT, 'test-output', 'console-journeys');
const ALL_PASSED = [
  'language',
  'dated',
  'identified_and_signed',
  'content_complete',
  'lawful_content',
  'legible',
].map((check) => ({ check, passed: true }));
const HANDLER_NAME = 'Cán bộ case_handler'; // the fixtures' name of the unit's case handler
const shown = (iso: string) => iso.split('-').reverse().join('/');
const dayAfter = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

interface Deadline {
  purpose: string;
  ruleId: string;
  dueDate: string;
  status: string;
  explanation: { vi: string[] };
}
interface CaseBody {
  id: string;
  state: string;
  deadlines: Deadline[];
  events: { event: string; date: string }[];
}

/**
 * The two case-work journeys of issue 17 still missing, walked in Debian's Chromium against the real
 * API, MariaDB and Redis, every officer's step through the console's screens (the API only reads, to
 * compare, and logs the denunciation letter):
 *
 * A. a first-time complaint: the letter taken in, the head's acceptance with its handler (the previewed
 *    KN-2 date equal to the case's), thụ lý, verification by the handler, the decision with its finding,
 *    sending, legal effect, then the case's enforcement record, reached from the case's header, with an
 *    obligation due by KN-11 reported done: the record "Đã hoàn thành".
 * B. a denunciation: accepted, determined complicated, extended within that cap, suspended across the
 *    2026 National Day holiday (31/08–02/09, docs/deadlines.md), continued, concluded; a reveal request
 *    of the handler approved by a custodian and expired; the denouncer's markers in no screen, page
 *    source or API response of the handler.
 *
 * The API's clock (`Clock.now`) and the browser's (`browser.clock`) are set together, so "today", the
 * forms' default dates and every deadline are the same on every run. Each deadline shown is compared with
 * the API's. axe and screenshots at desktop and phone widths in test-output/console-journeys/.
 */
describe('case-work journeys in the console (real browser)', () => {
  let app: NestFastifyApplication;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: BrowserContext;
  let baseUrl: string;
  let now = new Date('2026-06-01T02:00:00Z'); // 09:00 in Vietnam
  const tokens: Record<string, string> = {};
  const api = () => request(app.getHttpServer());
  const as = (who: string, r: request.Test) => r.set('authorization', `Bearer ${tokens[who]}`);
  const denouncer = markedDenouncer();

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'web', 'dist', 'index.html')))
      throw new Error('the console is not built: npm test builds it (or: npm run web:build)');
    app = await startApi();
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(now));
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    world = await twoAgencies(app);
    for (const role of ['reception_officer', 'unit_head', 'case_handler'] as const) {
      tokens[role] = (await login(app.getHttpServer(), world.users[role].email)).accessToken;
    }
    baseUrl = await listenLocally(app);
    chromium = await launchChromium();
    browser = chromium.browser;
    await browser.clock.install({ time: now });
    mkdirSync(OUTPUT, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    await chromium?.close();
    await app?.close();
  });

  /** Today moves for the API and the browser at once (09:00 in Vietnam, or the instant given). */
  async function setNow(at: string) {
    now = new Date(at.length === 10 ? `${at}T02:00:00Z` : at);
    await browser.clock.setSystemTime(now);
  }

  /** A page that keeps the text of every API answer it received (for the leak check). */
  async function newPage() {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const texts: Promise<string>[] = [];
    page.on('response', (res) => {
      const path = new URL(res.url()).pathname;
      // The cookie routes answer tokens only (and the first refresh's body never comes to Playwright).
      if (path.startsWith('/api/') && !path.startsWith('/api/v1/auth/browser/'))
        texts.push(
          res.text().then(
            (t) => t,
            () => '',
          ),
        );
    });
    return { page, responses: () => Promise.all(texts) };
  }

  const signIn = (page: Page, email: string, path: string) =>
    signInToConsole(page, `${baseUrl}${path}`, email);

  const checkScreen = screenChecker(OUTPUT, { settleMs: 150 });

  /** A next step taken on the case page: its button, its form's fields, its save; the form closes. */
  async function step(page: Page, name: string, fill: Record<string, string> = {}, outcome?: string) {
    await page
      .getByRole('group', { name: 'Các bước được phép' })
      .getByRole('button', { name, exact: true })
      .click();
    const form = page.getByRole('form', { name });
    for (const [label, value] of Object.entries(fill)) await form.getByLabel(label).fill(value);
    if (outcome) {
      await form.getByLabel('Kết luận nội dung').click();
      await page.locator(`.ant-select-item-option[title="${outcome}"]`).click();
    }
    await form.getByRole('button', { name: `Ghi bước “${name}”` }).click();
    await form.waitFor({ state: 'detached' }); // saved: the form closes
  }

  async function readCase(kind: 'complaint' | 'denunciation', id: string): Promise<CaseBody> {
    const path = kind === 'complaint' ? 'complaint-cases' : 'denunciation-cases';
    return (await as('unit_head', api().get(`/api/v1/${path}/${id}`)).expect(200)).body as CaseBody;
  }

  /** Every deadline row on the page says the API's rule and due date, in the API's order. */
  async function deadlinesShownAsApi(page: Page, c: CaseBody) {
    const rows = page.getByRole('region', { name: 'Thời hạn của hồ sơ' }).locator('tbody tr');
    await rows.nth(c.deadlines.length - 1).waitFor();
    // The page follows the saved step: wait for the last due date to be the API's.
    const last = c.deadlines.at(-1)!;
    // In the "Hạn" cell: the explanation's lines (in the row, folded) cite the dates too.
    await rows
      .nth(c.deadlines.length - 1)
      .locator('[data-testid^="due-"]')
      .getByText(shown(last.dueDate), { exact: false })
      .waitFor();
    const texts = await rows.allInnerTexts();
    expect(texts).toHaveLength(c.deadlines.length);
    c.deadlines.forEach((d, i) => {
      expect(texts[i]).toContain(`(${d.ruleId})`);
      expect(texts[i]).toContain(shown(d.dueDate));
    });
  }

  it('A: a first-time complaint from the letter’s intake to an enforcement record done', async () => {
    const { page } = await newPage();
    try {
      // 1. The reception officer takes the letter in (today, 01/06/2026).
      await signIn(page, world.users.reception_officer.email, '/don/tiep-nhan');
      await page.getByLabel('Họ và tên (1)').fill('Trương Văn Hành');
      await page.getByLabel('Số căn cước').fill('079300007777');
      await page.locator('#petitioners_0_address').fill('Số 12, đường Hai Bà Trưng');
      await page.getByRole('radio', { name: 'Khiếu nại' }).check();
      await page.getByLabel('Trích yếu').fill('Khiếu nại quyết định thu hồi đất vườn');
      await page
        .getByLabel('Nội dung đơn')
        .fill('Ông khiếu nại quyết định thu hồi 300 m2 đất vườn vì chưa được bồi thường đúng giá đất ở.');
      for (const label of [
        'Viết bằng',
        'Ghi rõ ngày',
        'Có họ tên',
        'Nêu đủ',
        'Không có nội dung',
        'Đọc được',
      ])
        await page.getByRole('checkbox', { name: new RegExp(label) }).check();
      await page.getByRole('button', { name: 'Vào sổ đơn' }).click();
      const slip = page.getByRole('dialog', { name: 'Đã vào sổ đơn' });
      await slip.waitFor();
      const code = await slip.getByTestId('receipt-code').innerText();
      const [letter] = (
        await as('reception_officer', api().get('/api/v1/letters?q=thu hoi dat vuon')).expect(200)
      ).body.items as { id: string; receiptCode: string; receivedOn: string; processingDue: string }[];
      expect(letter).toMatchObject({ receiptCode: code, receivedOn: '2026-06-01' });
      expect(await slip.innerText()).toContain(shown(letter.processingDue));

      // 2. The head accepts it, with its handler; the KN-2 date previewed is the case's.
      await signIn(page, world.users.unit_head.email, `/don/${letter.id}`);
      await page.getByLabel('Người được giao xác minh').click();
      await page.locator('.ant-select-item-option', { hasText: HANDLER_NAME }).click();
      const opens = page.getByTestId('opens-acceptance');
      await opens.getByText('(KN-2)', { exact: false }).waitFor();
      const previewed = /(\d\d\/\d\d\/\d{4})/.exec(await opens.innerText())![1];
      await page.getByRole('button', { name: 'Lưu quyết định' }).click();
      await page.getByTestId('decision-saved').getByRole('link', { name: 'Mở hồ sơ vừa thụ lý' }).click();
      await page.waitForURL(/\/ho-so\/khieu-nai\//);
      const caseId = page.url().split('/').at(-1)!;
      let c = await readCase('complaint', caseId);
      expect(c.deadlines).toEqual([expect.objectContaining({ purpose: 'acceptance', ruleId: 'KN-2' })]);
      expect(shown(c.deadlines[0].dueDate)).toBe(previewed);
      await deadlinesShownAsApi(page, c);

      // 3. Thụ lý: the resolution period (KN-3) opens.
      await step(page, 'Thụ lý', {
        'Số văn bản': '15/TB-P.A1',
        'Căn cứ pháp lý': 'Điều 27 Luật Khiếu nại 2011',
      });
      await page.getByTestId('case-state').getByText('Đã thụ lý', { exact: true }).waitFor();
      c = await readCase('complaint', caseId);
      expect(c.deadlines.map((d) => [d.ruleId, d.status])).toEqual([
        ['KN-2', 'met'],
        ['KN-3', 'open'],
      ]);
      await deadlinesShownAsApi(page, c);

      // 4. The handler verifies.
      await signIn(page, world.users.case_handler.email, `/ho-so/khieu-nai/${caseId}`);
      await step(page, 'Bắt đầu xác minh', { 'Căn cứ pháp lý': 'Điều 29 Luật Khiếu nại 2011' });
      await page.getByTestId('case-state').getByText('Đang xác minh', { exact: true }).waitFor();

      // 5. A fortnight on, the head decides (partly right) and sends the decision the next day.
      await setNow('2026-06-15');
      await signIn(page, world.users.unit_head.email, `/ho-so/khieu-nai/${caseId}`);
      await step(
        page,
        'Ban hành quyết định giải quyết',
        { 'Số văn bản': '42/QĐ-P.A1', 'Căn cứ pháp lý': 'Điều 31 Luật Khiếu nại 2011' },
        'Đúng một phần',
      );
      await page.getByTestId('case-state').getByText('Đã có quyết định', { exact: true }).waitFor();
      c = await readCase('complaint', caseId);
      await deadlinesShownAsApi(page, c);
      const legalEffect = c.deadlines.find((d) => d.purpose === 'legal_effect' && d.status === 'open')!;
      await setNow('2026-06-16');
      await step(page, 'Gửi quyết định giải quyết', { 'Căn cứ pháp lý': 'Điều 32 Luật Khiếu nại 2011' });
      c = await readCase('complaint', caseId);
      expect(c.state).toBe('second_complaint_window');
      await deadlinesShownAsApi(page, c);

      // 6. No second complaint: the day after its period the decision is legally effective (LKN art. 44),
      //    and the enforcement record opens with it.
      await setNow(dayAfter(legalEffect.dueDate));
      await page.reload(); // a month on: the officer opens the case again (the API's next steps are of today)
      await step(page, 'Quyết định có hiệu lực pháp luật', {
        'Căn cứ pháp lý': 'Điều 44 Luật Khiếu nại 2011',
      });
      await page.getByTestId('case-state').getByText('Có hiệu lực pháp luật', { exact: true }).waitFor();
      c = await readCase('complaint', caseId);
      expect(c.state).toBe('legally_effective');
      await deadlinesShownAsApi(page, c);
      const enforcementLink = page.getByTestId('case-enforcement');
      await enforcementLink.getByText('Chưa thực hiện', { exact: false }).waitFor();
      await checkScreen(page, 'a-ho-so-hieu-luc');

      // 7. The record, from the case's header: an obligation due by KN-11, reported done.
      await enforcementLink.click();
      await page.getByRole('heading', { name: 'Thi hành quyết định', level: 1 }).waitFor();
      const add = page.getByRole('form', { name: 'Thêm nghĩa vụ thi hành' });
      await add.getByLabel('Loại nghĩa vụ').click();
      await page.locator('.ant-select-item-option', { hasText: 'Bồi thường, trả lại tiền, tài sản' }).click();
      await add
        .getByLabel('Nội dung phải thực hiện')
        .fill('Chi trả phần chênh lệch tiền bồi thường đất vườn');
      await add.getByRole('button', { name: 'Thêm nghĩa vụ' }).click();
      await page.getByTestId('obligation-1').waitFor();
      const recordId = page.url().split('/').at(-1)!;
      const record = async () =>
        (await as('unit_head', api().get(`/api/v1/enforcement-records/${recordId}`)).expect(200)).body;
      const withObligation = await record();
      expect(withObligation).toMatchObject({ subjectId: caseId, openedOn: dayAfter(legalEffect.dueDate) });
      expect(withObligation.obligations[0]).toMatchObject({ dueSource: 'engine' });
      expect(withObligation.obligations[0].deadline).toMatchObject({ ruleId: 'KN-11' });
      await page
        .getByTestId('due-1')
        .getByText(shown(withObligation.obligations[0].dueDate), { exact: false })
        .waitFor();
      const progress = page.getByRole('form', { name: 'Báo cáo tiến độ nghĩa vụ 1' });
      await progress.getByRole('radio', { name: 'Đã hoàn thành' }).check();
      await progress
        .getByLabel('Nội dung báo cáo')
        .fill('Đã chi trả đủ tiền chênh lệch, có phiếu chi kèm theo');
      await progress.getByRole('button', { name: 'Ghi báo cáo' }).click();
      await page.getByTestId('record-status').getByText('Đã hoàn thành', { exact: true }).waitFor();
      const done = await record();
      expect(done).toMatchObject({ status: 'done', closedOn: dayAfter(legalEffect.dueDate) });
      expect(done.obligations[0]).toMatchObject({ status: 'done' });
      await checkScreen(page, 'a-thi-hanh-xong');
    } catch (error) {
      await page.screenshot({ path: join(OUTPUT, 'a-failed.png'), fullPage: true });
      throw error;
    } finally {
      await page.close();
    }
  }, 150_000);

  it('B: a denunciation extended, suspended across a holiday, concluded; a reveal request approved and expired', async () => {
    await setNow('2026-08-03'); // a Monday
    const res = await as('reception_officer', api().post('/api/v1/letters')).send({
      unitId: world.divisionA.id,
      receivedOn: '2026-08-03',
      channel: 'post',
      classification: 'denunciation',
      subject: 'Tố cáo cán bộ địa chính nhận tiền',
      content: `Tôi là ${denouncer.fullName}, CCCD ${denouncer.idNumber}, ở ${denouncer.address}, điện thoại ${denouncer.phone}. Tôi tố cáo ông Lê Văn Tham, cán bộ địa chính, nhận tiền khi đo đạc đất.`,
      petitioners: [{ ...denouncer, tokens: undefined }],
      eligibility: ALL_PASSED,
    });
    expect(res.status).toBe(201);
    const letter = res.body as { id: string };
    const needles = needlesOf('denouncer', denouncer);

    // 1. The head: the letter accepted for the handler, the case accepted (thụ lý), determined
    //    complicated (one extension at most, LTC art. 30(2)) and extended.
    const head = await newPage();
    let caseId: string;
    try {
      const { page } = head;
      await signIn(page, world.users.unit_head.email, `/don/${letter.id}`);
      await page.getByLabel('Người được giao xác minh').click();
      await page.locator('.ant-select-item-option', { hasText: HANDLER_NAME }).click();
      await page.getByRole('button', { name: 'Lưu quyết định' }).click();
      await page.getByTestId('decision-saved').getByRole('link', { name: 'Mở hồ sơ vừa thụ lý' }).click();
      await page.waitForURL(/\/ho-so\/to-cao\//);
      caseId = page.url().split('/').at(-1)!;
      await setNow('2026-08-04');
      await step(page, 'Thụ lý', {
        'Số văn bản': '20/QĐ-P.A1',
        'Căn cứ pháp lý': 'Điều 29 Luật Tố cáo 2018',
      });
      let c = await readCase('denunciation', caseId);
      const accepted = c.deadlines.find((d) => d.purpose === 'resolution')!;
      await deadlinesShownAsApi(page, c);

      const complexity = page.getByRole('form', { name: 'Mức độ phức tạp' });
      await complexity.getByLabel('Mức độ phức tạp').click();
      await page.locator('.ant-select-item-option', { hasText: 'Phức tạp — gia hạn tối đa 1 lần' }).click();
      await complexity
        .getByLabel('Căn cứ xác định (văn bản)')
        .fill('Văn bản số 21/P.A1 xác định vụ việc phức tạp');
      await complexity.getByRole('button', { name: 'Lưu mức độ phức tạp' }).click();
      await page.getByTestId('case-flags').getByText('đã gia hạn 0/1 lần', { exact: false }).waitFor();
      await step(page, 'Gia hạn giải quyết', {
        'Số văn bản': '22/QĐ-P.A1',
        'Căn cứ pháp lý': 'Khoản 2 Điều 30 Luật Tố cáo 2018',
        'Lý do': 'Phải xác minh tại nhiều địa phương',
      });
      await page.getByTestId('case-flags').getByText('đã gia hạn 1/1 lần', { exact: false }).waitFor();
      c = await readCase('denunciation', caseId);
      const extended = c.deadlines.find((d) => d.purpose === 'resolution')!;
      expect(extended.dueDate > accepted.dueDate).toBe(true);
      await deadlinesShownAsApi(page, c);
      // The cap reached: no second extension is offered… and the API refuses one.
      const again = await as(
        'unit_head',
        api().post(`/api/v1/denunciation-cases/${caseId}/transitions`),
      ).send({
        event: 'extend',
        date: '2026-08-04',
        documentRef: '23/QĐ-P.A1',
        legalBasis: 'LTC 2018 art. 30(2)',
        note: 'Gia hạn lần hai',
        version: (await as('unit_head', api().get(`/api/v1/denunciation-cases/${caseId}`))).body.version,
      });
      expect(again.body.code).toBe('CASE_EXTENSION_LIMIT');
      const offered = page.getByRole('group', { name: 'Các bước được phép' });
      await offered.getByRole('button', { name: 'Tạm đình chỉ', exact: true }).waitFor();
      expect(await offered.getByRole('button', { name: 'Gia hạn giải quyết' }).count()).toBe(0);

      // 2. Suspended on Friday 28/08, continued on Thursday 03/09: the pause spans the National Day
      //    holiday (31/08–02/09); the suspended days are not counted (LTC art. 34(2)).
      await setNow('2026-08-28');
      await step(page, 'Tạm đình chỉ', {
        'Số văn bản': '30/QĐ-P.A1',
        'Căn cứ pháp lý': 'Khoản 1 Điều 34 Luật Tố cáo 2018',
        'Lý do': 'Chờ kết quả giám định của cơ quan chuyên môn',
      });
      await page.getByTestId('case-state').getByText('Tạm đình chỉ', { exact: true }).waitFor();
      await setNow('2026-09-03');
      await step(page, 'Tiếp tục giải quyết', {
        'Số văn bản': '31/QĐ-P.A1',
        'Căn cứ pháp lý': 'Khoản 2 Điều 34 Luật Tố cáo 2018',
      });
      c = await readCase('denunciation', caseId);
      const resumed = c.deadlines.find((d) => d.purpose === 'resolution')!;
      expect(resumed.status).toBe('open');
      expect(resumed.dueDate > extended.dueDate).toBe(true);
      await deadlinesShownAsApi(page, c);
      // The engine's explanation mentions the pause; the page shows the API's lines.
      const pauseLines = resumed.explanation.vi.filter((l) => /tạm đình chỉ/i.test(l));
      expect(pauseLines.length).toBeGreaterThan(0);
      const row = page
        .getByRole('region', { name: 'Thời hạn của hồ sơ' })
        .locator('tbody tr', { hasText: `(${resumed.ruleId})` })
        .filter({ hasText: shown(resumed.dueDate) });
      await row.getByText('Xem cách tính').click();
      for (const line of pauseLines) await row.getByText(line, { exact: true }).waitFor();
      await checkScreen(page, 'b-to-cao-tiep-tuc');

      // 3. Concluded the next day.
      await setNow('2026-09-04');
      await step(
        page,
        'Kết luận nội dung tố cáo',
        { 'Số văn bản': '40/KL-P.A1', 'Căn cứ pháp lý': 'Điều 35 Luật Tố cáo 2018' },
        'Đúng một phần',
      );
      c = await readCase('denunciation', caseId);
      expect(c.state).toBe('concluded');
      expect(c.deadlines.find((d) => d.purpose === 'resolution')!.status).toBe('met');
      await deadlinesShownAsApi(page, c);
    } catch (error) {
      await head.page.screenshot({ path: join(OUTPUT, 'b-failed.png'), fullPage: true });
      throw error;
    } finally {
      await head.page.close();
    }

    // 4. The handler asks to see the denouncer; the custodian approves for an hour.
    const handler = await newPage();
    const leaks = async (p: { page: Page; responses: () => Promise<string[]> }) =>
      findMarkers(
        [await p.page.locator('body').innerText(), await p.page.content(), ...(await p.responses())].join(
          '\n',
        ),
        needles,
      );
    try {
      const { page } = handler;
      await signIn(page, world.users.case_handler.email, `/ho-so/to-cao/${caseId}`);
      const panel = page.getByTestId('identity-panel');
      await panel.getByRole('button', { name: 'Yêu cầu xem danh tính' }).click();
      const form = page.getByRole('form', { name: 'Yêu cầu xem danh tính' });
      await form.getByLabel('Lý do cần xem danh tính').fill('Cần mời người tố cáo làm rõ chứng cứ bổ sung');
      await form.getByLabel('Thời gian xin được xem (giờ)').fill('1');
      await form.getByRole('button', { name: 'Gửi yêu cầu' }).click();
      await panel.getByTestId('my-request-status').filter({ hasText: 'Chờ duyệt' }).waitFor();
      expect(await leaks(handler)).toEqual([]);
    } finally {
      await handler.page.close();
    }
    const custodian = await newPage();
    try {
      const { page } = custodian;
      await signIn(page, world.users.identity_custodian.email, '/yeu-cau-danh-tinh');
      const row = page.locator('tbody tr', { hasText: 'Cần mời người tố cáo' });
      await row.getByRole('button', { name: /^Đồng ý yêu cầu/ }).click();
      const decision = page.getByRole('form', { name: /^Đồng ý yêu cầu/ });
      await decision.getByLabel('Ghi chú').fill('Đồng ý trong 1 giờ');
      await decision.getByRole('button', { name: 'Xác nhận đồng ý' }).click();
      await page.getByText(/^Đã đồng ý; được xem đến/).waitFor();
    } finally {
      await custodian.page.close();
    }
    const [approved] = (
      await as('case_handler', api().get(`/api/v1/reveal-requests?letterId=${letter.id}`)).expect(200)
    ).body.items as { status: string; active: boolean; expiresAt: string }[];
    expect(approved).toMatchObject({ status: 'approved', active: true });

    // 5. The handler may open it now; an hour on (the API's clock and the browser's, as the custodian
    //    spec does) the grant has expired: the panel closes by itself, the request reads "Hết hạn".
    const later = await newPage();
    try {
      const { page } = later;
      await signIn(page, world.users.case_handler.email, `/ho-so/to-cao/${caseId}`);
      const panel = page.getByTestId('identity-panel');
      await panel.getByRole('button', { name: 'Mở danh tính' }).waitFor();
      await setNow(new Date(Date.parse(approved.expiresAt) + 60_000).toISOString());
      await panel.getByRole('button', { name: 'Yêu cầu xem danh tính' }).waitFor();
      await panel.getByTestId('my-request-status').filter({ hasText: 'Hết hạn' }).waitFor();
      expect((await as('case_handler', api().get(`/api/v1/letters/${letter.id}/identity`))).status).toBe(403);
      await checkScreen(page, 'b-to-cao-het-han-xem-danh-tinh');
      expect(await leaks(later)).toEqual([]);
    } finally {
      await later.page.close();
    }
  }, 150_000);
});
