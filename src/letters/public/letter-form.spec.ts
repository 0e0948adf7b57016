import {
  formValues,
  formValuesOf,
  readLetterForm,
  requiredPersonFields,
  type FormValues,
  viSize,
} from './letter-form.js';
import { renderFormPage } from './letter-form-page.html.js';

const UNIT = '0190f3a8-7c1e-7d2a-9b3c-4d5e6f708192';
const UNITS = new Set([UNIT]);
const TODAY = '2026-11-25';

const base = (extra: FormValues = {}): FormValues => ({
  coQuan: UNIT,
  tieuDe: 'Khiếu nại quyết định thu hồi đất',
  noiDung: 'Quyết định thu hồi đất của gia đình tôi không đúng diện tích đo đạc.',
  hoTen: 'Trần Thị Mai',
  diaChi: 'Tổ 5, xã Tân Lập, tỉnh Đồng Nai',
  canCuoc: '075.301.002.468',
  dienThoai: '+84 912 000 111',
  email: 'mai@example.vn',
  dongY: 'co',
  ...extra,
});

const fields = (values: FormValues) => readLetterForm(values, UNITS, TODAY).problems.map((p) => p.field);

describe('readLetterForm', () => {
  it('asks a complaint for its time, its contested decision and a named writer with căn cước', () => {
    expect(fields(base({ loai: 'khieu-nai', canCuoc: '', hoTen: '', diaChi: '' })).sort()).toEqual(
      ['canCuoc', 'diaChi', 'hoTen', 'lan', 'quyetDinh'].sort(),
    );
    const { letter } = readLetterForm(
      base({ loai: 'khieu-nai', lan: 'lan-hai', quyetDinh: 'Quyết định 45/QĐ-UBND' }),
      UNITS,
      TODAY,
    );
    expect(letter).toMatchObject({
      classification: 'complaint',
      complaintTrack: 'second_time',
      receivedOn: TODAY,
      petitioners: [{ idNumber: '075301002468', phone: '+84912000111' }],
    });
    expect(letter!.content.startsWith('Quyết định, hành vi bị khiếu nại: Quyết định 45/QĐ-UBND\n\n')).toBe(
      true,
    );
  });

  it.each([
    ['khieu-nai', ['hoTen', 'diaChi', 'canCuoc']],
    ['to-cao', ['hoTen', 'diaChi', 'canCuoc']],
    ['kien-nghi', ['hoTen', 'diaChi']],
    ['nac-danh', []],
  ] as const)('requires of %s: %j', (kind, required) => {
    expect(requiredPersonFields(kind)).toEqual(required);
  });

  it('drops every personal field of anonymous information', () => {
    const { problems, letter } = readLetterForm(
      base({ loai: 'nac-danh', canCuoc: 'not a number' }),
      UNITS,
      TODAY,
    );
    expect(problems).toEqual([]);
    expect(letter).toMatchObject({ classification: 'anonymous', petitioners: [], complaintTrack: null });
  });

  it('refuses an unknown unit, a bad căn cước, phone and e-mail, control characters, and no consent', () => {
    expect(
      fields(
        base({
          loai: 'kien-nghi',
          coQuan: '0190f3a8-7c1e-7d2a-9b3c-000000000000',
          canCuoc: '12345',
          dienThoai: '12',
          email: 'x@',
          tieuDe: 'Tóm\u0007tắt',
          dongY: '',
        }),
      ).sort(),
    ).toEqual(['canCuoc', 'coQuan', 'dienThoai', 'dongY', 'email', 'tieuDe'].sort());
  });

  it('keeps only the form’s own string fields, from urlencoded and JSON bodies alike', () => {
    expect(formValues(new URLSearchParams('hoTen=%20An%20&hoTen=B&__proto__=x&loai=to-cao'))).toEqual({
      hoTen: 'An',
      loai: 'to-cao',
    });
    expect(formValuesOf({ hoTen: 5, loai: 'to-cao', other: 'x' })).toEqual({ loai: 'to-cao' });
    expect(formValuesOf(null)).toEqual({});
  });
});

describe('renderFormPage', () => {
  const page = (values: FormValues = {}) =>
    renderFormPage({
      kind: 'form',
      units: [{ id: UNIT, name: 'Ủy ban nhân dân xã <Tân Lập>' }],
      search: '',
      values,
      problems: [{ field: 'hoTen', message: 'Ghi họ và tên.' }],
      ticket: '1.a.b',
      noJsWaitSeconds: 30,
    });

  it('has no inline script, escapes what it echoes, and ties each problem to its field', () => {
    const html = page({ hoTen: '"><script>alert(1)</script>' });
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<Tân Lập>');
    expect(html).toContain('<a href="#ho-ten">Ghi họ và tên.</a>');
    expect(html).toMatch(/id="ho-ten"[^>]*aria-describedby="ho-ten-loi"[^>]*aria-invalid="true"/);
    expect(html.match(/ id="([^"]+)"/g)!.length).toBe(new Set(html.match(/ id="([^"]+)"/g)).size);
  });

  it('shows the receipt’s secret once, on the receipt only', () => {
    const html = renderFormPage({
      kind: 'receipt',
      code: 'TD-2026-7KQ4-M9XP',
      secret: 'K7M2QX9PRA',
      receivedOn: TODAY,
      unitName: 'Ủy ban nhân dân xã Tân Lập',
      kindLabel: 'Tố cáo',
      processingDue: '2026-12-04',
      files: [
        { name: 'quyết định <số 12>.pdf', size: 2_516_582 },
        { name: 'ảnh.jpg', size: 870_400 },
      ],
    });
    expect(html.split('K7M2QX9PRA')).toHaveLength(2);
    expect(html).toContain('04/12/2026');
    expect(html).not.toContain('<script');
    // The files taken, named as the citizen named them (escaped), with their sizes.
    expect(html).toContain('<li>quyết định &#60;số 12&#62;.pdf (2,4 MB)</li><li>ảnh.jpg (850 KB)</li>');
  });

  it('says sizes the Vietnamese way', () => {
    expect([viSize(512), viSize(1024), viSize(20 * 1024 * 1024), viSize(31_457_280)]).toEqual([
      '512 byte',
      '1 KB',
      '20 MB',
      '30 MB',
    ]);
  });
});
