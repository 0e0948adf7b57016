import fc from 'fast-check';
import {
  assessText,
  doubtfulIdentity,
  findIdentity,
  identityMatcher,
  redact,
  REDACTION_MARK,
  revealsIdentity,
} from './identity-matcher.js';

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

/** Issue 14: the spellings people use, each caught wherever it stands, and the text around it kept. */
describe('the identity matcher: however people write it', () => {
  const issue = {
    fullName: 'Yyqw Edgemarker',
    idNumber: '079301004455',
    phone: '0973516284',
    email: 'yyqw.edge@thu-nghiem.vn',
    address: 'Số 45 hẻm Zxkwq, phường Tân Định, tỉnh Đồng Nai',
  };
  const NBSP = '\u00a0';
  const ZWSP = '\u200b';

  it.each([
    ['two spaces', 'Yyqw  Edgemarker'],
    ['a line break', 'Yyqw\nEdgemarker'],
    ['a tab', 'Yyqw\tEdgemarker'],
    ['a no-break space', `Yyqw${NBSP}Edgemarker`],
    ['the reversed name', 'Edgemarker Yyqw'],
    ['the reversed name with a comma', 'EDGEMARKER, yyqw'],
    ['zero-width characters inside words', `Yy${ZWSP}qw Edge\u200dmarker`],
    ['the house number with the street', '45 hẻm Zxkwq'],
    ['the street, then the house number', 'hem zxkwq so 45'],
    ['the phone with (+84)', '(+84) 973 516 284'],
    ['the phone with its 0 in brackets', '(0973) 516 284'],
    ['the phone with slashes', '0973/516/284'],
    ['the phone with underscores', '0973_516_284'],
    ['the phone as 84…', '84 973.516.284'],
    ['the phone with 0084', '0084-973-516-284'],
    ['the phone in full-width digits', '０９７３ ５１６ ２８４'],
    ['the căn cước with separators', '079-301-004-455'],
    ['the căn cước in full-width digits', '０７９３０１００４４５５'],
    ['the e-mail with [at]', 'yyqw.edge[at]thu-nghiem.vn'],
    ['the e-mail with (at) and dot', 'yyqw.edge (at) thu-nghiem dot vn'],
    ['the e-mail with a full-width @', 'yyqw.edge＠thu-nghiem.vn'],
    ['the mailbox alone', 'yyqw.edge'],
  ])('catches %s', (_what, spelling) => {
    const text = `Tố cáo ông Lê Văn Tham (${spelling}) nhận tiền.`;
    expect(revealsIdentity(text, [issue])).toBe(true);
    const out = redact(text, [issue]);
    expect(out).toBe(`Tố cáo ông Lê Văn Tham (${REDACTION_MARK}) nhận tiền.`);
    expect(revealsIdentity(out, [issue])).toBe(false);
  });

  it('catches Ð (U+00D0) written for Đ', () => {
    const p = { fullName: 'Đỗ Đức Hiển' };
    const out = redact('Người tố cáo: \u00d0ỗ \u00d0ức Hiển.', [p]);
    expect(out).toBe(`Người tố cáo: ${REDACTION_MARK}.`);
  });

  it('keeps the original characters around a match (no re-normalisation, other NBSPs kept)', () => {
    const decomposed = 'Tha\u0300nh phố'; // "Thành" with a combining grave accent
    const text = `${decomposed}${NBSP}— Yyqw Edgemarker${NBSP}ký.`;
    expect(redact(text, [issue])).toBe(`${decomposed}${NBSP}— ${REDACTION_MARK}${NBSP}ký.`);
  });

  it('is in doubt when most of a number or every word of the name is still there', () => {
    expect(doubtfulIdentity('gọi 0973 516 2xx', [issue])).toBe(true);
    expect(doubtfulIdentity('ông Yyqw, tức Edgemarker, cho biết', [issue])).toBe(true);
    expect(assessText('Yyqw  Edgemarker gọi 0973_516_284', [issue])).toEqual({
      redacted: `${REDACTION_MARK} gọi ${REDACTION_MARK}`,
      named: true,
      doubtful: false,
    });
    expect(doubtfulIdentity('Quyết định số 123/QĐ-UBND về 1.250.000.000 đồng', [issue])).toBe(false);
  });

  // ── properties ───────────────────────────────────────────────────────────────────────────────

  const syllables = [
    'yyqw',
    'zorv',
    'kettle',
    'bramwick',
    'quolt',
    'vexar',
    'thuyl',
    'pheng',
    'khoat',
    'ngoex',
  ];
  const denouncerArb = fc
    .record({
      words: fc.uniqueArray(fc.constantFrom(...syllables), { minLength: 2, maxLength: 4 }),
      phone: fc.tuple(
        fc.constantFrom('3', '5', '7', '8', '9'),
        fc.array(fc.constantFrom(...'12345678'), { minLength: 8, maxLength: 8 }),
      ),
      id: fc.array(fc.constantFrom(...'12345678'), { minLength: 12, maxLength: 12 }),
      house: fc.integer({ min: 2, max: 899 }),
      street: fc.constantFrom('Zxkwq', 'Prellun', 'Vodtak'),
      box: fc.constantFrom('hoa.tk', 'kieu.brx', 'vanmrk'),
    })
    .map(({ words, phone, id, house, street, box }) => {
      const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
      return {
        words,
        nsn: `${phone[0]}${phone[1].join('')}`,
        person: {
          fullName: words.map(cap).join(' '),
          phone: `0${phone[0]}${phone[1].join('')}`,
          idNumber: id.join(''),
          email: `${box}@thu-nghiem.vn`,
          address: `Số ${house} đường ${street}, phường Tân Định, tỉnh Đồng Nai`,
        },
        house,
        street,
        box,
      };
    });
  const gapArb = fc.constantFrom(' ', '  ', '\n', '\t', NBSP, ' \u3000', '\r\n', '\u2009');
  const caseArb = fc.constantFrom(
    (s: string) => s,
    (s: string) => s.toUpperCase(),
    (s: string) => s.toLowerCase(),
  );
  const zeroWidth = (s: string, at: number) =>
    s.length < 2 ? s : s.slice(0, 1 + (at % (s.length - 1))) + ZWSP + s.slice(1 + (at % (s.length - 1)));
  const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  const sepArb = fc.constantFrom(' ', '.', '-', '/', '_', '', ' . ');
  const groups = (digits: string, sizes: readonly number[], sep: string) => {
    const out: string[] = [];
    let at = 0;
    for (const n of sizes) {
      if (at >= digits.length) break;
      out.push(digits.slice(at, at + n));
      at += n;
    }
    if (at < digits.length) out.push(digits.slice(at));
    return out.join(sep);
  };
  const spellingArb = denouncerArb.chain((d) =>
    fc.oneof(
      // The name: any order, any gap, any case, zero-width characters inside.
      fc
        .tuple(
          fc.shuffledSubarray(d.words, { minLength: d.words.length }),
          gapArb,
          caseArb,
          fc.nat(),
          fc.boolean(),
        )
        .map(([order, gap, kase, at, zw]) => {
          const name = kase(order.join(gap));
          return { d, spelling: zw ? zeroWidth(name, at) : name };
        }),
      // The phone: every prefix, brackets, separators, full-width digits.
      fc
        .tuple(
          fc.constantFrom('0', '+84 ', '84', '(+84) ', '+84 (0)', '0084 ', '(0', '+84'),
          sepArb,
          fc.boolean(),
          fc.constantFrom([3, 3, 3], [2, 3, 4], [4, 4], [9]),
        )
        .map(([prefix, sep, wide, sizes]) => {
          let body = groups(d.nsn, sizes, sep);
          if (prefix === '(0') body = `(0${d.nsn.slice(0, 3)}) ${groups(d.nsn.slice(3), [3, 3], sep)}`;
          const spelling = prefix === '(0' ? body : `${prefix}${body}`;
          return { d, spelling: wide ? fullWidth(spelling) : spelling };
        }),
      // The căn cước: any grouping and separator, full-width or not.
      fc
        .tuple(sepArb, fc.constantFrom([3, 3, 3, 3], [4, 4, 4], [12], [3, 9]), fc.boolean())
        .map(([sep, sizes, wide]) => {
          const s = groups(d.person.idNumber, sizes, sep);
          return { d, spelling: wide ? fullWidth(s) : s };
        }),
      // The e-mail: as written or obfuscated.
      fc
        .constantFrom(
          `${d.box}@thu-nghiem.vn`,
          `${d.box}[at]thu-nghiem.vn`,
          `${d.box} (at) thu-nghiem dot vn`,
          `${d.box} [at] thu-nghiem [dot] vn`,
          `${d.box.toUpperCase()}＠THU-NGHIEM.VN`,
        )
        .map((spelling) => ({ d, spelling })),
      // The house number with its street, with or without the words around it.
      fc
        .constantFrom(
          `${d.house} ${d.street}`,
          `số ${d.house} đường ${d.street}`,
          `${d.house}, đường ${d.street}`,
          `đường ${d.street} số ${d.house}`,
          `SO ${d.house} DUONG ${d.street.toUpperCase()}`,
        )
        .map((spelling) => ({ d, spelling })),
    ),
  );
  const ordinary = [
    'Tố cáo ông Lê Văn Tham, Phó Chủ tịch UBND xã Tân Định,',
    'nhận 1.250.000.000 đồng',
    'theo Quyết định số 123/QĐ-UBND ngày 12/3/2026',
    'tại thửa đất số 45, tờ bản đồ số 7',
    'Điều 8 Luật Tố cáo 2018.',
    'Văn bản 56/TB-TTr ngày 01/02/2026; điện thoại đường dây nóng 1900 1234.',
  ];
  const contextArb = fc.tuple(fc.constantFrom(...ordinary), fc.constantFrom(...ordinary));

  it('catches every generated spelling wherever it stands, and keeps the text around it', () => {
    fc.assert(
      fc.property(spellingArb, contextArb, ({ d, spelling }, [before, after]) => {
        const text = `${before} (${spelling}) ${after}`;
        expect(revealsIdentity(text, [d.person])).toBe(true);
        const out = redact(text, [d.person]);
        expect(out).toBe(`${before} (${REDACTION_MARK}) ${after}`);
        expect(revealsIdentity(out, [d.person])).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('does not mangle ordinary text about the case: the denounced official, places, dates, amounts', () => {
    fc.assert(
      fc.property(
        denouncerArb,
        fc.array(fc.constantFrom(...ordinary), { minLength: 1, maxLength: 8 }),
        gapArb,
        (d, parts, gap) => {
          const text = parts.join(gap);
          expect(redact(text, [d.person])).toBe(text);
          expect(assessText(text, [d.person])).toEqual({ redacted: text, named: false, doubtful: false });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never leaves a needle behind, whatever unicode surrounds it', () => {
    fc.assert(
      fc.property(
        denouncerArb,
        fc.string({ unit: 'grapheme' }),
        fc.string({ unit: 'binary' }),
        (d, before, after) => {
          const out = redact(`${before}${d.person.fullName}${after}`, [d.person]);
          expect(revealsIdentity(out, [d.person])).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('one matcher compiled for many texts (intake checks a letter with it up to six times)', () => {
  const texts = [
    'Tôi là Nguyễn Thị Hạnh, CCCD 079301004455, ĐT 0903123456, email hanh.nt@example.vn.',
    'NGUYEN THI HANH gọi từ +84903123456; nguyen thi hanh ký tên.',
    'Quyết định số 45/QĐ-UBND ngày 12/3/2026',
    'Hạnh, tức Nguyễn, ở cùng Thị — số 0903 123 45x',
    'Số 12 đường Lê Lợi, phường Bến Thành; hanh.nt@example.vn; lại Nguyễn Thị Hạnh.',
    '',
  ];

  it('answers every text as a fresh one does, in whatever order and however often it is asked', () => {
    const matcher = identityMatcher([denouncer]);
    for (const text of [...texts, ...[...texts].reverse(), ...texts]) {
      expect(matcher.redact(text)).toBe(redact(text, [denouncer]));
      expect(matcher.reveals(text)).toBe(revealsIdentity(text, [denouncer]));
      expect(matcher.doubtful(text)).toBe(doubtfulIdentity(text, [denouncer]));
      expect(matcher.find(text)).toEqual(findIdentity(text, [denouncer]));
    }
    // The patterns are global regular expressions: a match left half-way through one text must not make
    // the next one start late (the same text twice finds the same spans).
    expect(matcher.find(texts[1])).toHaveLength(3);
    expect(matcher.find(texts[1])).toHaveLength(3);
  });
});
