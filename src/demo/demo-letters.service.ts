import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/domain/actor.js';
import { permissionsOf, type Role } from '../auth/domain/roles.js';
import { ComplaintCasesService } from '../complaints/complaint-cases.service.js';
import { Clock } from '../common/clock.js';
import { addDays } from '../common/domain/local-date.js';
import { DenunciationCasesService } from '../denunciations/denunciation-cases.service.js';
import { LetterDecisionsService } from '../letters/letter-decisions.service.js';
import { LettersService } from '../letters/letters.service.js';

const ELIGIBLE = [
  'language',
  'dated',
  'identified_and_signed',
  'content_complete',
  'lawful_content',
  'legible',
].map((check) => ({ check: check as 'language', passed: true }));

/**
 * A few letters and cases for the demo, dated relative to today so the work lists show something due,
 * something overdue and something decided. Loaded once: nothing happens when the department already has
 * letters. Returns the receipt code and secret of the complaint, to try the status page.
 */
@Injectable()
export class DemoLetters {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly letters: LettersService,
    private readonly decisions: LetterDecisionsService,
    private readonly complaints: ComplaintCasesService,
    private readonly denunciations: DenunciationCasesService,
    private readonly clock: Clock,
  ) {}

  private async actor(email: string): Promise<Actor> {
    const [user] = await this.dataSource.query(
      `SELECT u.id, u.unit_id AS unitId, GROUP_CONCAT(r.role) AS roles
       FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.email = ? GROUP BY u.id`,
      [email],
    );
    const roles = String(user.roles).split(',') as Role[];
    return {
      userId: user.id,
      unitId: user.unitId,
      roles,
      permissions: permissionsOf(roles),
      scopeRootUnitIds: [user.unitId],
      requestId: null,
      clientIp: null,
    };
  }

  async seed(departmentId: string): Promise<{ code: string; secret: string } | null> {
    const [{ n }] = await this.dataSource.query('SELECT COUNT(*) AS n FROM letters WHERE unit_id = ?', [
      departmentId,
    ]);
    if (Number(n) > 0) return null;
    const officer = await this.actor('tiepdan@tiepdan.demo');
    const head = await this.actor('giamdoc@tiepdan.demo');
    const today = this.clock.today();
    const day = (offset: number) => addDays(today, offset);

    const complaint = await this.letters.create(officer, {
      unitId: departmentId,
      receivedOn: day(-20),
      channel: 'post',
      classification: 'complaint',
      complaintTrack: 'first_time',
      subject: 'Khiếu nại quyết định không công nhận kết quả thi nghề phổ thông',
      content:
        'Tôi khiếu nại Quyết định số 45/QĐ-SGDĐT không công nhận kết quả thi nghề phổ thông của con tôi, vì bài thi đã được chấm đúng quy định.',
      petitioners: [
        {
          fullName: 'Trần Văn Nam',
          address: 'Khu phố 3, phường Tân Phú, tỉnh Đồng Nai',
          idNumber: '070088001234',
        },
      ],
      eligibility: ELIGIBLE,
    });
    const accepted = await this.decisions.decide(officer, complaint.id, {
      decision: 'accept',
      decidedOn: day(-18),
      legalBasis: 'Điều 27 Luật Khiếu nại 02/2011/QH13; Điều 16 Nghị định 124/2020/NĐ-CP',
      version: complaint.version,
    });
    const c = await this.complaints.get(head, accepted.caseId!);
    await this.complaints.transition(head, c.id, {
      event: 'accept',
      date: day(-15),
      documentRef: '112/TB-SGDĐT',
      legalBasis: 'Điều 27 Luật Khiếu nại 02/2011/QH13',
      version: c.version,
    });

    await this.letters.create(officer, {
      unitId: departmentId,
      receivedOn: day(-3),
      channel: 'online_form',
      classification: 'petition',
      subject: 'Phản ánh việc thu các khoản ngoài quy định đầu năm học',
      content: 'Phụ huynh phản ánh Trường THPT Đồng Xoài thu quỹ lớp và tiền học thêm ngoài quy định.',
      petitioners: [
        { fullName: 'Lê Thị Thu', address: 'Phường Tân Bình, tỉnh Đồng Nai', phone: '0912345678' },
      ],
      eligibility: ELIGIBLE,
    });
    await this.letters.create(officer, {
      unitId: departmentId,
      receivedOn: day(-30),
      channel: 'fatherland_front',
      forwardedBy: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
      forwardedRef: '88/MTTQ-BTT',
      classification: 'complaint',
      complaintTrack: 'first_time',
      subject: 'Khiếu nại việc không xét nâng lương trước thời hạn',
      content: 'Tôi khiếu nại việc Trường không xét nâng lương trước thời hạn cho tôi dù đủ điều kiện.',
      petitioners: [
        { fullName: 'Ngô Thị Lan', address: 'Xã Tân Tiến, tỉnh Đồng Nai', idNumber: '070090005678' },
      ],
      eligibility: ELIGIBLE,
    });
    const denunciation = await this.letters.create(officer, {
      unitId: departmentId,
      receivedOn: day(-10),
      channel: 'post',
      classification: 'denunciation',
      subject: 'Tố cáo Hiệu trưởng nhận tiền khi tuyển dụng giáo viên hợp đồng',
      content:
        'Tôi là Phạm Văn Hậu, giáo viên, tố cáo ông Hiệu trưởng Trường X nhận tiền của người được tuyển dụng làm giáo viên hợp đồng.',
      petitioners: [
        { fullName: 'Phạm Văn Hậu', address: 'Xã Đắk Ơ, tỉnh Đồng Nai', idNumber: '070085009876' },
      ],
      eligibility: ELIGIBLE,
    });
    const decided = await this.decisions.decide(officer, denunciation.id, {
      decision: 'accept',
      decidedOn: day(-8),
      legalBasis: 'Điều 24 Luật Tố cáo 25/2018/QH14',
      version: denunciation.version,
    });
    const d = await this.denunciations.get(head, decided.caseId!);
    await this.denunciations.transition(head, d.id, {
      event: 'accept',
      date: day(-7),
      documentRef: '15/QĐ-SGDĐT',
      legalBasis: 'Điều 29 Luật Tố cáo 25/2018/QH14',
      version: d.version,
    });
    return { code: complaint.receiptCode, secret: complaint.receiptSecret };
  }
}
