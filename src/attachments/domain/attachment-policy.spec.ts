import { DomainError } from '../../common/domain/domain-error.js';
import {
  MAX_ATTACHMENTS_PER_LETTER,
  MAX_ATTACHMENT_BYTES,
  MEDIA_TYPES,
  SNIFF_HEAD_BYTES,
  assertCanAddAttachment,
  attachmentTooLarge,
  requireAllowedMediaType,
  safeFileName,
  sniffMediaType,
} from './attachment-policy.js';

const bytes = (...values: number[]): Buffer => Buffer.from(values);
const withTail = (head: Buffer): Buffer => Buffer.concat([head, Buffer.alloc(32, 0x41)]);

describe('sniffMediaType', () => {
  const samples: [string, Buffer, string, string][] = [
    ['PDF', withTail(Buffer.from('%PDF-1.7\n')), 'don.pdf', MEDIA_TYPES.pdf],
    ['JPEG', withTail(bytes(0xff, 0xd8, 0xff, 0xe0)), 'anh.jpg', MEDIA_TYPES.jpeg],
    ['PNG', withTail(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)), 'anh.png', MEDIA_TYPES.png],
    ['TIFF little-endian', withTail(bytes(0x49, 0x49, 0x2a, 0x00)), 'scan.tif', MEDIA_TYPES.tiff],
    ['TIFF big-endian', withTail(bytes(0x4d, 0x4d, 0x00, 0x2a)), 'scan.tiff', MEDIA_TYPES.tiff],
    [
      'WebP',
      withTail(Buffer.concat([Buffer.from('RIFF'), bytes(0x24, 0, 0, 0), Buffer.from('WEBPVP8 ')])),
      'anh.webp',
      MEDIA_TYPES.webp,
    ],
    ['DOCX', withTail(bytes(0x50, 0x4b, 0x03, 0x04)), 'Đơn khiếu nại.DOCX', MEDIA_TYPES.docx],
    ['XLSX', withTail(bytes(0x50, 0x4b, 0x03, 0x04)), 'bang-ke.xlsx', MEDIA_TYPES.xlsx],
    [
      'UTF-8 text',
      Buffer.from('Kính gửi: Thanh tra tỉnh\r\nTôi tên là …\n'),
      'noi-dung.txt',
      MEDIA_TYPES.text,
    ],
  ];

  it.each(samples)('detects %s', (_label, head, fileName, expected) => {
    expect(sniffMediaType(head, fileName)).toBe(expected);
  });

  it('trusts the bytes, not the extension: a PDF named .jpg is a PDF', () => {
    expect(sniffMediaType(Buffer.from('%PDF-1.4\n%âãÏÓ'), 'photo.jpg')).toBe(MEDIA_TYPES.pdf);
  });

  it('refuses an executable whatever its name', () => {
    const exe = withTail(Buffer.from('MZ\x90\x00', 'latin1'));
    expect(sniffMediaType(exe, 'don.pdf')).toBeNull();
    expect(sniffMediaType(exe, 'don.exe')).toBeNull();
    expect(sniffMediaType(exe, 'don.txt')).toBeNull(); // NUL byte
  });

  it('refuses a ZIP that is not named .docx or .xlsx', () => {
    expect(sniffMediaType(withTail(bytes(0x50, 0x4b, 0x03, 0x04)), 'archive.zip')).toBeNull();
    expect(sniffMediaType(withTail(bytes(0x50, 0x4b, 0x03, 0x04)), 'don.doc')).toBeNull();
  });

  it('accepts text only as .txt, valid UTF-8 and without NUL bytes', () => {
    expect(sniffMediaType(Buffer.from('hello'), 'hello.csv')).toBeNull();
    expect(sniffMediaType(Buffer.from('hel\0lo'), 'hello.txt')).toBeNull();
    expect(sniffMediaType(bytes(0x68, 0xc3, 0x28), 'latin.txt')).toBeNull(); // invalid UTF-8
    expect(sniffMediaType(Buffer.from('Xin chào', 'utf16le'), 'utf16.txt')).toBeNull();
    expect(sniffMediaType(Buffer.alloc(0), 'empty.txt')).toBeNull();
  });

  it('tolerates a multi-byte character cut at the end of a full head, not of a whole short file', () => {
    const full = Buffer.from('ệ'.repeat(2000)); // 3 bytes each: 6000 bytes
    expect(sniffMediaType(full.subarray(0, SNIFF_HEAD_BYTES), 'dai.txt')).toBe(MEDIA_TYPES.text);
    expect(SNIFF_HEAD_BYTES % 3).not.toBe(0); // the head really does end mid-character
    expect(sniffMediaType(Buffer.from('ệ').subarray(0, 2), 'ngan.txt')).toBeNull();
  });

  it('refuses an unknown type with a message that names neither the file nor its contents', () => {
    const error = (() => {
      try {
        requireAllowedMediaType(Buffer.from('MZ'), 'Nguyễn Văn A.exe');
      } catch (e) {
        return e as DomainError;
      }
      throw new Error('expected a refusal');
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    expect(error.message).not.toContain('Nguyễn');
    expect(error.message).not.toContain('MZ');
    expect(requireAllowedMediaType(Buffer.from('%PDF-'), 'x.bin')).toBe(MEDIA_TYPES.pdf);
  });
});

describe('limits', () => {
  it('are 20 MiB per file and 20 files per letter', () => {
    expect(MAX_ATTACHMENT_BYTES).toBe(20 * 1024 * 1024);
    expect(MAX_ATTACHMENTS_PER_LETTER).toBe(20);
    expect(attachmentTooLarge(MAX_ATTACHMENT_BYTES).message).toBe(
      'The file is larger than the 20 MiB limit.',
    );
    expect(attachmentTooLarge(MAX_ATTACHMENT_BYTES).meta).toEqual({ maxBytes: MAX_ATTACHMENT_BYTES });
  });

  it('refuse a 21st attachment', () => {
    expect(() => assertCanAddAttachment(MAX_ATTACHMENTS_PER_LETTER - 1)).not.toThrow();
    expect(() => assertCanAddAttachment(MAX_ATTACHMENTS_PER_LETTER)).toThrow(
      expect.objectContaining({ code: 'ATTACHMENT_LIMIT_REACHED' }),
    );
  });
});

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\lan\\Desktop\\don.pdf', 'don.pdf'],
    ['Đơn khiếu nại - Nguyễn Thị Hồng Nhung.pdf', 'Đơn khiếu nại - Nguyễn Thị Hồng Nhung.pdf'],
    ['  Quyết   định\tsố 12.docx  ', 'Quyết định số 12.docx'],
    ['bad\u0000\u0007name\r\n.txt', 'badname .txt'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'], // right-to-left override removed
    ['a<b>c:d"e|f?g*h.pdf', 'a_b_c_d_e_f_g_h.pdf'],
    ['.htaccess', 'htaccess'],
    ['report.pdf...', 'report.pdf'],
    ['..', 'file'],
    ['', 'file'],
    ['/', 'file'],
    ['\u0001\u0002', 'file'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('composes decomposed (macOS) Vietnamese into NFC', () => {
    const decomposed = 'Đơn khiếu nại.pdf'.normalize('NFD');
    expect(decomposed).not.toBe('Đơn khiếu nại.pdf');
    expect(safeFileName(decomposed)).toBe('Đơn khiếu nại.pdf');
  });

  it('keeps at most 200 characters and the extension', () => {
    const long = safeFileName(`${'Nguyễn '.repeat(60)}.pdf`);
    expect([...long].length).toBeLessThanOrEqual(200);
    expect(long.endsWith('.pdf')).toBe(true);
    expect(long.startsWith('Nguyễn Nguyễn')).toBe(true);
    const noExtension = safeFileName('ệ'.repeat(300));
    expect([...noExtension]).toHaveLength(200);
  });

  it('never splits a surrogate pair', () => {
    const name = safeFileName('😀'.repeat(250));
    expect(name).toBe('😀'.repeat(200));
  });
});
