import fc from 'fast-check';
import { redact, REDACTION_MARK, revealsIdentity } from './redaction.js';

const denouncer = {
  fullName: 'Nguyễn Thị Hạnh',
  idNumber: '079301004455',
  phone: '0903123456',
  email: 'hanh.nt@example.vn',
  address: 'Số 12 đường Lê Lợi, phường Bến Thành',
};

describe('redaction of a denunciation letter', () => {
  it('replaces the name, ID number, phone, e-mail and address wherever they occur', () => {
    const text =
      'Tôi là Nguyễn Thị Hạnh, CCCD 079301004455, ở Số 12 đường Lê Lợi, phường Bến Thành, ĐT 0903123456, email hanh.nt@example.vn. Tôi tố cáo ông Trần Văn B nhận hối lộ.';
    const out = redact(text, [denouncer]);
    expect(out).toBe(
      `Tôi là ${REDACTION_MARK}, CCCD ${REDACTION_MARK}, ở ${REDACTION_MARK}, ĐT ${REDACTION_MARK}, email ${REDACTION_MARK}. Tôi tố cáo ông Trần Văn B nhận hối lộ.`,
    );
    expect(revealsIdentity(out, [denouncer])).toBe(false);
    // The denounced person is not the denouncer: their name stays.
    expect(out).toContain('Trần Văn B');
  });

  it('finds the name typed without diacritics or in capitals, and the phone with +84', () => {
    const out = redact('NGUYEN THI HANH gọi từ +84903123456; nguyen thi hanh ký tên.', [denouncer]);
    expect(out).toBe(`${REDACTION_MARK} gọi từ ${REDACTION_MARK}; ${REDACTION_MARK} ký tên.`);
  });

  it('finds numbers written with spaces, dots or dashes between their digits', () => {
    const out = redact('Số căn cước 079 301 004 455, điện thoại 0903.123.456 hoặc +84 903-123-456.', [
      denouncer,
    ]);
    expect(out).toBe(`Số căn cước ${REDACTION_MARK}, điện thoại ${REDACTION_MARK} hoặc ${REDACTION_MARK}.`);
    expect(revealsIdentity('gọi 0903 123 456', [denouncer])).toBe(true);
    // Other numbers stay.
    expect(redact('Quyết định số 45/QĐ-UBND ngày 12/3/2026', [denouncer])).toBe(
      'Quyết định số 45/QĐ-UBND ngày 12/3/2026',
    );
  });

  it('leaves a text without identity unchanged, and detects what redaction would remove', () => {
    const text = 'Tố cáo cán bộ địa chính xã lập hồ sơ khống.';
    expect(redact(text, [denouncer])).toBe(text);
    expect(revealsIdentity(text, [denouncer])).toBe(false);
    expect(revealsIdentity('ký tên: nguyễn thị hạnh', [denouncer])).toBe(true);
  });

  it('never leaves a needle behind, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const out = redact(`${before}${denouncer.fullName}${after}`, [denouncer]);
        expect(revealsIdentity(out, [denouncer])).toBe(false);
      }),
    );
  });
});
