import fc from 'fast-check';
import { petitionerKey, samePetitioner } from './petitioner-match.js';
import { formatReceiptCode, normaliseReceiptCode, RECEIPT_ALPHABET } from './receipt-code.js';
import { contentSimilarity, foldVietnamese } from '../../common/domain/vietnamese-text.js';

describe('Vietnamese text folding', () => {
  it.each([
    ['Nguyễn Văn Đức', 'nguyen van duc'],
    ['ĐƠN KHIẾU NẠI', 'don khieu nai'],
    ['Trường THPT  Đồng Xoài,  tỉnh Bình Phước.', 'truong thpt dong xoai tinh binh phuoc'],
    ['Phường 5, Quận 3 — TP.HCM', 'phuong 5 quan 3 tp hcm'],
  ])('%s → %s', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });

  it('folding is idempotent and never keeps a diacritic', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = foldVietnamese(s);
        expect(foldVietnamese(once)).toBe(once);
        expect(once).not.toMatch(/[\u0300-\u036fđĐ]/);
      }),
    );
  });
});

describe('content similarity', () => {
  const original =
    'Tôi khiếu nại quyết định kỷ luật của Hiệu trưởng Trường THPT Đồng Xoài về việc cắt phụ cấp đứng lớp của tôi từ tháng 3 năm 2026.';
  it('finds the same content typed without diacritics', () => {
    const retyped =
      'toi khieu nai quyet dinh ky luat cua hieu truong truong THPT Dong Xoai ve viec cat phu cap dung lop cua toi tu thang 3 nam 2026';
    expect(contentSimilarity(original, retyped)).toBe(1);
  });
  it('scores a reworded complaint about the same matter well above an unrelated one', () => {
    const reworded =
      'Khiếu nại việc Hiệu trưởng Trường THPT Đồng Xoài cắt phụ cấp đứng lớp của tôi từ tháng 3 năm 2026.';
    const unrelated = 'Đề nghị sửa chữa mái nhà lớp học của Trường Tiểu học Tân Tiến trước mùa mưa.';
    expect(contentSimilarity(original, reworded)).toBeGreaterThan(0.4);
    expect(contentSimilarity(original, unrelated)).toBeLessThan(0.1);
  });
  it('is symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = contentSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(contentSimilarity(b, a)).toBeCloseTo(s, 12);
      }),
    );
  });
});

describe('same petitioner', () => {
  it('matches on the ID number whatever the spelling of the name', () => {
    expect(
      samePetitioner(
        { idNumber: '079201001234', fullName: 'Lê Thị Hồng' },
        { idNumber: '079201001234', fullName: 'Le Thi Hong' },
      ),
    ).toBe('id_number');
  });
  it('two different ID numbers are two people even with the same name and address', () => {
    const address = 'Tổ 3, khu phố 2, phường Tân Phú';
    expect(
      samePetitioner(
        { idNumber: '079201001234', fullName: 'Lê Thị Hồng', address },
        { idNumber: '079201009999', fullName: 'Lê Thị Hồng', address },
      ),
    ).toBeNull();
  });
  it('without an ID number, matches on folded name and address', () => {
    const a = { fullName: 'Trần Văn Bình', address: 'Ấp 4, xã Tân Tiến' };
    expect(
      samePetitioner(a, { fullName: 'TRAN VAN BINH', address: 'ap 4 xa tan tien', idNumber: '079201001234' }),
    ).toBe('name_and_address');
    expect(samePetitioner(a, { fullName: 'Trần Văn Bình', address: 'Ấp 5, xã Tân Tiến' })).toBeNull();
    expect(samePetitioner(a, { fullName: 'Trần Văn Bình' })).toBeNull();
    expect(petitionerKey(a)).toBe('tran van binh|ap 4 xa tan tien');
  });
});

describe('receipt codes', () => {
  it('formats eight values from the unambiguous alphabet', () => {
    expect(formatReceiptCode(2026, [0, 1, 2, 3, 28, 29, 30, 31])).toBe('TD-2026-0123-WXYZ');
    expect(RECEIPT_ALPHABET).not.toMatch(/[ILOU]/);
  });
  it('reads back what a citizen types, forgiving case, spaces and look-alike letters', () => {
    expect(normaliseReceiptCode('td-2026-7kq4-m9xp')).toBe('TD-2026-7KQ4-M9XP');
    expect(normaliseReceiptCode('TD 2026 7KQ4 M9XP')).toBe('TD-2026-7KQ4-M9XP');
    expect(normaliseReceiptCode('TD-2026-OIL4-M9XP')).toBe('TD-2026-0114-M9XP');
    expect(normaliseReceiptCode('TD-2026-7KQ4-M9XU')).toBeNull();
    expect(normaliseReceiptCode('2026-7KQ4-M9XP')).toBeNull();
  });
  it('every formatted code reads back as itself', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2099 }),
        fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 8, maxLength: 8 }),
        (y, v) => {
          const code = formatReceiptCode(y, v);
          expect(normaliseReceiptCode(code)).toBe(code);
        },
      ),
    );
  });
});
