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
import { ALL_PASSED } from '../support/eligibility.js';

const ROOT = join(__dirname, '..', '..');
const OUTPUT = join(ROOT, 'test-output', 'console-custodian');
const HOUR_MS = 3_600_000;

/**
 * A denouncer's identity in the console (issue 17), in Debian's Chromium against the real API, MariaDB
 * and Redis: the handler sees the redacted copy and asks; the custodian approves (never their own
 * request); the handler opens the identity — each opening one audit entry, nothing read before — until
 * the request expires and the panel closes by itself (the API's clock and the browser's moved on, no
 * sleeping). The markers are looked for in the rendered page, its source and every API response the
 * browser received while the role could not see them. Anonymous information's track. axe and screenshots
 * (test-output/console-custodian/) at desktop and phone widths.
 */
describe('identity panel and reveal requests in the console (real browser)', () => {
  let app: NestFastifyApplication;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: BrowserContext;
  let baseUrl: string;
  const tokens: Record<string, string> = {};
  const api = () => request(app.getHttpServer());
  const as = (who: string, r: request.Test) => r.set('authorization', `Bearer ${tokens[who]}`);
  const denouncer = markedDenouncer();
  const needles = needlesOf('denouncer', denouncer);

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'web', 'dist', 'index.html')))
      throw new Error('the console is not built: npm test builds it (or: npm run web:build)');
    app = await startApi();
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    world = await twoAgencies(app);
    for (const role of ['reception_officer', 'unit_head', 'case_handler', 'identity_custodian'] as const) {
      tokens[role] = (await login(app.getHttpServer(), world.users[role].email)).accessToken;
    }
    baseUrl = await listenLocally(app);
    chromium = await launchChromium();
    browser = chromium.browser;
    mkdirSync(OUTPUT, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    await chromium?.close();
    await app?.close();
  });

  /** A page that keeps the text of every API answer it received (for the leak check). */
  const received = new WeakMap<Page, Promise<unknown>[]>();
  async function newPage(): Promise<{ page: Page; responses: string[] }> {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const responses: string[] = [];
    const texts: Promise<unknown>[] = [];
    received.set(page, texts);
    page.on('response', (res) => {
      const path = new URL(res.url()).pathname;
      // The cookie routes answer tokens only (and the first refresh's body never comes to Playwright).
      if (path.startsWith('/api/') && !path.startsWith('/api/v1/auth/browser/'))
        texts.push(
          res.text().then(
            (t) => responses.push(t),
            () => undefined,
          ),
        );
    });
    return { page, responses };
  }

  /**
   * What the officer has on screen and in the page's source, once the API has stopped answering for a
   * moment (not `networkidle`: the console's first cookie refresh never reports finished to Playwright).
   */
  async function screenTexts(page: Page): Promise<string[]> {
    const texts = received.get(page) ?? [];
    let seen = -1;
    while (seen !== texts.length) {
      seen = texts.length;
      await Promise.all(texts);
      await page.waitForTimeout(300);
    }
    return [await page.locator('body').innerText(), await page.content()];
  }

  const signIn = (page: Page, email: string, path: string) =>
    signInToConsole(page, `${baseUrl}${path}`, email);

  const checkScreen = screenChecker(OUTPUT, { settleMs: 150 });

  const leaks = (texts: string[]) => findMarkers(texts.join('\n'), needles);

  async function identityReads(letterId: string): Promise<number> {
    const rows = await app
      .get<DataSource>(getDataSourceToken())
      .query(
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'read' AND entity_type = 'letter' AND entity_id = ?",
        [letterId],
      );
    return Number(rows[0].n);
  }

  async function logAndOpen(body: Record<string, unknown>) {
    const res = await as('reception_officer', api().post('/api/v1/letters')).send({
      unitId: world.divisionA.id,
      receivedOn: '2026-11-23',
      channel: 'post',
      eligibility: ALL_PASSED,
      ...body,
    });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    const decided = await as('reception_officer', api().post(`/api/v1/letters/${res.body.id}/decision`))
      .send({
        decision: 'accept',
        decidedOn: '2026-11-24',
        legalBasis: 'LTC art. 24',
        version: res.body.version,
      })
      .expect(201);
    return { letter: res.body as { id: string; receiptCode: string }, caseId: decided.body.caseId as string };
  }

  it('anonymous information: inspect or forward, no deadline, no identity panel', async () => {
    const { caseId } = await logAndOpen({
      classification: 'anonymous',
      subject: 'Thông tin phản ánh cán bộ thuế nhận quà',
      content: 'Ông Đinh Văn K, cán bộ thuế, nhận quà của doanh nghiệp X; kèm ảnh chụp biên nhận.',
      petitioners: [],
      eligibility: [
        'language',
        'lawful_content',
        'legible',
        'names_violator',
        'has_evidence',
        'verifiable',
      ].map((check) => ({ check, passed: true })),
    });
    const { page } = await newPage();
    try {
      await signIn(page, world.users.unit_head.email, `/ho-so/to-cao/${caseId}`);
      await page.getByTestId('anonymous-information').waitFor();
      expect(await page.getByTestId('identity-panel').count()).toBe(0);
      const steps = page.getByRole('group', { name: 'Các bước được phép' });
      await steps.getByRole('button', { name: 'Chuyển cơ quan có thẩm quyền' }).waitFor();
      expect((await steps.getByRole('button').allInnerTexts()).sort()).toEqual([
        'Chuyển cơ quan có thẩm quyền',
        'Kiểm tra, xác minh trong thẩm quyền',
      ]);
      await checkScreen(page, 'thong-tin-to-cao-nac-danh');
      await steps.getByRole('button', { name: 'Chuyển cơ quan có thẩm quyền' }).click();
      const form = page.getByRole('form', { name: 'Chuyển cơ quan có thẩm quyền' });
      await form.getByLabel('Căn cứ pháp lý').fill('Điều 25 Luật Tố cáo; Điều 20 Nghị định 31/2019/NĐ-CP');
      await form.getByRole('button', { name: /^Ghi bước/ }).click();
      await page.getByTestId('case-state').filter({ hasText: 'Đã chuyển' }).waitFor();
      const c = (await as('unit_head', api().get(`/api/v1/denunciation-cases/${caseId}`)).expect(200)).body;
      expect(c).toMatchObject({ state: 'forwarded', deadlines: [] });
    } finally {
      await page.close();
    }
  }, 60_000);

  it('a handler asks, a custodian approves (never their own), the handler opens the identity until it expires', async () => {
    const { letter, caseId } = await logAndOpen({
      classification: 'denunciation',
      subject: `Tố cáo cán bộ địa chính nhận tiền — ${denouncer.fullName}`,
      content: `Tôi là ${denouncer.fullName}, CCCD ${denouncer.idNumber}, ở ${denouncer.address}, điện thoại ${denouncer.phone}, thư ${denouncer.email}. Tôi tố cáo ông Lê Văn Tham, cán bộ địa chính, nhận tiền khi đo đạc đất.`,
      petitioners: [{ ...denouncer, tokens: undefined }],
    });
    // The custodian's own request, made through the API: shown in their queue without buttons.
    const own = (
      await as('identity_custodian', api().post(`/api/v1/letters/${letter.id}/reveal-requests`))
        .send({ reason: 'Kiểm tra việc lưu giữ hồ sơ người tố cáo', hours: 2 })
        .expect(201)
    ).body;
    const reads = await identityReads(letter.id);

    // 1. The handler: the redacted copy, no way to open it, a request.
    const handler = await newPage();
    try {
      const { page } = handler;
      await signIn(page, world.users.case_handler.email, `/ho-so/to-cao/${caseId}`);
      const panel = page.getByTestId('identity-panel');
      await panel.getByRole('heading', { name: 'Danh tính người tố cáo' }).waitFor();
      await panel.getByRole('button', { name: 'Yêu cầu xem danh tính' }).waitFor();
      expect(await panel.getByRole('button', { name: 'Mở danh tính' }).count()).toBe(0);
      await page.getByText('[đã ẩn]').first().waitFor();
      const texts = await screenTexts(page);
      await checkScreen(page, 'ho-so-to-cao-nguoi-xu-ly');

      await page.goto(`${baseUrl}/don/${letter.id}`);
      await panel.getByRole('button', { name: 'Yêu cầu xem danh tính' }).click();
      const form = page.getByRole('form', { name: 'Yêu cầu xem danh tính' });
      await form.getByRole('button', { name: 'Gửi yêu cầu' }).click();
      await form.getByText('Nhập lý do').waitFor(); // refused in the browser, nothing sent
      await form.getByLabel('Lý do cần xem danh tính').fill('Cần liên hệ người tố cáo để bổ sung chứng cứ');
      await form.getByLabel('Thời gian xin được xem (giờ)').fill('1');
      await form.getByRole('button', { name: 'Gửi yêu cầu' }).click();
      await panel.getByTestId('my-request-status').filter({ hasText: 'Chờ duyệt' }).waitFor();
      texts.push(...(await screenTexts(page)));
      await checkScreen(page, 'don-to-cao-yeu-cau');
      expect(leaks([...texts, ...handler.responses])).toEqual([]);
    } finally {
      await handler.page.close();
    }
    // The unit's head did not accept this one: the redacted copy too, nothing of the denouncer received.
    const head = await newPage();
    try {
      await signIn(head.page, world.users.unit_head.email, `/don/${letter.id}`);
      await head.page
        .getByTestId('identity-panel')
        .getByRole('button', { name: 'Yêu cầu xem danh tính' })
        .waitFor();
      expect(leaks([...(await screenTexts(head.page)), ...head.responses])).toEqual([]);
    } finally {
      await head.page.close();
    }
    expect(await identityReads(letter.id)).toBe(reads);

    // 2. The custodian: the queue; their own request has no buttons and the API refuses it anyway.
    const custodian = await newPage();
    try {
      const { page } = custodian;
      await signIn(page, world.users.identity_custodian.email, '/');
      await page.getByRole('link', { name: 'Yêu cầu danh tính', exact: true }).click();
      await page.getByRole('heading', { name: 'Yêu cầu xem danh tính', level: 1 }).waitFor();
      const rows = page.locator('tbody tr.ant-table-row');
      await rows.nth(1).waitFor();
      const ownRow = rows.filter({ hasText: 'Kiểm tra việc lưu giữ hồ sơ' });
      await ownRow.getByText('Yêu cầu của chính bạn').waitFor();
      expect(await ownRow.getByRole('button').count()).toBe(0);
      const refusedOwn = await as(
        'identity_custodian',
        api().post(`/api/v1/reveal-requests/${own.id}/decision`),
      ).send({ approve: true, version: own.version });
      expect({ status: refusedOwn.status, code: refusedOwn.body.code }).toEqual({
        status: 403,
        code: 'IDENTITY_OWN_REQUEST',
      });
      const handlersRow = rows.filter({ hasText: 'Cần liên hệ người tố cáo' });
      expect(await handlersRow.innerText()).toContain(letter.receiptCode);
      await handlersRow.getByRole('button', { name: /^Đồng ý yêu cầu/ }).click();
      const decision = page.getByRole('form', { name: /^Đồng ý yêu cầu/ });
      await decision.getByLabel('Ghi chú').fill('Đồng ý trong 1 giờ');
      await checkScreen(page, 'yeu-cau-danh-tinh-hang-cho');
      await decision.getByRole('button', { name: 'Xác nhận đồng ý' }).click();
      await page.getByText(/^Đã đồng ý; được xem đến/).waitFor();
      await page.getByText('Đã đồng ý', { exact: true }).click();
      await page.waitForURL(/trang-thai=da-dong-y/);
      await rows.filter({ hasText: 'Cần liên hệ người tố cáo' }).getByText('Đang được xem').waitFor();
    } finally {
      await custodian.page.close();
    }
    const approved = (
      await as('case_handler', api().get(`/api/v1/reveal-requests?letterId=${letter.id}`)).expect(200)
    ).body.items[0];
    expect(approved).toMatchObject({ status: 'approved', active: true, hours: 1 });

    // 3. The handler again: nothing of the denouncer until "Mở danh tính"; one audit entry per opening;
    //    then time passes the expiry (the API's clock and the browser's) and the panel closes by itself.
    //    (The browser's clock is the context's: this is the file's last test.)
    await browser.clock.install();
    const again = await newPage();
    const clock = jest.spyOn(app.get(Clock), 'now');
    try {
      const { page, responses } = again;
      await signIn(page, world.users.case_handler.email, `/don/${letter.id}`);
      const panel = page.getByTestId('identity-panel');
      await panel.getByRole('button', { name: 'Mở danh tính' }).waitFor();
      // The expiry in Vietnam's time, as the API gave it.
      const local = new Date(Date.parse(approved.expiresAt) + 7 * HOUR_MS).toISOString();
      const [y, m, d] = local.slice(0, 10).split('-');
      await panel.getByText(`, đến ${d}/${m}/${y} ${local.slice(11, 16)}.`, { exact: false }).waitFor();
      expect(leaks([...(await screenTexts(page)), ...responses])).toEqual([]);
      expect(await identityReads(letter.id)).toBe(reads);

      await panel.getByRole('button', { name: 'Mở danh tính' }).click();
      const opened = panel.getByTestId('identity-opened');
      await opened.getByRole('cell', { name: denouncer.idNumber, exact: true }).waitFor();
      expect(await opened.innerText()).toContain(denouncer.fullName);
      expect(await identityReads(letter.id)).toBe(reads + 1);
      await page.mouse.move(0, 0); // not hovering the button that replaced the one clicked
      await checkScreen(page, 'don-to-cao-danh-tinh-mo');

      const later = new Date(Date.parse(approved.expiresAt) + 60_000);
      clock.mockReturnValue(later);
      responses.length = 0;
      await page.clock.fastForward(later.getTime() - Date.now() + HOUR_MS / 60);
      await panel.getByText('Thời hạn xem danh tính theo yêu cầu đã hết').waitFor();
      await panel.getByRole('button', { name: 'Yêu cầu xem danh tính' }).waitFor();
      await panel.getByTestId('my-request-status').filter({ hasText: 'Hết hạn' }).waitFor();
      expect(await opened.count()).toBe(0);
      expect(leaks([...(await screenTexts(page)), ...responses])).toEqual([]);
      expect(await identityReads(letter.id)).toBe(reads + 1);
      const closed = await as('case_handler', api().get(`/api/v1/letters/${letter.id}/identity`));
      expect(closed.status).toBe(403);
      await checkScreen(page, 'don-to-cao-het-han');
      await panel.getByRole('link', { name: 'Mọi yêu cầu xem danh tính của tôi' }).click();
      await page.getByRole('heading', { name: 'Yêu cầu xem danh tính của tôi', level: 1 }).waitFor();
      await page.getByTestId('request-status').filter({ hasText: 'Hết hạn' }).waitFor();
      expect(leaks([...(await screenTexts(page)), ...responses])).toEqual([]);
    } finally {
      clock.mockRestore();
      await again.page.close();
    }
  }, 120_000);
});
