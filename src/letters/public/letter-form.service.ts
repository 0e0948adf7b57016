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
import { readLetterForm, type FormLetter, type FormProblem, type FormValues } from './letter-form.js';
import type { FormUnit } from './letter-form-page.html.js';

export type FiledLetter = {
  code: string;
  secret: string;
  receivedOn: string;
  unitName: string;
  kindLabel: string;
  processingDue: string;
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

  /** Files the letter; problems the intake finds (a text that may name a denouncer) come back as form problems. */
  async file(
    letter: FormLetter,
    requestId: string | null,
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
    try {
      const created = await this.letters.create(actor, dto, { eligibilityUnchecked: true });
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
        },
      };
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'LETTER_INVALID') throw error;
      return { problems: (error.details ?? []).map(toFormProblem) };
    }
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
