import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { startApi } from '../support/api.js';
import { launchChromium, listenLocally, signInToConsole } from '../support/browser.js';
import { screenChecker } from '../support/screens.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { findMarkers, markedDenouncer, needlesOf } from '../support/leak.js';
import { ALL_PASSED } from '../support/eligibility.js';

const ROOT = join(__dirname, '..', '..');
const OUTPUT = join(ROOT, 'test-output', 'console-casework');
const shown = (iso: string) => iso.split('-').reverse().join('/');

/**
 * A case's work in Debian's Chromium against the real API, MariaDB and Redis (issue 17, part 2): its
 * documents (upload, download, the API's refusal, the writer's file hidden from the handler — checked
 * in every network response), a reassignment to another unit previewed on that unit's calendar, a
 * second-time complaint walked through its mandatory dialogue to the decision, and a 409 in a second
 * tab keeping what was typed. axe on every screen; screenshots in test-output/console-casework/.
 */
describe('a case’s documents, assignment, flags and dialogue in the console (real browser)', () => {
  let app: NestFastifyApplication;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: BrowserContext;
  let baseUrl: string;
  const tokens: Record<string, string> = {};
  const api = () => request(app.getHttpServer());
  const as = (who: string, r: request.Test) => r.set('authorization', `Bearer ${tokens[who]}`);
  const denouncer = markedDenouncer();
  let letters = 0;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'web', 'dist', 'index.html')))
      throw new Error('the console is not built: npm test builds it (or: npm run web:build)');
    app = await startApi();
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    world = await twoAgencies(app);
    for (const role of ['admin', 'reception_officer', 'unit_head', 'case_handler'] as const) {
      tokens[role] = (await login(app.getHttpServer(), world.users[role].email)).accessToken;
    }
    baseUrl = await listenLocally(app);
    chromium = await launchChromium();
    browser = chromium.browser;
    mkdirSync(OUTPUT, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await chromium?.close();
    await app?.close();
  });

  /** A page that keeps the text of every API answer it received (for the leak check). */
  async function newPage() {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const responses: string[] = [];
    const reading: Promise<unknown>[] = [];
    page.on('response', (res) => {
      // The API's JSON answers (a downloaded file's bytes are checked against what was uploaded).
      if (
        new URL(res.url()).pathname.startsWith('/api/') &&
        (res.headers()['content-type'] ?? '').includes('json')
      ) {
        const read = res.text().then(
          (t) => responses.push(t),
          () => undefined,
        );
        // A refusal sent before an upload was read to its end may never hand its body over: not awaited.
        if (res.status() < 400) reading.push(read);
      }
    });
    /** Every API answer received so far, read to its end. */
    const allRead = async () => {
      await Promise.all(reading);
      return responses;
    };
    return { page, responses, allRead };
  }

  const signIn = (page: Page, email: string, path: string) =>
    signInToConsole(page, `${baseUrl}${path}`, email);

  const checkScreen = screenChecker(OUTPUT);

  async function logLetter(body: Record<string, unknown> = {}) {
    const res = await as('reception_officer', api().post('/api/v1/letters')).send({
      unitId: world.divisionA.id,
      receivedOn: '2026-11-20',
      channel: 'post',
      classification: 'complaint',
      complaintTrack: 'first_time',
      subject: 'Khiếu nại quyết định thu hồi đất',
      content: 'Ông đề nghị xem xét lại quyết định thu hồi đất vì chưa được bồi thường thỏa đáng.',
      // A petitioner per letter: no letter is another's duplicate.
      petitioners: [
        {
          fullName: `Nguyễn Văn Thử ${++letters}`,
          address: `Số ${letters}, đường Lê Lợi`,
          idNumber: `07920000${1000 + letters}`,
        },
      ],
      eligibility: ALL_PASSED,
      ...body,
    });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number };
  }

  async function accept(letter: { id: string; version: number }, handlerUserId?: string) {
    const res = await as('unit_head', api().post(`/api/v1/letters/${letter.id}/decision`)).send({
      decision: 'accept',
      decidedOn: '2026-11-24',
      legalBasis: 'LKN 2011 art. 27',
      handlerUserId,
      version: letter.version,
    });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body.caseId as string;
  }

  it('documents: the handler uploads, downloads, sees the type refused with the API’s message, never the writer’s file', async () => {
    const letter = await logLetter({
      classification: 'denunciation',
      complaintTrack: undefined,
      subject: 'Tố cáo cán bộ địa chính',
      content: `Tôi là ${denouncer.fullName}, tố cáo cán bộ địa chính nhận tiền khi đo đạc đất.`,
      petitioners: [{ ...denouncer, tokens: undefined }],
    });
    // The receiver files the signed letter's scan, named after the denouncer: it identifies them.
    await as('reception_officer', api().post(`/api/v1/letters/${letter.id}/attachments`))
      .attach(
        'file',
        Buffer.from(`%PDF-1.4\n% ${denouncer.fullName}\n%%EOF\n`),
        `${denouncer.tokens.fullName}.pdf`,
      )
      .expect(201);
    const caseId = await accept(letter, world.users.case_handler.id);
    const minutes = Buffer.from('%PDF-1.4\n% Biên bản làm việc với người bị tố cáo\n%%EOF\n');

    const { page, allRead } = await newPage();
    try {
      await signIn(page, world.users.case_handler.email, `/ho-so/to-cao/${caseId}`);
      await page.getByRole('heading', { name: 'Tài liệu', level: 2 }).waitFor();
      await page.getByTestId('file-hidden').waitFor();
      // The handler adds the minutes.
      await page.getByTestId('file-input').setInputFiles({
        name: 'bien-ban-lam-viec.pdf',
        mimeType: 'application/pdf',
        buffer: minutes,
      });
      await page.getByRole('button', { name: 'Tải lên' }).click();
      await page.getByTestId('file-name').getByText('bien-ban-lam-viec.pdf').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Tải về bien-ban-lam-viec.pdf' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('bien-ban-lam-viec.pdf');
      expect(readFileSync((await download.path())!)).toEqual(minutes);
      // A program renamed .pdf: the API refuses its type; the page says so, with the API's message.
      await page.getByTestId('file-input').setInputFiles({
        name: 'chuong-trinh.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('MZ\u0090\u0000 not a document'),
      });
      await page.getByRole('button', { name: 'Tải lên' }).click();
      const refused = page.getByTestId('upload-refused');
      await refused.waitFor();
      expect(await refused.innerText()).toContain('Loại tệp không được nhận');
      expect(await refused.innerText()).toContain('The file is not of an accepted type');
      await checkScreen(page, 'ho-so-tai-lieu');
      const files = (await as('case_handler', api().get(`/api/v1/denunciation-cases/${caseId}/attachments`)))
        .body as { fileName: string }[];
      expect(files.map((f) => f.fileName)).toEqual(['tep-nhan-dang', 'bien-ban-lam-viec.pdf']);
      const received = await allRead();
      expect(received.length).toBeGreaterThan(3);
      expect(
        findMarkers([await page.content(), ...received].join('\n'), needlesOf('denouncer', denouncer)),
      ).toEqual([]);
    } finally {
      await page.close();
    }
  }, 90_000);

  it('a reassignment to another unit: the preview’s deadlines on its calendar equal the API’s afterwards', async () => {
    const caseId = await accept(await logLetter({ subject: 'Khiếu nại việc cấp phép xây dựng' }));
    // A day off at the school only, inside the acceptance period.
    await as('admin', api().put(`/api/v1/calendars/${world.schoolA.id}/entries/2026-11-30`))
      .send({ kind: 'day_off', name: 'Ngày truyền thống nhà trường' })
      .expect(200);
    const { page } = await newPage();
    try {
      await signIn(page, world.users.unit_head.email, `/ho-so/khieu-nai/${caseId}`);
      const form = page.getByRole('form', { name: 'Phân công lại hồ sơ' });
      await form.getByLabel('Đơn vị giải quyết').click();
      await page.locator('.ant-select-item-option', { hasText: world.schoolA.name }).click();
      const previewed = form.getByTestId('preview-due-acceptance');
      await previewed.waitFor();
      const text = await previewed.innerText();
      const [, before, after] = /(\d\d\/\d\d\/\d{4}) → (\d\d\/\d\d\/\d{4})/.exec(text) ?? [];
      expect(before).not.toBe(after); // the school's day off counts
      await form.getByLabel('Lý do phân công lại').fill('Chuyển trường giải quyết theo thẩm quyền');
      await checkScreen(page, 'ho-so-phan-cong');
      await form.getByRole('button', { name: 'Lưu phân công' }).click();
      await page.getByText('Đã phân công lại hồ sơ.').waitFor();
      const c = (await as('unit_head', api().get(`/api/v1/complaint-cases/${caseId}`)).expect(200)).body;
      expect(c.unitId).toBe(world.schoolA.id);
      const acceptance = c.deadlines.find((d: { purpose: string }) => d.purpose === 'acceptance');
      expect(shown(acceptance.dueDate)).toBe(after);
      await page.getByTestId('due-acceptance').getByText(after, { exact: false }).waitFor();
    } finally {
      await page.close();
    }
  }, 90_000);

  it('a second-time complaint: the dialogue is scheduled and held before the decision is offered', async () => {
    const caseId = await accept(
      await logLetter({ complaintTrack: 'second_time', subject: 'Khiếu nại lần hai về bồi thường' }),
    );
    const { page } = await newPage();
    const steps = page.getByRole('group', { name: 'Các bước được phép' });
    async function step(name: string, fill: Record<string, string> = {}, outcome?: string) {
      await steps.getByRole('button', { name, exact: true }).click();
      const form = page.getByRole('form', { name });
      for (const [label, value] of Object.entries(fill)) await form.getByLabel(label).fill(value);
      if (outcome) {
        await form.getByLabel('Kết luận nội dung').click();
        await page.locator('.ant-select-item-option', { hasText: outcome }).click();
      }
      await form.getByRole('button', { name: `Ghi bước “${name}”` }).click();
      await form.waitFor({ state: 'detached' }); // saved: the form closes
    }
    try {
      await signIn(page, world.users.unit_head.email, `/ho-so/khieu-nai/${caseId}`);
      await step('Thụ lý', { 'Số văn bản': '21/TB-P.A1', 'Căn cứ pháp lý': 'Điều 36 Luật Khiếu nại 2011' });
      await step('Bắt đầu xác minh', { 'Căn cứ pháp lý': 'Điều 38 Luật Khiếu nại 2011' });
      // Before the dialogue, the decision is not offered (LKN art. 39).
      await steps.getByRole('button', { name: 'Tổ chức đối thoại (mời)' }).waitFor();
      expect(await steps.getByRole('button').allInnerTexts()).not.toContain('Ban hành quyết định giải quyết');
      // Scheduled today for a dialogue two weeks ahead: the invitation (KN-10) is counted back from that
      // day, so it is due before the dialogue and not yet past.
      const dialogueOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
        new Date(Date.now() + 14 * 86_400_000),
      );
      await steps.getByRole('button', { name: 'Tổ chức đối thoại (mời)', exact: true }).click();
      const invite = page.getByRole('form', { name: 'Tổ chức đối thoại (mời)' });
      await invite.getByLabel('Ngày đối thoại').fill(shown(dialogueOn));
      await invite.getByLabel('Ngày đối thoại').press('Enter');
      await invite.getByLabel('Căn cứ pháp lý').fill('Điều 39 Luật Khiếu nại 2011');
      await invite.getByRole('button', { name: 'Ghi bước “Tổ chức đối thoại (mời)”' }).click();
      await invite.waitFor({ state: 'detached' });
      await page.getByTestId('case-state').getByText('Đối thoại', { exact: true }).waitFor();
      const invited = (await as('unit_head', api().get(`/api/v1/complaint-cases/${caseId}`)).expect(200))
        .body;
      const invitation = invited.deadlines.find(
        (d: { purpose: string }) => d.purpose === 'dialogue_invitation',
      );
      expect(invitation).toMatchObject({ ruleId: 'KN-10', status: 'open' });
      expect(invitation.dueDate < dialogueOn).toBe(true);
      expect(invitation.dueDate >= invited.events.at(-1).date).toBe(true);
      await step('Đối thoại', { 'Căn cứ pháp lý': 'Điều 39 Luật Khiếu nại 2011' });
      await checkScreen(page, 'ho-so-doi-thoai');
      await step(
        'Ban hành quyết định giải quyết',
        { 'Số văn bản': '30/QĐ-P.A1', 'Căn cứ pháp lý': 'Điều 40 Luật Khiếu nại 2011' },
        'Đúng một phần',
      );
      await page.getByTestId('case-state').getByText('Đã có quyết định', { exact: true }).waitFor();
      const c = (await as('unit_head', api().get(`/api/v1/complaint-cases/${caseId}`)).expect(200)).body;
      expect(c.events.map((e: { event: string }) => e.event).slice(-4)).toEqual([
        'start_verification',
        'schedule_dialogue',
        'hold_dialogue',
        'decide',
      ]);
      expect(c.state).toBe('decided');
      const sendDecision = c.deadlines.find((d: { purpose: string }) => d.purpose === 'send_decision');
      await page
        .getByTestId('due-send_decision')
        .getByText(shown(sendDecision.dueDate), { exact: false })
        .waitFor();
    } finally {
      await page.close();
    }
  }, 90_000);

  it('flags in two tabs: the second tab’s save gets the 409, keeps what was typed, saves after reloading', async () => {
    const caseId = await accept(await logLetter({ subject: 'Khiếu nại về tiền hỗ trợ tái định cư' }));
    const first = await newPage();
    const second = await newPage();
    try {
      await signIn(first.page, world.users.unit_head.email, `/ho-so/khieu-nai/${caseId}`);
      await second.page.goto(`${baseUrl}/ho-so/khieu-nai/${caseId}`);
      const flags2 = second.page.getByRole('form', { name: 'Đặc điểm hồ sơ' });
      await flags2.getByText('Vụ việc phức tạp (có văn bản xác định)').click();
      await flags2.getByLabel('Lý do (vụ việc phức tạp)').fill('Xác minh tại nhiều địa phương');
      // Meanwhile the first tab marks the area remote.
      const flags1 = first.page.getByRole('form', { name: 'Đặc điểm hồ sơ' });
      await flags1.getByText('Vùng sâu, vùng xa, đi lại khó khăn (thời hạn dài hơn)').click();
      await flags1.getByLabel('Lý do (vùng sâu, vùng xa)').fill('Xã đảo, đi lại bằng tàu');
      await flags1.getByRole('button', { name: 'Lưu đặc điểm' }).click();
      await first.page
        .getByTestId('case-flags')
        .getByText('Vùng sâu, vùng xa (Xã đảo, đi lại bằng tàu)')
        .waitFor();

      await flags2.getByRole('button', { name: 'Lưu đặc điểm' }).click();
      await second.page.getByTestId('conflict').waitFor();
      expect(await flags2.getByLabel('Lý do (vụ việc phức tạp)').inputValue()).toBe(
        'Xác minh tại nhiều địa phương',
      );
      await checkScreen(second.page, 'ho-so-dac-diem-409');
      await second.page.getByRole('button', { name: 'Tải lại và làm lại' }).click();
      await second.page.getByTestId('conflict').waitFor({ state: 'detached' });
      await flags2.getByRole('button', { name: 'Lưu đặc điểm' }).click();
      const header = second.page.getByTestId('case-flags');
      await header.getByText('Vụ việc phức tạp (Xác minh tại nhiều địa phương)', { exact: false }).waitFor();
      const c = (await as('unit_head', api().get(`/api/v1/complaint-cases/${caseId}`)).expect(200)).body;
      expect(c).toMatchObject({
        remote: true,
        remoteReason: 'Xã đảo, đi lại bằng tàu',
        complicated: true,
        complicatedReason: 'Xác minh tại nhiều địa phương',
        complicatedSetByUserId: world.users.unit_head.id,
      });
      // Who set them, in the header.
      const head = (await as('admin', api().get(`/api/v1/users/${world.users.unit_head.id}`)).expect(200))
        .body;
      await header.getByText(`người xác định: ${head.fullName}`).first().waitFor();
    } finally {
      await first.page.close();
      await second.page.close();
    }
  }, 90_000);
});
