import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/domain/actor.js';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/domain/domain-error.js';
import { searchFold } from '../../common/domain/vietnamese-text.js';
import { UnitEntity } from '../../units/unit.entity.js';
import type { CreateLetterDto } from '../dto/letter.dto.js';
import { LettersService } from '../letters.service.js';
import { LetterEmailsService } from './letter-emails.service.js';
import { MAX_ATTACHMENT_BYTES } from '../../attachments/domain/attachment-policy.js';
import type { FormUploadLimits, MultipartForm } from '../../attachments/multipart.js';
import { protectsIdentity } from '../domain/letter-rules.js';
import { LetterAttachmentsService, type StoredAttachment } from '../letter-attachments.service.js';
import {
  FIELD_MAX,
  FORM_FIELDS,
  FORM_MAX_BODY_BYTES,
  FORM_MAX_FILES,
  readLetterForm,
  type FormLetter,
  type FormProblem,
  type FormValues,
} from './letter-form.js';
import type { FormUnit } from './letter-form-page.html.js';

export type FiledLetter = {
  code: string;
  secret: string;
  receivedOn: string;
  unitName: string;
  kindLabel: string;
  processingDue: string;
  /** The files taken, as the citizen named them (their own receipt), and their sizes. */
  files: { name: string; size: number }[];
};

/** The limits of the form's multipart body (src/attachments/multipart.ts reads it). */
export const FORM_UPLOAD_LIMITS: FormUploadLimits = {
  maxFiles: FORM_MAX_FILES,
  maxFileBytes: MAX_ATTACHMENT_BYTES,
  maxBodyBytes: FORM_MAX_BODY_BYTES,
  fields: 2 * FORM_FIELDS.length,
  // The longest field in bytes (four per character at most), so a field within its limit is never cut.
  fieldSize: 4 * Math.max(...Object.values(FIELD_MAX)),
};

const KIND_LABEL: Record<FormLetter['classification'], string> = {
  complaint: 'Khiếu nại',
  denunciation: 'Tố cáo',
  petition: 'Kiến nghị, phản ánh',
  anonymous: 'Thông tin tố cáo không ghi tên',
};

/**
 * What a submission of the public form becomes: a letter of channel `online_form`, through the same
 * intake officers use (LettersService.create — petitioners sealed, a denouncer's identity straight to
 * the encrypted store and the redacted copy, the processing deadline opened, duplicates flagged), its
 * eligibility left "chưa kiểm tra" for an officer, received today in Asia/Ho_Chi_Minh. The actor is the
 * public: no account, the chosen unit as its only scope, and no client address (it is not kept with a
 * letter that may be a denunciation).
 */
@Injectable()
export class LetterFormService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly letters: LettersService,
    private readonly clock: Clock,
    private readonly emails: LetterEmailsService,
    private readonly attachments: LetterAttachmentsService,
  ) {}

  /** Active units, by name; `search` keeps those whose folded name holds every folded word. */
  async units(search = ''): Promise<FormUnit[]> {
    const rows = await this.dataSource
      .getRepository(UnitEntity)
      .find({ where: { active: true }, select: { id: true, name: true }, order: { name: 'ASC' } });
    const words = searchFold(search).split(' ').filter(Boolean);
    return rows
      .filter((u) => {
        if (words.length === 0) return true;
        const name = searchFold(u.name);
        return words.every((w) => name.includes(w));
      })
      .map((u) => ({ id: u.id, name: u.name }));
  }

  /** The form read against the active units: its problems, or the letter it describes. */
  async read(values: FormValues): Promise<{ problems: FormProblem[]; letter: FormLetter | null }> {
    const units = await this.units();
    return readLetterForm(values, new Set(units.map((u) => u.id)), this.clock.today());
  }

  /**
   * Streams the submission's files to the attachments' store, each checked as an officer's upload is
   * (type from its bytes, size) and sealed first when the letter protects its writer (a denunciation: as
   * an officer's upload to such a letter is, by default). Called only once the submission passed the
   * limit, the fields, the honeypot and the proof. Any refusal (a file's type or size, one file too many,
   * the body past its cap) removes the files already stored and is thrown: nothing is left on disk.
   */
  async receiveFiles(form: MultipartForm, letter: FormLetter): Promise<StoredAttachment[]> {
    const identifying = protectsIdentity(letter.classification);
    const stored: StoredAttachment[] = [];
    try {
      for (let file = await form.nextFile(); file !== null; file = await form.nextFile()) {
        stored.push(await this.attachments.store(file.stream, file.fileName, identifying));
      }
      return stored;
    } catch (error) {
      await this.discard(stored);
      throw error;
    }
  }

  /** Removes stored files of a refused submission (those no other row names). */
  async discard(files: readonly StoredAttachment[]): Promise<void> {
    if (files.length > 0) await this.attachments.discard(this.dataSource.manager, files);
  }

  /**
   * Files the letter, with its stored files as attachments in the same transaction; problems the intake
   * finds (a text that may name a denouncer) come back as form problems. Whenever no letter is filed,
   * the files are removed from the store.
   */
  async file(
    letter: FormLetter,
    requestId: string | null,
    files: readonly StoredAttachment[] = [],
  ): Promise<{ filed: FiledLetter } | { problems: FormProblem[] }> {
    const actor: Actor = {
      userId: null,
      unitId: letter.unitId,
      roles: [],
      permissions: new Set(),
      scopeRootUnitIds: [letter.unitId],
      requestId,
      clientIp: null,
    };
    const dto: CreateLetterDto = {
      unitId: letter.unitId,
      receivedOn: letter.receivedOn,
      channel: 'online_form',
      classification: letter.classification,
      complaintTrack: letter.complaintTrack,
      subject: letter.subject,
      content: letter.content,
      petitioners: letter.petitioners,
      eligibility: [],
    };
    let created;
    try {
      created = await this.letters.create(actor, dto, {
        eligibilityUnchecked: true,
        within: async (manager, row) => {
          for (const file of files) await this.attachments.insert(manager, actor, row, file);
        },
      });
    } catch (error) {
      await this.discard(files);
      if (!(error instanceof DomainError) || error.code !== 'LETTER_INVALID') throw error;
      return { problems: (error.details ?? []).map(toFormProblem) };
    }
    if (letter.notifyEmail) await this.emails.subscribe(created.id, letter.notifyEmail);
    const unit = await this.dataSource.getRepository(UnitEntity).findOneByOrFail({ id: letter.unitId });
    return {
      filed: {
        code: created.receiptCode,
        secret: created.receiptSecret,
        receivedOn: created.receivedOn,
        unitName: unit.name,
        kindLabel: KIND_LABEL[letter.classification],
        processingDue: created.processingDue,
        files: files.map((f) => ({ name: f.fileName, size: f.stored.size })),
      },
    };
  }
}

/** An intake problem on the form's terms (never echoing the text). */
function toFormProblem(detail: { field: string; message: string }): FormProblem {
  if (detail.field === 'redactedSubject') {
    return {
      field: 'tieuDe',
      message:
        'Phần tóm tắt có chỗ có thể làm lộ danh tính của bạn (họ tên, số điện thoại, số căn cước). Hãy bỏ các thông tin đó khỏi tóm tắt; ghi chúng ở phần Người gửi đơn.',
    };
  }
  if (detail.field === 'redactedContent') {
    return {
      field: 'noiDung',
      message:
        'Nội dung có chỗ có thể làm lộ danh tính của bạn (một phần số điện thoại, số căn cước, hoặc họ tên viết tách rời). Hãy bỏ các thông tin đó khỏi nội dung; ghi chúng ở phần Người gửi đơn.',
    };
  }
  return { field: 'noiDung', message: 'Đơn chưa hợp lệ, xin kiểm tra lại các thông tin đã ghi.' };
}
