import { Readable } from 'node:stream';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MAX_ATTACHMENT_BYTES } from '../../../src/attachments/domain/attachment-policy.js';
import { FILE_STORE, type FileStore } from '../../../src/attachments/file-store.js';
import { SYSTEM_ACTOR, type Actor } from '../../../src/auth/domain/actor.js';
import type { Permission } from '../../../src/auth/domain/roles.js';
import { ComplaintCasesService } from '../../../src/complaints/complaint-cases.service.js';
import { Clock } from '../../../src/common/clock.js';
import { addDays } from '../../../src/common/domain/local-date.js';
import { uuid7 } from '../../../src/common/ids/uuid7.js';
import type { CreateLetterDto } from '../../../src/letters/dto/letter.dto.js';
import { LetterAttachmentEntity } from '../../../src/letters/entities/letter-attachment.entity.js';
import { LettersService } from '../../../src/letters/letters.service.js';
import { LetterDecisionsService } from '../../../src/letters/letter-decisions.service.js';
import { LetterAuthorisationsService } from '../../../src/letters/letter-authorisations.service.js';
import type { Call, Rule, Scope, World } from './accounts.rules.js';
import { freshDenunciationLetter } from './denunciations.rules.js';
import { ALL_PASSED } from '../../support/eligibility.js';

/** A call that uploads one file as multipart/form-data (the matrix's `call()` attaches it). */
export type UploadCall = Call & { attach?: { field: string; buffer: Buffer; filename: string } };

/** Records of divisionB (outside every scoped role's units) that lists must never show. */
const outside: Record<'letter' | 'case', string[]> = { letter: [], case: [] };

/** The head's decisions need `cases:manage`; the system actor has no permission of its own. */
const HEAD: Actor = { ...SYSTEM_ACTOR, permissions: new Set<Permission>(['cases:manage']) };

const unitOf = (w: World, s: Scope) => (s === 'in' ? w.divisionA.id : w.divisionB.id);
const today = (w: World) => w.app.get(Clock).today();
const daysAgo = (w: World, days: number) => addDays(today(w), -days);

const PETITIONER = {
  fullName: 'Trần Thị Mai',
  address: 'Tổ 5, phường Tân Phong, tỉnh Đồng Nai',
  idNumber: '075301002468',
  phone: '0912000111',
};

const letterBody = (w: World, s: Scope, overrides: Partial<CreateLetterDto> = {}): CreateLetterDto => ({
  unitId: unitOf(w, s),
  receivedOn: daysAgo(w, 3),
  channel: 'post',
  classification: 'complaint',
  complaintTrack: 'first_time',
  subject: 'Khiếu nại quyết định thu hồi đất',
  content: 'Tôi khiếu nại Quyết định số 12/QĐ-UBND về việc thu hồi 200 m2 đất nông nghiệp của gia đình tôi.',
  petitioners: [PETITIONER],
  eligibility: ALL_PASSED,
  ...overrides,
});

async function freshLetter(
  w: World,
  s: Scope,
  overrides: Partial<CreateLetterDto> = {},
  receiverUserId: string | null = null,
) {
  // A protected (mixed, denunciation) letter is handled by who may see its writer: its receiver.
  const actor = receiverUserId ? { ...SYSTEM_ACTOR, userId: receiverUserId } : SYSTEM_ACTOR;
  const letter = await w.app.get(LettersService).create(actor, letterBody(w, s, overrides));
  if (s === 'out') outside.letter.push(letter.id);
  return letter;
}

/** A complaint case in `received` (its letter accepted two days ago), KN-2 open. */
async function freshCase(w: World, s: Scope) {
  const letter = await freshLetter(w, s);
  const decided = await w.app.get(LetterDecisionsService).decide(SYSTEM_ACTOR, letter.id, {
    decision: 'accept',
    decidedOn: daysAgo(w, 2),
    legalBasis: 'LKN 02/2011/QH13 art. 27',
    version: letter.version,
  });
  if (s === 'out') outside.case.push(decided.caseId!);
  return w.app.get(ComplaintCasesService).get(SYSTEM_ACTOR, decided.caseId!);
}

/** A complaint case the head accepted yesterday: the handler's next step is verification. */
async function acceptedCase(w: World, s: Scope) {
  const c = await freshCase(w, s);
  return w.app.get(ComplaintCasesService).transition(HEAD, c.id, {
    event: 'accept',
    date: daysAgo(w, 1),
    documentRef: '01/TB-TL',
    legalBasis: 'LKN 02/2011/QH13 art. 27',
    version: c.version,
  });
}

export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** A file of a letter, stored the way the upload stores it (the file store, then the row). */
async function freshAttachment(w: World, s: Scope) {
  const letter = await freshLetter(w, s);
  return { letterId: letter.id, attachmentId: await storedFile(w, letter.id) };
}

/** A PDF stored for the letter `letterId` (a case's dossier is its letter's files). */
export async function storedFile(w: World, letterId: string): Promise<string> {
  const stored = await w.app
    .get<FileStore>(FILE_STORE, { strict: false })
    .put(Readable.from([PDF]), { maxBytes: MAX_ATTACHMENT_BYTES });
  const id = uuid7();
  await w.app.get<DataSource>(getDataSourceToken()).getRepository(LetterAttachmentEntity).insert({
    id,
    letterId,
    storageKey: stored.key,
    fileName: 'don-khieu-nai.pdf',
    mediaType: 'application/pdf',
    sizeBytes: stored.size,
    sha256: stored.sha256,
    identifying: false,
    uploadedByUserId: null,
  });
  return id;
}

/** An authorisation of a relative, notarised (valid on either side of 2027-01-01). */
const authorisationBody = (w: World, version: number) => ({
  kind: 'relative' as const,
  person: { fullName: 'Lê Văn Bình', relationship: 'con trai' },
  documentRef: 'GUQ 15/2026',
  documentDate: daysAgo(w, 4),
  notarised: true,
  certificationRef: 'CT 123',
  version,
});

/** Lists get one record outside the scoped roles' units first, so `mustNotShow` has something to catch. */
async function withOutside(
  w: World,
  make: (w: World, s: Scope) => Promise<unknown>,
  kind: keyof typeof outside,
) {
  if (outside[kind].length === 0) await make(w, 'out');
}

/** Letters (src/letters), the citizen's receipt-code lookup, and complaint cases (src/cases). */
export const LETTER_RULES: Record<string, Rule> = {
  'GET /tra-cuu-don': {
    access: 'public',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/tra-cuu-don' }),
  },
  'POST /tra-cuu-don': {
    access: 'public',
    scoped: false,
    // A code that does not exist: the neutral 404 page (the found case is tested in the browser test).
    success: 404,
    make: async () => ({ path: '/tra-cuu-don', body: { code: 'TD-2026-0000-0000', secret: 'WRONGSECRT' } }),
  },
  'GET /gui-don': {
    access: 'public',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/gui-don' }),
  },
  'POST /gui-don': {
    access: 'public',
    scoped: false,
    // An empty form: the page with its problems, nothing stored (filing is tested in letter-form.e2e-spec).
    success: 400,
    make: async () => ({ path: '/gui-don', body: {} }),
  },
  'GET /gui-don/thu-thach': {
    access: 'public',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/gui-don/thu-thach' }),
  },
  'GET /gui-don/tai-nguyen/{file}': {
    access: 'public',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/gui-don/tai-nguyen/form.js' }),
  },
  'GET /xac-thuc-thu': {
    access: 'public',
    scoped: false,
    // A signature of no message (a sent one verifies in letter-form.e2e-spec).
    success: 404,
    make: async () => ({ path: '/xac-thuc-thu?thu=0190f3a8-7c1e-7d2a-9b3c-4d5e6f708192&chu-ky=abc' }),
  },
  'GET /huy-nhan-thu': {
    access: 'public',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/huy-nhan-thu?ma=abcdefghijklmnop' }),
  },
  'POST /huy-nhan-thu': {
    access: 'public',
    scoped: false,
    success: 404,
    make: async () => ({ path: '/huy-nhan-thu', body: { ma: 'abcdefghijklmnop' } }),
  },
  'POST /api/v1/letters/{id}/eligibility': {
    access: 'letters:write',
    scoped: true,
    success: 201,
    make: async (w, s) => {
      // A letter as the public form files it: eligibility not checked yet.
      const body = letterBody(w, s, { channel: 'online_form', eligibility: [] });
      const letter = await w.app
        .get(LettersService)
        .create(SYSTEM_ACTOR, body, { eligibilityUnchecked: true });
      if (s === 'out') outside.letter.push(letter.id);
      return {
        path: `/api/v1/letters/${letter.id}/eligibility`,
        body: { version: letter.version, eligibility: ALL_PASSED },
      };
    },
  },
  'POST /api/v1/letters': {
    access: 'letters:write',
    scoped: true,
    success: 201,
    make: async (w, s) => ({ path: '/api/v1/letters', body: letterBody(w, s) }),
  },
  'GET /api/v1/letters': {
    access: 'letters:read',
    scoped: false,
    success: 200,
    make: async (w) => {
      await withOutside(w, freshLetter, 'letter');
      return { path: '/api/v1/letters?pageSize=200' };
    },
    mustNotShow: () => outside.letter,
  },
  // Online submissions waiting for their check; who sees which is in letter-form.e2e-spec.ts.
  'GET /api/v1/letters/intake-queue': {
    access: 'letters:read',
    scoped: false,
    success: 200,
    make: async () => ({ path: '/api/v1/letters/intake-queue' }),
  },
  'GET /api/v1/letters/{id}': {
    access: 'letters:read',
    scoped: true,
    success: 200,
    make: async (w, s) => ({ path: `/api/v1/letters/${(await freshLetter(w, s)).id}` }),
  },
  'GET /api/v1/letters/{id}/duplicates': {
    access: 'letters:read',
    scoped: true,
    success: 200,
    make: async (w, s) => ({ path: `/api/v1/letters/${(await freshLetter(w, s)).id}/duplicates` }),
  },
  'POST /api/v1/letters/{id}/split': {
    access: 'letters:write',
    scoped: true,
    success: 201,
    make: async (w, s, role) => {
      // The caller is the letter's receiver: a mixed letter's parts are written from its original text.
      const letter = await freshLetter(
        w,
        s,
        { classification: 'mixed', complaintTrack: null, subject: 'Khiếu nại và kiến nghị về thu hồi đất' },
        w.users[role].id,
      );
      return {
        path: `/api/v1/letters/${letter.id}/split`,
        body: {
          version: letter.version,
          parts: [
            {
              classification: 'complaint',
              complaintTrack: 'first_time',
              subject: 'Khiếu nại quyết định thu hồi đất',
              content: 'Khiếu nại Quyết định số 12/QĐ-UBND.',
              eligibility: ALL_PASSED,
            },
            {
              classification: 'petition',
              subject: 'Kiến nghị về bồi thường',
              content: 'Kiến nghị xem xét lại mức bồi thường.',
              eligibility: ALL_PASSED,
            },
          ],
        },
      };
    },
  },
  'POST /api/v1/letters/{id}/decision': {
    access: 'letters:write',
    scoped: true,
    success: 201,
    make: async (w, s) => {
      const letter = await freshLetter(w, s);
      return {
        path: `/api/v1/letters/${letter.id}/decision`,
        body: {
          decision: 'accept',
          decidedOn: daysAgo(w, 1),
          legalBasis: 'LKN 02/2011/QH13 art. 27',
          version: letter.version,
        },
      };
    },
  },
  'POST /api/v1/letters/{id}/attachments': {
    access: 'letters:write',
    scoped: true,
    success: 201,
    make: async (w, s): Promise<UploadCall> => ({
      path: `/api/v1/letters/${(await freshLetter(w, s)).id}/attachments`,
      attach: { field: 'file', buffer: PDF, filename: 'don-khieu-nai.pdf' },
    }),
  },
  'GET /api/v1/letters/{id}/attachments': {
    access: 'letters:read',
    scoped: true,
    success: 200,
    make: async (w, s) => ({
      path: `/api/v1/letters/${(await freshAttachment(w, s)).letterId}/attachments`,
    }),
  },
  'GET /api/v1/letters/{id}/attachments/{attachmentId}': {
    access: 'letters:read',
    scoped: true,
    success: 200,
    make: async (w, s) => {
      const { letterId, attachmentId } = await freshAttachment(w, s);
      return { path: `/api/v1/letters/${letterId}/attachments/${attachmentId}` };
    },
  },
  'POST /api/v1/public/letter-status': {
    access: 'public',
    scoped: false,
    success: 200,
    make: async (w) => {
      const letter = await freshLetter(w, 'in');
      return {
        path: '/api/v1/public/letter-status',
        body: { code: letter.receiptCode, secret: letter.receiptSecret },
      };
    },
  },
  'GET /api/v1/complaint-cases': {
    access: 'cases:read',
    scoped: false,
    success: 200,
    make: async (w) => {
      await withOutside(w, freshCase, 'case');
      return { path: '/api/v1/complaint-cases?pageSize=200' };
    },
    mustNotShow: () => outside.case,
  },
  'GET /api/v1/complaint-cases/{id}': {
    access: 'cases:read',
    scoped: true,
    success: 200,
    make: async (w, s) => ({ path: `/api/v1/complaint-cases/${(await freshCase(w, s)).id}` }),
  },
  'POST /api/v1/complaint-cases/{id}/transitions': {
    access: 'cases:handle',
    scoped: true,
    success: 201,
    make: async (w, s) => {
      const c = await acceptedCase(w, s);
      return {
        path: `/api/v1/complaint-cases/${c.id}/transitions`,
        body: {
          event: 'start_verification',
          date: today(w),
          legalBasis: 'LKN 02/2011/QH13 art. 29',
          version: c.version,
        },
      };
    },
  },
  'PATCH /api/v1/complaint-cases/{id}/flags': {
    access: 'cases:manage',
    scoped: true,
    success: 200,
    make: async (w, s) => {
      const c = await freshCase(w, s);
      return {
        path: `/api/v1/complaint-cases/${c.id}/flags`,
        body: {
          complicated: true,
          complicatedReason: 'Xác minh tại hai địa điểm (NĐ 124 art. 3a(1)(a))',
          version: c.version,
        },
      };
    },
  },
  'PATCH /api/v1/complaint-cases/{id}/assignment': {
    access: 'cases:manage',
    scoped: true,
    success: 200,
    make: async (w, s) => {
      const c = await freshCase(w, s);
      return {
        path: `/api/v1/complaint-cases/${c.id}/assignment`,
        body: { handlerUserId: (await w.freshUser(s)).id, reason: 'Phân công xác minh', version: c.version },
      };
    },
  },
  'POST /api/v1/complaint-cases/{id}/attachments': {
    access: 'cases:handle',
    scoped: true,
    success: 201,
    make: async (w, s): Promise<UploadCall> => ({
      path: `/api/v1/complaint-cases/${(await freshCase(w, s)).id}/attachments`,
      attach: { field: 'file', buffer: PDF, filename: 'bien-ban-xac-minh.pdf' },
    }),
  },
  'GET /api/v1/complaint-cases/{id}/attachments': {
    access: 'cases:read',
    scoped: true,
    success: 200,
    make: async (w, s) => {
      const c = await freshCase(w, s);
      await storedFile(w, c.letterId);
      return { path: `/api/v1/complaint-cases/${c.id}/attachments` };
    },
  },
  'GET /api/v1/complaint-cases/{id}/attachments/{attachmentId}': {
    access: 'cases:read',
    scoped: true,
    success: 200,
    make: async (w, s) => {
      const c = await freshCase(w, s);
      return { path: `/api/v1/complaint-cases/${c.id}/attachments/${await storedFile(w, c.letterId)}` };
    },
  },
  'POST /api/v1/complaint-cases/{id}/assignment-preview': {
    access: 'cases:manage',
    scoped: true,
    success: 200,
    make: async (w, s) => {
      const c = await freshCase(w, s);
      return {
        path: `/api/v1/complaint-cases/${c.id}/assignment-preview`,
        body: { handlerUserId: (await w.freshUser(s)).id },
      };
    },
  },
  'PUT /api/v1/complaint-cases/{id}/deadlines/{deadlineId}/target': {
    access: 'cases:manage',
    scoped: true,
    success: 200,
    make: async (w, s) => {
      const c = await freshCase(w, s);
      const d = c.deadlines[0];
      return {
        path: `/api/v1/complaint-cases/${c.id}/deadlines/${d.id}/target`,
        body: { target: d.dueDate, version: c.version },
      };
    },
  },
  'PUT /api/v1/letters/{id}/authorisation': {
    access: 'letters:write',
    scoped: true,
    success: 200,
    make: async (w, s) => {
      const letter = await freshLetter(w, s);
      return {
        path: `/api/v1/letters/${letter.id}/authorisation`,
        body: authorisationBody(w, letter.version),
      };
    },
  },
  'GET /api/v1/letters/{id}/authorisation': {
    access: 'letters:read',
    scoped: true,
    success: 200,
    make: async (w, s) => {
      const letter = await freshLetter(w, s);
      await w.app
        .get(LetterAuthorisationsService)
        .set(SYSTEM_ACTOR, letter.id, authorisationBody(w, letter.version));
      return { path: `/api/v1/letters/${letter.id}/authorisation` };
    },
  },
  // The identity routes check a second rule inside (src/identity/identity-access.ts): a denouncer is seen
  // only by the receiver, the accepting head, custodians and approved requests. Each call makes the
  // calling role's user the receiver of a fresh denunciation letter, so every role with letters:read
  // passes it; the inner refusal (IDENTITY_PROTECTED) is tested in denunciation-flow.e2e-spec.ts.
  'GET /api/v1/letters/{id}/identity': {
    access: 'letters:read',
    scoped: true,
    success: 200,
    make: async (w, s, role) => ({
      path: `/api/v1/letters/${(await freshDenunciationLetter(w, s, w.users[role].id)).id}/identity`,
    }),
  },
  'POST /api/v1/letters/{id}/identity-disclosure': {
    access: 'letters:read',
    scoped: true,
    success: 201,
    make: async (w, s, role) => {
      const letter = await freshDenunciationLetter(w, s, w.users[role].id);
      return {
        path: `/api/v1/letters/${letter.id}/identity-disclosure`,
        body: { kind: 'self_disclosed', note: 'Người tố cáo tự công khai', version: letter.version },
      };
    },
  },
};

export { freshCase as freshComplaintCase, acceptedCase as acceptedComplaintCase, freshLetter };
