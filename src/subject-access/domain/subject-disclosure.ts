/**
 * What a data subject's access request may disclose of one record (Law 91/2025/QH15, the subject's right
 * of access; legal-reference §9a), within the denouncer's secrecy (LTC 25/2018 art. 8(3), 47(1)–(2),
 * 56(1); legal-reference §6.6). Pure: the service finds the records, this decides what of each goes into
 * the answer.
 *
 * The rules:
 * - The subject gets **their own data** in a record (what they are recorded under: name, address, căn
 *   cước number, contacts) and **the texts they wrote or said** (their letter, their visit's summary),
 *   with anyone else's identity cut out of those texts.
 * - **Nobody else's data, ever**: co-petitioners, other visitors of the same visit, the complainant an
 *   authorised person acts for — each is a data subject of their own. A co-denouncer is protected from
 *   the other denouncers as from anyone (LTC art. 47(1)).
 * - A record that only **names** the subject in someone else's text (a denunciation of them, a complaint
 *   about their decision): the answer says that such a record exists, of what kind and when, and nothing
 *   of who wrote it nor the text: disclosing "họ tên, địa chỉ, bút tích của người tố cáo và thông tin khác
 *   làm lộ danh tính" is prohibited (LTC art. 8(3), 47(2)); the denounced person learns the denunciation's
 *   content only through its resolution (LTC art. 29(3)). Other writers (complainants) are data subjects
 *   too: their letter is theirs, not the subject's.
 * - A denouncer asking about **their own** protected record gets their own data: the secrecy protects
 *   them from others (LTC art. 47(2): they may reveal it themselves). The officer answering must still be
 *   one who may see that identity (IdentityAccess: a custodian, the receiver…); otherwise the record is
 *   listed and its data withheld until a custodian answers. And the record must have been found by the
 *   căn cước number: a name and an address are what anyone may know of a denouncer (the denounced person
 *   among them), so they are not enough to open a protected record (LTC art. 8(3), 47).
 */

/** How the subject appears in a record. */
export type SubjectRole =
  /** A petitioner of a letter (its writer or co-signer; a denouncer when the letter is protected). */
  | 'petitioner'
  /** The person a complainant authorised (Mẫu 02). */
  | 'authorised_person'
  /** A citizen who came on a reception visit. */
  | 'visitor'
  /** The address that subscribed to a letter's news (online form). */
  | 'subscriber'
  /** An officer's account. */
  | 'account_holder'
  /** Named in the text of someone else's letter (the denounced person, say). */
  | 'named_in_text';

export interface DisclosureFacts {
  role: SubjectRole;
  /** The record protects a denouncer (a denunciation or mixed letter, or a visit where one was handed in). */
  protectedRecord: boolean;
  /** The officer answering may see the protected identities of this record (IdentityAccess.basis). */
  actorMaySeeProtected: boolean;
  /** The record was found by the căn cước number (not by name and address). */
  matchedByNumber: boolean;
}

export interface Disclosure {
  /** The subject's own personal data in the record. */
  ownData: boolean;
  /** The texts the subject wrote or said, with every other person's identity cut out. */
  ownTexts: boolean;
  /** The record's reference, kind and date. */
  reference: boolean;
  /** Anyone else's data: never. A literal type, so that no rule can say otherwise. */
  otherPeople: false;
  /** Why something is withheld (Vietnamese, for the answer), with its article; null when nothing is. */
  withheld: string | null;
}

export const WITHHELD_NAMED_PROTECTED =
  'Hồ sơ tố cáo có nêu tên người yêu cầu: không cung cấp người tố cáo, nội dung đơn và thông tin làm lộ danh ' +
  'tính người tố cáo (Luật Tố cáo 2018, điều 8 khoản 3, điều 47); nội dung tố cáo được thông báo theo thủ ' +
  'tục giải quyết tố cáo (điều 29 khoản 3).';
export const WITHHELD_NAMED_OTHER =
  'Đơn của người khác có nêu tên người yêu cầu: nội dung đơn và thông tin của người viết đơn là dữ liệu cá ' +
  'nhân của người đó, không cung cấp (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15).';
export const WITHHELD_NEEDS_NUMBER =
  'Hồ sơ được bảo vệ danh tính người tố cáo: chỉ cung cấp khi người yêu cầu được xác định bằng số căn cước ' +
  'trùng với hồ sơ; họ tên và địa chỉ không đủ (Luật Tố cáo 2018, điều 8 khoản 3, điều 47).';
export const WITHHELD_NEEDS_CUSTODIAN =
  'Hồ sơ được bảo vệ danh tính người tố cáo: chỉ người quản lý thông tin người tố cáo (hoặc người được ' +
  'phép) mới cung cấp được dữ liệu này (Luật Tố cáo 2018, điều 47, 56 khoản 1).';

/** What of one record goes into the subject's answer (the table in the file comment). */
export function subjectDisclosure(facts: DisclosureFacts): Disclosure {
  const base = { reference: true, otherPeople: false as const };
  if (facts.role === 'named_in_text') {
    return {
      ...base,
      ownData: false,
      ownTexts: false,
      withheld: facts.protectedRecord ? WITHHELD_NAMED_PROTECTED : WITHHELD_NAMED_OTHER,
    };
  }
  if (facts.protectedRecord && !facts.actorMaySeeProtected) {
    return { ...base, ownData: false, ownTexts: false, withheld: WITHHELD_NEEDS_CUSTODIAN };
  }
  if (facts.protectedRecord && !facts.matchedByNumber) {
    return { ...base, ownData: false, ownTexts: false, withheld: WITHHELD_NEEDS_NUMBER };
  }
  // Only a petitioner wrote the letter and only a visitor said what the visit records; an authorised
  // person, a subscriber and an account holder have their own data in the record, not its texts.
  const ownTexts = facts.role === 'petitioner' || facts.role === 'visitor';
  return { ...base, ownData: true, ownTexts, withheld: null };
}
