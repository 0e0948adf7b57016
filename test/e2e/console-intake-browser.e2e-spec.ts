import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { startApi } from '../support/api.js';
import { launchChromium, listenLocally, signInToConsole } from '../support/browser.js';
import { screenChecker } from '../support/screens.js';
import { truncateAll } from '../support/database.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { describeHit, findMarkers, markedDenouncer, needlesOf } from '../support/leak.js';

const ROOT = join(__dirname, '..', '..');
const OUTPUT = join(ROOT, 'test-output', 'console');
const COMPLAINT_CHECKS = [
  'language',
  'dated',
  'identified_and_signed',
  'content_complete',
  'lawful_content',
  'legible',
];
const CONTENT =
  'Tôi khiếu nại quyết định thu hồi 200 m2 đất nông nghiệp của gia đình tôi vì diện tích đo đạc không đúng và chưa được bồi thường thỏa đáng theo quy định.';

/**
 * The officers' intake queue of online submissions in Chromium against the real API, MariaDB and Redis
 * (issue 21 point 5): a citizen files a complaint, a named denunciation and anonymous information on the
 * public form (its POST with a proof of work, as letter-form.e2e-spec does); the reception officer finds
 * the three in the queue (oldest first, the menu's count), moves through it with the keyboard, checks the
 * complaint beside its suggested duplicate and sees it leave the queue; a colleague's check first gives
 * the 409 that keeps the ticks. The denouncer's markers appear in no API response the officer's pages
 * read. Every screen passes axe and is photographed at both widths.
 */
describe('the console intake queue of online submissions in a real browser', () => {
  let app: NestFastifyApplication;
  let world: Awaited<ReturnType<typeof twoAgencies>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: BrowserContext;
  let baseUrl: string;
  let officerToken: string;
  const denouncer = markedDenouncer();
  const filed: Record<'complaint' | 'denunciation' | 'anonymous', string> = {
    complaint: '',
    denunciation: '',
    anonymous: '',
  };
  let earlierLetter: { id: string; subject: string };
  const api = () => request(app.getHttpServer());
  const as = (token: string, r: request.Test) => r.set('authorization', `Bearer ${token}`);

  async function proof(): Promise<string> {
    const challenge = (await api().get('/gui-don/thu-thach').expect(200)).body as Challenge;
    const solution = await solveChallenge({ challenge, deriveKey });
    return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
  }

  /** Files on the public form (its POST, as a browser without the widget's script would) and returns the code. */
  async function file(fields: Record<string, string>): Promise<string> {
    const res = await app.inject({
      method: 'POST',
      url: '/gui-don',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        coQuan: world.divisionA.id,
        dongY: 'co',
        trangWeb: '',
        altcha: await proof(),
        ...fields,
      }).toString(),
    });
    if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body.slice(0, 500)}`);
    return /<dd class="ma">([^<]+)<\/dd>/.exec(res.body)![1];
  }

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'web', 'dist', 'index.html')))
      throw new Error('the console is not built: npm test builds it (or: npm run web:build)');
    app = await startApi();
    await truncateAll(app.get<DataSource>(getDataSourceToken()));
    world = await twoAgencies(app);
    officerToken = (await login(app.getHttpServer(), world.users.reception_officer.email)).accessToken;
    // The same citizen's earlier letter, logged by the officer: the duplicate the check will suggest.
    const earlier = await as(officerToken, api().post('/api/v1/letters')).send({
      unitId: world.divisionA.id,
      receivedOn: '2026-11-20',
      channel: 'post',
      classification: 'complaint',
      complaintTrack: 'first_time',
      subject: 'Khiếu nại quyết định thu hồi đất nông nghiệp',
      content: CONTENT,
      petitioners: [{ fullName: 'Trần Thị Mai', address: 'Tổ 5, xã Tân Lập', idNumber: '075301002468' }],
      eligibility: COMPLAINT_CHECKS.map((check) => ({ check, passed: true })),
    });
    expect(earlier.status).toBe(201);
    earlierLetter = earlier.body as { id: string; subject: string };
    // The citizen's three submissions, oldest first.
    filed.complaint = await file({
      loai: 'khieu-nai',
      lan: 'lan-dau',
      quyetDinh: 'Quyết định số 12/QĐ-UBND ngày 02/10/2026 của Ủy ban nhân dân xã Tân Lập',
      tieuDe: 'Khiếu nại quyết định thu hồi đất nông nghiệp (gửi lại)',
      noiDung: CONTENT,
      hoTen: 'Trần Thị Mai',
      diaChi: 'Tổ 5, xã Tân Lập',
      canCuoc: '075301002468',
    });
    filed.denunciation = await file({
      loai: 'to-cao',
      tieuDe: 'Tố cáo cán bộ địa chính nhận tiền',
      noiDung: `Tôi là ${denouncer.fullName}, ở ${denouncer.address}. Ông Lê Văn Bình, cán bộ địa chính, nhận 5.000.000 đồng để ký giấy xác nhận. Liên hệ ${denouncer.phone}.`,
      hoTen: denouncer.fullName,
      diaChi: denouncer.address,
      canCuoc: denouncer.idNumber,
      dienThoai: denouncer.phone,
      email: denouncer.email,
    });
    filed.anonymous = await file({
      loai: 'nac-danh',
      tieuDe: 'Thông tin về việc khai thác cát trái phép',
      noiDung:
        'Ông Phạm Văn Cường khai thác cát trái phép trên sông Đồng Nai, đêm 20/11/2026; có ảnh kèm theo.',
    });
    baseUrl = await listenLocally(app);
    chromium = await launchChromium();
    browser = chromium.browser;
    mkdirSync(OUTPUT, { recursive: true });
  }, 90_000);
  afterAll(async () => {
    await chromium?.close();
    await app?.close();
  });

  /**
   * A page whose every API response body is kept, for the leak check (the sign-in routes carry no
   * letter, and Chromium never gives the body of the first, refused, cookie refresh).
   */
  async function newPage(): Promise<{ page: Page; bodies: () => Promise<string[]> }> {
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    const pending: Promise<string>[] = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (!path.startsWith('/api/') || path.startsWith('/api/v1/auth/')) return;
      pending.push(
        response.text().then(
          (text) => `${response.url()}\n${text}`,
          () => '',
        ),
      );
    });
    return { page, bodies: () => Promise.all(pending) };
  }

  const signIn = (page: Page, email: string, path: string) =>
    signInToConsole(page, `${baseUrl}${path}`, email);

  const checkScreen = screenChecker(OUTPUT);

  const rowLinks = (page: Page) => page.locator('a[data-queue-link]');

  it('the officer finds the three submissions, checks the complaint beside its duplicate, and it leaves the queue', async () => {
    const { page, bodies } = await newPage();
    try {
      await signIn(page, world.users.reception_officer.email, '/tiep-nhan-truc-tuyen');
      await page.getByRole('heading', { name: 'Đơn gửi trực tuyến chờ kiểm tra', level: 1 }).waitFor();
      await page.getByTestId('queue-total').filter({ hasText: '3 đơn chờ kiểm tra' }).waitFor();
      await page.getByTestId('intake-count').filter({ hasText: '3 đơn chờ kiểm tra' }).waitFor();
      // Oldest first, each with its kind, unit and a summary; every link names the receipt code.
      const names = await rowLinks(page).evaluateAll((links) =>
        links.map((a) => a.getAttribute('aria-label')),
      );
      expect(names).toEqual([
        `Kiểm tra đơn ${filed.complaint}: Khiếu nại quyết định thu hồi đất nông nghiệp (gửi lại)`,
        `Kiểm tra đơn ${filed.denunciation}: Tố cáo cán bộ địa chính nhận tiền`,
        `Kiểm tra đơn ${filed.anonymous}: Thông tin về việc khai thác cát trái phép`,
      ]);
      const rows = await page.locator('tbody tr.ant-table-row').allInnerTexts();
      expect(rows[0]).toMatch(/Hôm nay\s+Khiếu nại lần đầu\s+Có thể trùng\s+Phòng A1/);
      expect(rows[1]).toMatch(/Hôm nay\s+Tố cáo\s+Phòng A1/);
      expect(rows[2]).toMatch(/Hôm nay\s+Thông tin tố cáo không ghi tên\s+Phòng A1/);
      await checkScreen(page, 'tiep-nhan-truc-tuyen');

      // The keyboard alone: down to the denunciation, Enter opens its check.
      await rowLinks(page).first().focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: `Kiểm tra đơn ${filed.denunciation}` }).waitFor();
      await page.getByText('Đơn tố cáo: trích yếu và nội dung là bản đã che').waitFor();
      await page.getByRole('checkbox', { name: /^Nêu hành vi vi phạm pháp luật bị tố cáo/ }).waitFor();
      await page.getByText('1 người viết đơn; thông tin cá nhân chỉ hiện với người được phép xem.').waitFor();
      await checkScreen(page, 'tiep-nhan-truc-tuyen-to-cao');
      await page.goBack();

      // The complaint: its duplicate side by side, the complaint's checklist, the outcome as ticked.
      await rowLinks(page).first().click();
      await page.getByRole('heading', { name: `Kiểm tra đơn ${filed.complaint}` }).waitFor();
      const duplicates = page.getByRole('region', { name: 'Đơn có thể trùng' });
      await duplicates.getByRole('link', { name: earlierLetter.subject }).waitFor();
      await page.getByRole('cell', { name: 'Trần Thị Mai' }).waitFor();
      const boxes = page.getByRole('checkbox');
      expect(await boxes.count()).toBe(6);
      for (let i = 0; i < 6; i++) await boxes.nth(i).check();
      await page.getByTestId('check-outcome').filter({ hasText: 'Đủ điều kiện xử lý.' }).waitFor();
      await boxes.nth(1).uncheck(); // no date on the letter
      await page.getByLabel(/Ghi chú \(không đạt\): Ghi rõ ngày/).fill('Đơn không ghi ngày viết');
      await page.getByTestId('check-outcome').filter({ hasText: '1 điều kiện không đạt' }).waitFor();
      await checkScreen(page, 'tiep-nhan-truc-tuyen-kiem-tra');
      await page.getByRole('button', { name: 'Ghi kết quả kiểm tra' }).click();
      await page.getByTestId('check-saved').filter({ hasText: 'chưa đủ điều kiện xử lý' }).waitFor();
      const [complaint] = (
        await as(officerToken, api().get('/api/v1/letters?channel=online_form&pageSize=10')).expect(200)
      ).body.items.filter((l: { receiptCode: string }) => l.receiptCode === filed.complaint);
      expect(complaint).toMatchObject({ eligibilityChecked: true, eligible: false });
      expect(complaint.eligibility).toContainEqual({
        check: 'dated',
        passed: false,
        note: 'Đơn không ghi ngày viết',
      });

      // Back in the queue: two left, the menu's count follows.
      await page.getByRole('link', { name: 'Về danh sách chờ kiểm tra' }).last().click();
      await page.getByTestId('queue-total').filter({ hasText: '2 đơn chờ kiểm tra' }).waitFor();
      await page.getByTestId('intake-count').filter({ hasText: '2 đơn chờ kiểm tra' }).waitFor();
      expect(await rowLinks(page).count()).toBe(2);
      expect(await page.getByText(filed.complaint).count()).toBe(0);

      // Nothing of the denouncer in any answer the officer's pages read.
      const read = (await bodies()).join('\n');
      expect(read).toContain('/api/v1/letters/intake-queue');
      expect(read).toContain('Lê Văn Bình'); // the denunciation's (redacted) text was read
      const leaks = findMarkers(read, needlesOf('denouncer', denouncer));
      expect(leaks.map(describeHit)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a colleague’s check first: the 409 keeps what was ticked, the reload shows it done', async () => {
    const { page } = await newPage();
    try {
      await signIn(page, world.users.reception_officer.email, '/tiep-nhan-truc-tuyen');
      await page.getByRole('link', { name: new RegExp(`^Kiểm tra đơn ${filed.anonymous}`) }).click();
      await page.getByRole('heading', { name: `Kiểm tra đơn ${filed.anonymous}` }).waitFor();
      await page.getByText('Thông tin không ghi tên: không có người viết đơn.').waitFor();
      const boxes = page.getByRole('checkbox');
      expect(await boxes.count()).toBe(6);
      await page.getByRole('checkbox', { name: /Nêu rõ người có hành vi vi phạm/ }).check();
      await page.getByRole('checkbox', { name: /Có tài liệu, chứng cứ cụ thể/ }).check();
      // Meanwhile the unit head checks the same submission.
      const headToken = (await login(app.getHttpServer(), world.users.unit_head.email)).accessToken;
      const queue = await as(headToken, api().get('/api/v1/letters/intake-queue')).expect(200);
      const row = (queue.body.items as { id: string; receiptCode: string; version: number }[]).find(
        (r) => r.receiptCode === filed.anonymous,
      )!;
      await as(headToken, api().post(`/api/v1/letters/${row.id}/eligibility`))
        .send({
          version: row.version,
          eligibility: [
            'language',
            'lawful_content',
            'legible',
            'names_violator',
            'has_evidence',
            'verifiable',
          ].map((check) => ({ check, passed: true })),
        })
        .expect(201);
      await page.getByRole('button', { name: 'Ghi kết quả kiểm tra' }).click();
      await page.getByTestId('conflict').waitFor();
      expect(await page.getByRole('checkbox', { name: /Nêu rõ người có hành vi vi phạm/ }).isChecked()).toBe(
        true,
      );
      expect(await page.getByRole('checkbox', { name: /Có tài liệu, chứng cứ cụ thể/ }).isChecked()).toBe(
        true,
      );
      expect(await page.getByRole('checkbox', { name: /Có cơ sở để kiểm tra/ }).isChecked()).toBe(false);
      await checkScreen(page, 'tiep-nhan-truc-tuyen-xung-dot-409');
      await page.getByRole('button', { name: 'Tải lại và làm lại' }).click();
      await page.getByTestId('not-waiting').waitFor();
      // The colleague's answers stand: eligible, and out of the queue.
      const after = await as(officerToken, api().get('/api/v1/letters/intake-queue')).expect(200);
      expect(after.body.items.map((r: { receiptCode: string }) => r.receiptCode)).toEqual([
        filed.denunciation,
      ]);
      // A role that may not answer the check (no letters:write) has no menu entry.
      await signIn(page, world.users.identity_custodian.email, '/');
      const nav = page.getByRole('navigation', { name: 'Trình đơn chính' });
      await nav.getByRole('link', { name: 'Danh sách đơn' }).waitFor();
      expect(await nav.getByRole('link', { name: /Đơn trực tuyến/ }).count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});
