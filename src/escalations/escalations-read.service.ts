import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/domain/actor.js';
import { addDays } from '../common/domain/local-date.js';
import { DomainError } from '../common/domain/domain-error.js';
import type { Page } from '../common/http/page.dto.js';
import { scopeSql, unitInScope } from '../units/unit-scope.js';
import type { EscalationView, ListEscalationsQueryDto } from './dto/escalation.dto.js';

/** The start of a local day in Asia/Ho_Chi_Minh (UTC+7, no daylight saving) as a UTC instant. */
const startOfLocalDay = (day: string) => new Date(`${day}T00:00:00+07:00`);

interface Row {
  id: string;
  level: number;
  status: string;
  created_at: Date;
  due_date: string;
  unit_id: string;
  unit_name: string;
  deadline_id: string;
  purpose: string;
  rule_id: string;
  subject_type: string;
  subject_id: string;
  case_number: string | null;
}

/**
 * What the escalation ladder did (docs/escalations.md): each level fired (or skipped), when, for which
 * deadline of which case, and the officers it notified. Rows of the viewer's units only; officers' names
 * and case numbers, never a citizen's or a denouncer's data.
 */
@Injectable()
export class EscalationsReadService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, query: ListEscalationsQueryDto): Promise<Page<EscalationView>> {
    const manager = this.dataSource.manager;
    if (query.unitId) {
      await unitInScope(
        manager,
        actor,
        query.unitId,
        () =>
          new DomainError('ESCALATION_QUERY_INVALID', 'The request is invalid: unitId.', 'invalid', [
            { field: 'unitId', message: 'is not a unit you may see' },
          ]),
      );
    }
    const scope = scopeSql('e.unit_id', actor);
    const where = [scope.sql];
    const params: unknown[] = [...scope.params];
    const filter = (sql: string, value: unknown) => {
      where.push(sql);
      params.push(value);
    };
    if (query.unitId) filter('e.unit_id = ?', query.unitId);
    if (query.subjectId) filter('d.subject_id = ?', query.subjectId);
    if (query.status) filter('e.status = ?', query.status);
    if (query.from) filter('e.created_at >= ?', startOfLocalDay(query.from));
    if (query.to) filter('e.created_at < ?', startOfLocalDay(addDays(query.to, 1)));
    const from = `FROM escalations e JOIN case_deadlines d ON d.id = e.deadline_id WHERE ${where.join(' AND ')}`;
    const [{ total }] = (await manager.query(`SELECT COUNT(*) AS total ${from}`, params)) as {
      total: string | number;
    }[];
    const rows = (await manager.query(
      `SELECT e.id, e.level, e.status, e.created_at, DATE_FORMAT(e.due_date, '%Y-%m-%d') AS due_date,
              e.unit_id, u.name AS unit_name, e.deadline_id, d.purpose, d.rule_id, d.subject_type, d.subject_id,
              COALESCE(kc.case_number, tc.case_number) AS case_number
       FROM escalations e
       JOIN case_deadlines d ON d.id = e.deadline_id
       JOIN units u ON u.id = e.unit_id
       LEFT JOIN complaint_cases kc ON d.subject_type = 'complaint_case' AND kc.id = d.subject_id
       LEFT JOIN denunciation_cases tc ON d.subject_type = 'denunciation_case' AND tc.id = d.subject_id
       WHERE ${where.join(' AND ')}
       ORDER BY e.created_at DESC, e.id DESC LIMIT ? OFFSET ?`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    )) as Row[];
    const recipients = new Map<string, { userId: string; fullName: string }[]>();
    if (rows.length > 0) {
      const keys = rows.map((r) => `escalation-${r.id}`);
      const sent = (await manager.query(
        `SELECT n.source_key, n.user_id, us.full_name
         FROM notifications n JOIN users us ON us.id = n.user_id
         WHERE n.source_key IN (${keys.map(() => '?').join(', ')})
         ORDER BY us.full_name`,
        keys,
      )) as { source_key: string; user_id: string; full_name: string }[];
      for (const s of sent) {
        const id = s.source_key.slice('escalation-'.length);
        const list = recipients.get(id) ?? [];
        list.push({ userId: s.user_id, fullName: s.full_name });
        recipients.set(id, list);
      }
    }
    return {
      items: rows.map((r) => ({
        id: r.id,
        level: Number(r.level),
        status: r.status,
        firedAt: new Date(r.created_at).toISOString(),
        dueDate: r.due_date,
        unitId: r.unit_id,
        unitName: r.unit_name,
        deadlineId: r.deadline_id,
        purpose: r.purpose,
        ruleId: r.rule_id,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        caseNumber: r.case_number,
        recipients: recipients.get(r.id) ?? [],
      })),
      page: query.page,
      pageSize: query.pageSize,
      total: Number(total),
    };
  }
}
