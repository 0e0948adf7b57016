/**
 * The citizen's online letter form at /gui-don (issue 21): what its fields are, how a submission is read
 * and checked, and the letter it becomes. Pure: no Nest, no database, no clock (today is an argument).
 *
 * What the law asks of each kind (legal-reference §4, TT 05/2021 art. 6; §6.1, LTC art. 23; §2.1, LTCD
 * art. 25(1) and NĐ 154/2026 on the căn cước from 1 Jul 2026):
 * - a complaint (khiếu nại) names its writer with address and căn cước, the decision or act complained
 *   about, and whether it is the first or the second complaint (LKN art. 7);
 * - a named denunciation (tố cáo) names its writer with address and căn cước; the identity is protected
 *   (LTC arts. 8(3), 47) — sealed at intake exactly as for an officer's;
 * - a petition or report (kiến nghị, phản ánh) names its writer and address;
 * - an anonymous submission has no writer: it is "thông tin có nội dung tố cáo" (LTC art. 25), handled
 *   only when it names the violator, has evidence and can be verified (LTC art. 25(2)).
 */
import { CCCD_PATTERN, normalisePhone, PHONE_PATTERN } from '../../common/domain/vietnamese-format.js';
import type { LocalDate } from '../../common/domain/local-date.js';

export const FORM_PAGE_PATH = '/gui-don';

export const FORM_KINDS = ['khieu-nai', 'to-cao', 'kien-nghi', 'nac-danh'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export const FORM_FIELDS = [
  'coQuan',
  'loai',
  'lan',
  'quyetDinh',
  'tieuDe',
  'noiDung',
  'hoTen',
  'diaChi',
  'canCuoc',
  'dienThoai',
  'email',
  'dongY',
  // Opt-in to e-mails about the letter (to the address in `email`).
  'nhanThu',
  // The honeypot: hidden from people (CSS and aria-hidden), filled by naive bots.
  'trangWeb',
  // Proof of work (the widget's payload) or, without JavaScript, the signed form ticket.
  'altcha',
  'phieu',
  // The files (multipart/form-data): never a text value; named here for its problems on the page.
  'tep',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** Longest text per field (the letter's own limits: subject 500, content 20,000; petitioner fields). */
export const FIELD_MAX: Record<FormField, number> = {
  coQuan: 36,
  loai: 20,
  lan: 20,
  quyetDinh: 500,
  tieuDe: 500,
  noiDung: 18000,
  hoTen: 255,
  diaChi: 500,
  canCuoc: 20,
  dienThoai: 20,
  email: 254,
  dongY: 10,
  nhanThu: 10,
  trangWeb: 200,
  altcha: 8000,
  phieu: 200,
  tep: 255,
};

/** The whole urlencoded body at most (percent-encoding triples Vietnamese letters): the size cap. */
export const FORM_BODY_LIMIT = 256 * 1024;

const MiB = 1024 * 1024;

/** Files a submission may carry (issue 21), each within the attachments' own limit (20 MiB). */
export const FORM_MAX_FILES = 5;

/**
 * The whole multipart body at most — the size cap per submission, refused while it streams in: a few
 * phone photos or a scanned PDF fit; five files of the per-file maximum do not (each 20 MiB, together
 * 30 MiB). The text fields count too (at most ~100 KiB of them).
 */
export const FORM_MAX_BODY_BYTES = 30 * MiB;

/** How the page says a size in bytes: "850 KB", "2,4 MB" (Vietnamese decimal comma). */
export function viSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < MiB) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / MiB).toFixed(1).replace(/\.0$/, '').replace('.', ',')} MB`;
}

export type FormValues = Partial<Record<FormField, string>>;

export interface FormProblem {
  field: FormField;
  message: string;
}

/** What the intake service takes: a subset of CreateLetterDto the form decides. */
export interface FormLetter {
  unitId: string;
  classification: 'complaint' | 'denunciation' | 'petition' | 'anonymous';
  complaintTrack: 'first_time' | 'second_time' | null;
  subject: string;
  content: string;
  petitioners: {
    fullName: string;
    address: string | null;
    idNumber: string | null;
    phone: string | null;
    email: string | null;
  }[];
  receivedOn: LocalDate;
  /** Where to send news of the letter, when the citizen asked for it (never for anonymous information). */
  notifyEmail: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A body that is not urlencoded (JSON): only the form's fields that are strings, trimmed. */
export function formValuesOf(body: unknown): FormValues {
  const values: FormValues = {};
  if (typeof body !== 'object' || body === null) return values;
  const record = body as Record<string, unknown>;
  for (const name of FORM_FIELDS) {
    const value = Object.hasOwn(record, name) ? record[name] : undefined;
    if (typeof value === 'string') values[name] = value.replace(/\r\n?/g, '\n').trim();
  }
  return values;
}

/** Keeps only the form's own fields, the first value of each, as trimmed strings. */
export function formValues(fields: URLSearchParams): FormValues {
  const values: FormValues = {};
  for (const name of FORM_FIELDS) {
    const value = fields.get(name);
    if (value !== null) values[name] = value.replace(/\r\n?/g, '\n').trim();
  }
  return values;
}

/** Who must be named, by kind (the module comment gives the legal basis). */
export function requiredPersonFields(kind: FormKind): ('hoTen' | 'diaChi' | 'canCuoc')[] {
  switch (kind) {
    case 'khieu-nai':
    case 'to-cao':
      return ['hoTen', 'diaChi', 'canCuoc'];
    case 'kien-nghi':
      return ['hoTen', 'diaChi'];
    case 'nac-danh':
      return [];
  }
}

/**
 * Reads a submission: every problem at once, each in Vietnamese on its field, or the letter. Anonymous
 * submissions drop every personal field, even when the browser sent them (they would name the writer).
 */
export function readLetterForm(
  values: FormValues,
  unitIds: ReadonlySet<string>,
  today: LocalDate,
): { problems: FormProblem[]; letter: FormLetter | null } {
  const problems: FormProblem[] = [];
  const add = (field: FormField, message: string) => {
    if (!problems.some((p) => p.field === field)) problems.push({ field, message });
  };
  const text = (field: FormField) => values[field] ?? '';
  for (const field of FORM_FIELDS) {
    const value = text(field);
    if (value.length > FIELD_MAX[field]) add(field, `Không dài quá ${FIELD_MAX[field]} ký tự.`);
    else if (CONTROL.test(value)) add(field, 'Có ký tự không hợp lệ.');
  }

  const unitId = text('coQuan');
  if (!unitId) add('coQuan', 'Chọn cơ quan nhận đơn.');
  else if (!UUID.test(unitId) || !unitIds.has(unitId))
    add('coQuan', 'Cơ quan này không nhận đơn trực tuyến.');

  const kind = text('loai') as FormKind;
  if (!FORM_KINDS.includes(kind)) {
    add('loai', 'Chọn loại đơn.');
  }
  const lan = text('lan');
  if (kind === 'khieu-nai') {
    if (lan !== 'lan-dau' && lan !== 'lan-hai') add('lan', 'Cho biết đây là khiếu nại lần đầu hay lần hai.');
    if (text('quyetDinh').length < 3)
      add('quyetDinh', 'Ghi quyết định hoặc hành vi bị khiếu nại (số, ngày, cơ quan ban hành).');
  }

  const subject = text('tieuDe');
  if (subject.length < 3) add('tieuDe', 'Ghi tóm tắt nội dung đơn (ít nhất 3 ký tự).');
  const content = text('noiDung');
  if (content.length < 10) add('noiDung', 'Trình bày nội dung đơn (ít nhất 10 ký tự).');

  const anonymous = kind === 'nac-danh';
  const person = {
    fullName: anonymous ? '' : text('hoTen'),
    address: anonymous ? '' : text('diaChi'),
    idNumber: anonymous ? '' : text('canCuoc').replace(/[\s.]/g, ''),
    phone: anonymous ? '' : normalisePhone(text('dienThoai')),
    email: anonymous ? '' : text('email'),
  };
  if (FORM_KINDS.includes(kind)) {
    const required = requiredPersonFields(kind);
    if (required.includes('hoTen') && person.fullName.length < 2) add('hoTen', 'Ghi họ và tên.');
    if (required.includes('diaChi') && person.address.length < 2) add('diaChi', 'Ghi địa chỉ.');
    if (required.includes('canCuoc') && !person.idNumber) add('canCuoc', 'Ghi số căn cước (12 chữ số).');
  }
  if (person.fullName && person.fullName.length < 2) add('hoTen', 'Ghi họ và tên.');
  if (person.address && person.address.length < 2) add('diaChi', 'Ghi địa chỉ.');
  if (person.idNumber && !CCCD_PATTERN.test(person.idNumber))
    add('canCuoc', 'Số căn cước gồm 12 chữ số, ví dụ 075203004567.');
  if (person.phone && !PHONE_PATTERN.test(person.phone))
    add('dienThoai', 'Số điện thoại bắt đầu bằng 0 hoặc +84, ví dụ 0912345678.');
  if (person.email && !EMAIL.test(person.email))
    add('email', 'Địa chỉ e-mail chưa đúng, ví dụ ten@example.vn.');
  if (text('nhanThu') === 'co' && !anonymous && !person.email)
    add('email', 'Ghi địa chỉ e-mail để nhận thông báo, hoặc bỏ chọn nhận thông báo.');
  if (text('nhanThu') === 'co' && anonymous)
    add('nhanThu', 'Thông tin nặc danh không nhận thông báo qua e-mail: bỏ chọn ô này.');
  if (text('dongY') !== 'co') add('dongY', 'Đánh dấu để xác nhận đã đọc cách sử dụng và bảo vệ thông tin.');

  if (problems.length > 0) return { problems, letter: null };

  const classification = (
    {
      'khieu-nai': 'complaint',
      'to-cao': 'denunciation',
      'kien-nghi': 'petition',
      'nac-danh': 'anonymous',
    } as const
  )[kind];
  const contested = kind === 'khieu-nai' ? `Quyết định, hành vi bị khiếu nại: ${text('quyetDinh')}\n\n` : '';
  return {
    problems,
    letter: {
      unitId,
      classification,
      complaintTrack: kind === 'khieu-nai' ? (lan === 'lan-hai' ? 'second_time' : 'first_time') : null,
      subject,
      content: `${contested}${content}`,
      petitioners: anonymous
        ? []
        : [
            {
              fullName: person.fullName,
              address: person.address || null,
              idNumber: person.idNumber || null,
              phone: person.phone || null,
              email: person.email || null,
            },
          ],
      receivedOn: today,
      notifyEmail: !anonymous && text('nhanThu') === 'co' ? person.email : null,
    },
  };
}
