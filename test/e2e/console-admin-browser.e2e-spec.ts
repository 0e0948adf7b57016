import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock.js';
import { EscalationService } from '../../src/escalations/escalation.service.js';
import { startApi } from '../support/api.js';
import { launchChromium, listenLocally } from '../support/browser.js';
import { screenChecker, selectListsClosed } from '../support/screens.js';
import { truncateAll } from '../support/database.js';
import { Fixtures, login, TEST_PASSWORD, uniqueEmail } from '../support/fixtures.js';
import { eventually } from '../support/wait.js';
import { startWorker } from '../support/worker.js';

const ROOT = join(__dirname, '..', '..');
const OUTPUT = join(ROOT, 'test-output', 'console');
const ELIGIBLE = [
  'language',
  'dated',
  'identified_and_signed',
  'content_complete',
  'lawful_content',
  'legible',
].map((check) => ({ check, passed: true }));

/**
 * The console's administration area in Chromium against the real API, worker, MariaDB and Redis
 * (issue 18): an administrator builds a small organisation (a move that would make a cycle refused
 * before sending), creates an account with the password policy shown as typed, resets its password and
 * ends its sign-ins (its next API call is 401); then changes the letters' escalation ladder and the next
 * sweep fires the level the new ladder says. Every screen passes axe-core and is photographed.
 */
describe('the console administration area in a real browser', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: BrowserContext;
  let baseUrl: string;
  let page: Page;
  let admin: { email: string };
  let provinceId: string;
  const api = () => request(app.getHttpServer());
  const officer = { email: uniqueEmail('binh'), fullName: 'Trần Văn Bình', id: '', password: '' };

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'web', 'dist', 'index.html')))
      throw new Error('the console is not built: npm test builds it (or: npm run web:build)');
    app = await startApi();
    dataSource = app.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    worker = await startWorker();
    const f = new Fixtures(app);
    provinceId = (await f.unit('Ủy ban nhân dân tỉnh Thử nghiệm', 'province')).id;
    admin = await f.user(provinceId, ['admin']);
    baseUrl = await listenLocally(app);
    chromium = await launchChromium();
    browser = chromium.browser;
    mkdirSync(OUTPUT, { recursive: true });
    page = await browser.newPage();
    page.setDefaultTimeout(20_000);
  }, 90_000);
  afterAll(async () => {
    await page?.close();
    await chromium?.close();
    await worker?.close();
    await app?.close();
  });

  const check = screenChecker(OUTPUT, { noSideways: true });
  const checkScreen = (name: string) => check(page, name);

  /**
   * Picks an option of an antd Select named by its label, then waits for its list to close (a list that
   * stays open — a multiple select — is closed with Escape), so the next click lands where it aims.
   */
  async function choose(label: string, option: string, within = page.locator('body'), search?: string) {
    await within.getByRole('combobox', { name: label }).click();
    if (search) await within.getByRole('combobox', { name: label }).fill(search);
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
    await selectListsClosed(page, 1_500).catch(async () => {
      await page.keyboard.press('Escape');
      await selectListsClosed(page);
    });
  }

  const treeNode = (name: string) =>
    page.getByRole('tree', { name: 'Cây đơn vị' }).getByText(name, { exact: true });
  const unitsNamed = async (name: string) =>
    (await dataSource.query('SELECT id, parent_id AS parentId, remote FROM units WHERE name = ?', [
      name,
    ])) as {
      id: string;
      parentId: string;
      remote: number;
    }[];

  it('an administrator builds units: create, search without diacritics, a cycle refused before sending, edit', async () => {
    await page.goto(`${baseUrl}/quan-tri/don-vi`);
    await page.waitForURL(/\/dang-nhap/);
    await page.getByLabel('Thư điện tử').fill(admin.email);
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/quan-tri\/don-vi/);
    await page.getByRole('heading', { name: 'Đơn vị', level: 1 }).waitFor();
    const menu = page.getByRole('navigation');
    await menu.getByText('Quản trị', { exact: true }).waitFor();
    for (const item of ['Đơn vị', 'Tài khoản và vai trò', 'Bậc cảnh báo quá hạn'])
      await menu.getByRole('link', { name: item }).waitFor();

    // A department under the province, a division under the department.
    await treeNode('Ủy ban nhân dân tỉnh Thử nghiệm').click();
    const create = async (code: string, name: string, kind: string) => {
      await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
      const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
      await dialog.getByLabel('Mã đơn vị').fill(code);
      await dialog.getByLabel('Tên đơn vị').fill(name);
      await choose('Loại đơn vị', kind, dialog);
      await dialog.getByRole('button', { name: 'Tạo đơn vị' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('heading', { name, level: 2 }).waitFor();
    };
    await create('STNMT', 'Sở Tài nguyên và Môi trường', 'Sở, ban, ngành');
    await create('STNMT-DD', 'Phòng Đất đai', 'Phòng, ban chuyên môn');
    const [department] = await unitsNamed('Sở Tài nguyên và Môi trường');
    const [division] = await unitsNamed('Phòng Đất đai');
    expect(department.parentId).toBe(provinceId);
    expect(division.parentId).toBe(department.id);

    // Searching without diacritics finds the division and keeps its ancestors shown.
    await page.getByLabel('Tìm đơn vị').fill('dat dai');
    await expect(page.getByTestId('unit-hits').innerText()).resolves.toBe('1 đơn vị khớp');
    await treeNode('Phòng Đất đai').waitFor();
    await page.getByLabel('Tìm đơn vị').fill('');

    // The department under its own division: refused on the screen, nothing sent.
    await treeNode('Sở Tài nguyên và Môi trường').click();
    await page.getByRole('heading', { name: 'Sở Tài nguyên và Môi trường', level: 2 }).waitFor();
    await choose('Đơn vị cấp trên mới', 'Phòng Đất đai (STNMT-DD)');
    await expect(page.getByTestId('move-refusal').innerText()).resolves.toMatch(/thành vòng/);
    await expect(page.getByRole('button', { name: 'Chuyển đơn vị' }).isDisabled()).resolves.toBe(true);
    const moves = (await dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_log WHERE entity_type = 'unit' AND action = 'move'",
    )) as { n: string }[];
    expect(Number(moves[0].n)).toBe(0);
    await checkScreen('quan-tri-don-vi');

    // The division renamed and marked remote (with its reason).
    await treeNode('Phòng Đất đai').click();
    const edit = page.getByRole('form', { name: 'Sửa đơn vị' });
    await edit.getByLabel('Tên đơn vị').fill('Phòng Quản lý đất đai');
    await edit.getByText('Vùng sâu, vùng xa (thời hạn dài hơn theo luật)').click();
    await edit.getByLabel('Lý do là vùng sâu, vùng xa').fill('Huyện đảo');
    await edit.getByRole('button', { name: 'Lưu đơn vị' }).click();
    await page.getByRole('heading', { name: 'Phòng Quản lý đất đai', level: 2 }).waitFor();
    await treeNode('Phòng Quản lý đất đai').waitFor();
    expect((await unitsNamed('Phòng Quản lý đất đai'))[0]).toMatchObject({ id: division.id, remote: 1 });
    // Deactivated (nothing active under it yet), then active again.
    await edit.getByRole('button', { name: 'Ngừng hoạt động' }).click();
    await page.getByRole('tree', { name: 'Cây đơn vị' }).getByText('Ngừng hoạt động').waitFor();
    await edit.getByRole('button', { name: 'Hoạt động trở lại' }).click();
    await page
      .getByRole('tree', { name: 'Cây đơn vị' })
      .getByText('Ngừng hoạt động')
      .waitFor({ state: 'detached' });
    const [{ active }] = (await dataSource.query('SELECT active FROM units WHERE id = ?', [division.id])) as {
      active: number;
    }[];
    expect(active).toBe(1);
  }, 90_000);

  it('an administrator creates an account with the policy shown as typed, resets its password and ends its sign-ins', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Tài khoản và vai trò' }).click();
    await page.waitForURL(/\/quan-tri\/tai-khoan/);
    await page.getByTestId('user-total').waitFor();
    await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm tài khoản' });
    await dialog.getByLabel('Thư điện tử').fill(officer.email);
    await dialog.getByLabel('Họ tên').fill(officer.fullName);
    await choose('Đơn vị', 'Phòng Quản lý đất đai', dialog);
    // Each role says what it may do, in Vietnamese, from the API's table.
    const officerRole = dialog.locator('details').nth(3);
    await officerRole.getByText('Vai trò này được làm gì').click();
    await officerRole.getByText('Được ghi sổ tiếp công dân, quản lý địa điểm, lịch và buổi tiếp').waitFor();
    await dialog.getByRole('checkbox', { name: 'Cán bộ tiếp công dân' }).check();
    const policy = dialog.getByTestId('password-policy');
    await dialog.getByLabel('Mật khẩu ban đầu').fill('tranvanbinh2026');
    await policy.getByText('Không được tạo từ họ tên của người dùng').waitFor();
    await dialog.getByLabel('Mật khẩu ban đầu').fill('ngắn');
    await policy.getByText('Cần ít nhất 12 ký tự').waitFor();
    officer.password = 'đèn-sáng-ở-bến-nhà-rồng';
    await dialog.getByLabel('Mật khẩu ban đầu').fill(officer.password);
    await policy.locator('[data-ok=true]').waitFor();
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: officer.fullName, level: 2 }).waitFor();
    officer.id = new URL(page.url()).searchParams.get('id')!;
    const created = (await dataSource.query(
      'SELECT u.unit_id AS unitId, r.role FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.id = ?',
      [officer.id],
    )) as { unitId: string; role: string }[];
    expect(created).toEqual([
      { unitId: (await unitsNamed('Phòng Quản lý đất đai'))[0].id, role: 'reception_officer' },
    ]);
    await login(app.getHttpServer(), officer.email, officer.password);

    // A new password: a weak one is named as typed, a good one is saved and the old one stops working.
    const reset = page.getByRole('form', { name: 'Đặt lại mật khẩu' });
    await reset.getByLabel('Mật khẩu mới').fill('binh.tran');
    await reset.getByTestId('password-policy').getByText('Cần ít nhất 12 ký tự').waitFor();
    const newPassword = 'mưa-rào-tháng-sáu-ở-hội-an';
    await reset.getByLabel('Mật khẩu mới').fill(newPassword);
    await reset.getByTestId('password-policy').locator('[data-ok=true]').waitFor();
    await reset.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
    await page.getByText('Đã đặt mật khẩu mới').waitFor();
    await api()
      .post('/api/v1/auth/login')
      .send({ email: officer.email, password: officer.password })
      .expect(401);
    officer.password = newPassword;

    // Ending the sign-ins: the officer's next call is 401.
    const { accessToken } = await login(app.getHttpServer(), officer.email, officer.password);
    await api().get('/api/v1/auth/me').set('authorization', `Bearer ${accessToken}`).expect(200);
    await page.getByRole('button', { name: 'Kết thúc mọi phiên đăng nhập' }).click();
    await page.getByRole('button', { name: 'Kết thúc', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Đã kết thúc 1 phiên đăng nhập.' }).waitFor();
    await api().get('/api/v1/auth/me').set('authorization', `Bearer ${accessToken}`).expect(401);
    await checkScreen('quan-tri-tai-khoan');
  }, 90_000);

  it('an administrator changes the letters’ ladder — the API’s errors beside their fields — and the next escalation follows it', async () => {
    // A letter logged today by the officer: under the default ladder nothing is due for days.
    const { accessToken } = await login(app.getHttpServer(), officer.email, officer.password);
    const [division] = await unitsNamed('Phòng Quản lý đất đai');
    const letter = await api()
      .post('/api/v1/letters')
      .set('authorization', `Bearer ${accessToken}`)
      .send({
        unitId: division.id,
        receivedOn: app.get(Clock).today(),
        channel: 'post',
        classification: 'petition',
        subject: 'Kiến nghị sửa đường liên xã',
        content: 'Đề nghị sửa đường liên xã bị sạt lở sau mưa lớn.',
        petitioners: [{ fullName: 'Nguyễn Văn Thử', address: 'Thôn 1' }],
        eligibility: ELIGIBLE,
      })
      .expect(201);
    const escalationsOf = async () =>
      (await dataSource.query(
        `SELECT e.level, e.status FROM escalations e JOIN case_deadlines d ON d.id = e.deadline_id
          WHERE d.subject_type = 'letter' AND d.subject_id = ?`,
        [letter.body.id],
      )) as { level: number; status: string }[];
    expect((await worker.get(EscalationService).sweep()).due).toBe(0);
    expect(await escalationsOf()).toEqual([]);

    await page.getByRole('navigation').getByRole('link', { name: 'Bậc cảnh báo quá hạn' }).click();
    await page.waitForURL(/\/quan-tri\/leo-thang/);
    await choose('Áp dụng cho', 'Mọi đơn (thời hạn xử lý đơn)', undefined, 'xử lý đơn');
    await page.waitForURL(/khoa=letter/);
    const editor = page.getByRole('form', { name: 'Các mức cảnh báo' });
    await editor.locator('fieldset').nth(3).waitFor(); // the default's four levels to start from
    // Out of order: the API refuses and its message stands beside the field.
    await editor.locator('#bac-canh-bao_levels_1_level').fill('1');
    await editor.getByLabel('Lý do thay đổi (căn cứ)').fill('Quyết định số 12/QĐ-TTr về nhắc hạn xử lý đơn');
    await editor.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await editor.getByText('Số mức phải lớn hơn mức trước').waitFor();
    // The first reminder 20 working days before the due date: already due for today's letter.
    await editor.locator('#bac-canh-bao_levels_1_level').fill('2');
    await editor.locator('#bac-canh-bao_levels_0_workingDaysFromDue').fill('-20');
    await editor.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Đã lưu phiên bản 1\. [1-9]\d* thời hạn/ })
      .waitFor();
    const history = page.getByRole('region', { name: 'Lịch sử phiên bản' });
    await history.getByText('Mức 1: 20 ngày làm việc trước hạn', { exact: false }).waitFor();
    await checkScreen('quan-tri-leo-thang');

    // The next sweep: level 1 of the new ladder fires now, to the officer who logged the letter.
    expect((await worker.get(EscalationService).sweep()).due).toBeGreaterThanOrEqual(1);
    const fired = await eventually(escalationsOf, (rows) => rows.length > 0);
    expect(fired).toEqual([{ level: 1, status: 'fired' }]);
    const told = (await dataSource.query(
      "SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND kind = 'escalation'",
      [officer.id],
    )) as { n: string }[];
    expect(Number(told[0].n)).toBe(1);
  }, 90_000);
  it('an administrator registers a receiving system, sees its secret once, pauses it and sends it a test call', async () => {
    const received: IncomingHttpHeaders[] = [];
    const receiver = createServer((req, res) => {
      received.push(req.headers);
      req.resume().on('end', () => res.writeHead(200).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
      await page.goto(`${baseUrl}/quan-tri/webhook`);
      await page.getByRole('heading', { name: 'Hệ thống nhận sự kiện (webhook)', level: 1 }).waitFor();
      const form = page.getByRole('form', { name: 'Đăng ký hệ thống nhận' });
      await form.getByLabel('Địa chỉ nhận (https://…)').fill(url);
      await choose('Sự kiện nhận', 'Cảnh báo quá hạn (leo thang)', form);
      await form.getByRole('button', { name: 'Đăng ký' }).click();
      const secret = await page.getByTestId('secret-once').locator('code').innerText();
      expect(secret).toMatch(/^whsec_/);
      await page.getByTestId('endpoint-url').getByText(url, { exact: true }).waitFor();
      // Paused, then tested: the receiver gets exactly the signature the page shows.
      await page.getByRole('switch', { name: `Tạm dừng gửi tới ${url}` }).click();
      await page.getByRole('switch', { name: `Tiếp tục gửi tới ${url}` }).waitFor();
      await page.getByRole('button', { name: `Gửi thử tới ${url}` }).click();
      await page
        .getByTestId('test-result')
        .getByText('hệ thống nhận đã xác nhận', { exact: false })
        .waitFor();
      const shownSignature = await page.getByTestId('test-signature').innerText();
      expect(received).toHaveLength(1);
      expect(received[0]['x-tiepdan-signature']).toBe(shownSignature);
      const [row] = (await dataSource.query('SELECT active FROM webhook_endpoints')) as { active: number }[];
      expect(Number(row.active)).toBe(0);
      await checkScreen('quan-tri-webhook');
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  }, 90_000);

  it('an administrator sets an agency’s reporting schedule — the API’s errors beside their fields — and sees the next due dates', async () => {
    const stored = async () =>
      (await dataSource.query(
        'SELECT version, reports, remind_days_before AS days FROM reporting_schedules WHERE unit_id = ?',
        [provinceId],
      )) as { version: number; reports: unknown; days: unknown }[];
    await page.getByRole('navigation').getByRole('link', { name: 'Lịch báo cáo định kỳ' }).click();
    await page.waitForURL(/\/quan-tri\/lich-bao-cao/);
    await choose('Cơ quan', 'Ủy ban nhân dân tỉnh Thử nghiệm');
    await page.getByText('Đang dùng mặc định').waitFor();
    // The defaults: the six-month and annual reports, "trước ngày 10/11".
    await expect(page.getByLabel('Ngày — Báo cáo năm').inputValue()).resolves.toBe('10');

    // The quarterly report without its source, and a reminder day that is not a number: refused by the
    // API (400), each message beside its own field, nothing saved.
    await page.getByRole('checkbox', { name: 'Báo cáo quý' }).check();
    await page.getByLabel('Số ngày — Báo cáo quý').fill('5');
    await page.getByLabel(/^Nhắc trước hạn/).fill('10, 3, x');
    await page.getByRole('button', { name: 'Lưu lịch báo cáo' }).click();
    const itemOf = (label: string | RegExp) =>
      page.locator('.ant-form-item').filter({ has: page.getByLabel(label) });
    await itemOf('Căn cứ (văn bản) — Báo cáo quý')
      .getByText('Cần nhập nội dung này', { exact: false })
      .first()
      .waitFor();
    await itemOf(/^Nhắc trước hạn/)
      .getByText('Nhập các số ngày nguyên, cách nhau bằng dấu phẩy', { exact: false })
      .waitFor();
    expect(await stored()).toEqual([]);

    // Then 31/02 for the annual report: the API's rule check names it (reports[2] there, the fifth line here).
    await page.getByLabel('Căn cứ (văn bản) — Báo cáo quý').fill('Công văn số 15/TTT-VP của Thanh tra tỉnh');
    await page.getByLabel(/^Nhắc trước hạn/).fill('10, 3, 1');
    await page.getByLabel('Ngày — Báo cáo năm').fill('31');
    await page.getByLabel('Tháng — Báo cáo năm').fill('2');
    await page.getByRole('button', { name: 'Lưu lịch báo cáo' }).click();
    await itemOf('Ngày — Báo cáo năm').getByText('Ngày và tháng này không có trong năm').waitFor();
    expect(await stored()).toEqual([]);

    await page.getByLabel('Ngày — Báo cáo năm').fill('28');
    await page.getByRole('button', { name: 'Lưu lịch báo cáo' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu lịch báo cáo.' }).waitFor();
    await page.getByText('Phiên bản 1').waitFor();
    // The earlier errors gone: antd fades a cleared message out, so wait for it to leave the page.
    await page.locator('.ant-form-item-explain-error').first().waitFor({ state: 'detached' });
    expect(await page.locator('.ant-form-item-has-error').count()).toBe(0);
    const [row] = await stored();
    const json = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);
    expect(json(row.days)).toEqual([10, 3, 1]);
    expect(json(row.reports)).toEqual(
      expect.arrayContaining([
        {
          kind: 'quarter',
          rule: expect.objectContaining({
            type: 'days_after_window',
            days: 5,
            source: 'Công văn số 15/TTT-VP của Thanh tra tỉnh',
          }),
        },
        expect.objectContaining({
          kind: 'year',
          rule: expect.objectContaining({ type: 'before', day: 28, month: 2 }),
        }),
      ]),
    );
    // The next due dates as the API computes them, and the change in the audit trail.
    const upcoming = page.getByTestId('upcoming');
    await upcoming
      .getByText(/^Trước ngày 28\/02\/\d{4}/)
      .first()
      .waitFor();
    expect(await upcoming.locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
    const audit = (await dataSource.query(
      "SELECT action FROM audit_log WHERE entity_type = 'reporting_schedule' AND entity_id = ?",
      [provinceId],
    )) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['create']);
    await checkScreen('quan-tri-lich-bao-cao');
  }, 90_000);
});
