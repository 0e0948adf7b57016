import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { actorWithPermission, type Actor } from '../auth/domain/actor.js';
import { Clock } from '../common/clock.js';
import { searchFold } from '../common/domain/vietnamese-text.js';
import { CaseErrors } from '../cases/cases.errors.js';
import { scopeSql, unitInScope } from '../units/unit-scope.js';
import { CLOSED_STATES, likeWord, weekOf, WORK_ITEM_KINDS, type WorkItemKind } from './domain/work-list.js';
import type { ListWorkItemsQueryDto, WorkItemsPage, WorkItemView } from './dto/work-items.dto.js';

interface Sql {
  sql: string;
  params: unknown[];
}

interface Row {
  kind: WorkItemKind;
  id: string;
  ref: string;
  title: string;
  state: string;
  track: string | null;
  unit_id: string;
  unit_name: string;
  handler_user_id: string | null;
  next_due: string | null;
  since: string;
  parent_id: string | null;
  mine: number | string;
}

/** A column's value as the same collation in every branch, so the UNION never mixes collations. */
const text = (expr: string) => `CONVERT(${expr} USING utf8mb4) COLLATE utf8mb4_unicode_ci`;

/**
 * A denunciation's initial processing (TC-1, LTC arts. 24(1), 29) runs on its letter until the case is
 * accepted or refused: until then it is the case's nearest deadline too.
 */
const LETTER_PROCESSING_JOIN = `LEFT JOIN case_deadlines lp
  ON lp.subject_type = 'letter' AND lp.subject_id = c.letter_id AND lp.purpose = 'processing' AND lp.status = 'open'`;
const withProcessing = (nearest: string) =>
  `LEAST(COALESCE(${nearest}, lp.due_date), COALESCE(lp.due_date, ${nearest}))`;

/** One kind's SELECT: narrow (kind, id, due, since) for counting and sorting, full for the page's rows. */
interface Branch {
  kind: WorkItemKind;
  idCol: string;
  lean: Sql;
  full: Sql;
}

interface Filters {
  mine: boolean;
  unitId?: string;
  state?: string;
  track?: string;
  /** LIKE patterns of the folded search words. */
  words: string[];
}

/**
 * The officers' work lists (docs/console-cases.md): letters awaiting their processing decision, open
 * complaint and denunciation cases, unfinished enforcement obligations, in one list sorted by the nearest
 * statutory due date. Each kind is read within the units over which the actor holds its read permission
 * (a case's assignee also sees it outside them, as GET /complaint-cases does). One UNION reads the
 * narrow rows of every kind (filters but kind and due applied inside each branch); counts, due filters,
 * sorting and the page cut are made on them; then the shown columns of the page's rows only.
 */
@Injectable()
export class WorkItemsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: ListWorkItemsQueryDto): Promise<WorkItemsPage> {
    if (query.unitId) {
      await unitInScope(this.dataSource.manager, actor, query.unitId, () =>
        CaseErrors.invalid([{ field: 'unitId', message: 'is not a unit you may see' }]),
      );
    }
    const today = this.clock.today();
    const week = weekOf(today);
    const union = this.branches(actor, {
      mine: query.scope === 'mine',
      unitId: query.unitId,
      state: query.state,
      track: query.track,
      words: searchFold(query.q ?? '')
        .split(' ')
        .filter(Boolean)
        .slice(0, 8)
        .map(likeWord),
    });
    if (union.length === 0) {
      return emptyPage(query, today);
    }
    const lean = (branches: Branch[]): Sql => ({
      sql: `(${branches.map((b) => b.lean.sql).join('\nUNION ALL\n')}) w`,
      params: branches.flatMap((b) => b.lean.params),
    });
    // Every filter but kind and due is applied inside each branch (so indexes serve them and the rows
    // the UNION carries are few and narrow); the counts are made over these rows.
    // One read of the narrow rows (kind, id, due date, day received) of every kind: counting, the due
    // filters, sorting and cutting the page are done on them here, so the UNION runs once.
    const all = lean(union);
    const narrow: Array<{ kind: WorkItemKind; id: string; next_due: string | null; since: string }> =
      await this.dataSource.query(`SELECT w.kind, w.id, w.next_due, w.since FROM ${all.sql}`, all.params);
    const byKind = Object.fromEntries(WORK_ITEM_KINDS.map((k) => [k, 0])) as Record<WorkItemKind, number>;
    const isOverdue = (d: string | null) => d !== null && d < today;
    const isThisWeek = (d: string | null) => d !== null && d >= week.from && d <= week.to;
    let dueThisWeek = 0;
    let overdue = 0;
    const matching: typeof narrow = [];
    for (const r of narrow) {
      byKind[r.kind] += 1;
      if (query.kind && r.kind !== query.kind) continue;
      if (isThisWeek(r.next_due)) dueThisWeek += 1;
      if (isOverdue(r.next_due)) overdue += 1;
      if (query.due === 'overdue' && !isOverdue(r.next_due)) continue;
      if (query.due === 'this_week' && !isThisWeek(r.next_due)) continue;
      matching.push(r);
    }
    const total = matching.length;
    const sign = query.order === 'desc' ? -1 : 1;
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    // Nearest due first (items without a due date last), then the day received, then the id.
    matching.sort(
      (a, b) =>
        (a.next_due === null ? 1 : 0) - (b.next_due === null ? 1 : 0) ||
        sign * cmp(a.next_due ?? '', b.next_due ?? '') ||
        sign * cmp(a.since, b.since) ||
        sign * cmp(a.id, b.id),
    );
    const keys = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
    const chosen = union.filter((b) => !query.kind || b.kind === query.kind);
    const found = new Map<string, Row>();
    for (const b of chosen) {
      const ids = keys.filter((k) => k.kind === b.kind).map((k) => k.id);
      if (ids.length === 0) continue;
      const detail: Row[] = await this.dataSource.query(
        `${b.full.sql} AND ${b.idCol} IN (${ids.map(() => '?').join(', ')})`,
        [...b.full.params, ...ids],
      );
      for (const r of detail) found.set(`${r.kind}:${r.id}`, r);
    }
    const unitIds = [...new Set([...found.values()].map((r) => r.unit_id))];
    const names = new Map<string, string>(
      unitIds.length
        ? (
            (await this.dataSource.query(
              `SELECT id, name FROM units WHERE id IN (${unitIds.map(() => '?').join(', ')})`,
              unitIds,
            )) as Array<{ id: string; name: string }>
          ).map((u) => [u.id, u.name])
        : [],
    );
    const rows = keys.flatMap((k) => {
      const r = found.get(`${k.kind}:${k.id}`);
      return r ? [{ ...r, unit_name: names.get(r.unit_id) ?? '' }] : [];
    });
    return {
      items: rows.map(toView),
      page: query.page,
      pageSize: query.pageSize,
      total,
      counts: { all: narrow.length, byKind, dueThisWeek, overdue },
      today,
    };
  }

  /**
   * One SELECT per kind the actor may read, each limited to its units and filtered; same columns in
   * each. A branch's filter clauses come last in its WHERE, so their parameters follow the branch's.
   */
  private branches(actor: Actor, f: Filters): Branch[] {
    const out: Branch[] = [];
    const filtered = (
      branch: Sql,
      cols: { unit: string; state: string; track: string; search: string; mine: Sql | null },
    ): Sql => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (f.mine) {
        if (!cols.mine) where.push('1 = 0');
        else {
          where.push(`(${cols.mine.sql})`);
          params.push(...cols.mine.params);
        }
      }
      for (const [value, col] of [
        [f.unitId, cols.unit],
        [f.state, cols.state],
        [f.track, cols.track],
      ] as const) {
        if (value) {
          where.push(`${col} = ?`);
          params.push(value);
        }
      }
      for (const w of f.words) {
        where.push(`${cols.search} LIKE ?`);
        params.push(w);
      }
      return where.length
        ? { sql: `${branch.sql} AND ${where.join(' AND ')}`, params: [...branch.params, ...params] }
        : branch;
    };
    const branch = (
      kind: WorkItemKind,
      idCol: string,
      select: Sql,
      lean: string,
      rest: Sql,
      cols: Parameters<typeof filtered>[1],
    ): Branch => {
      const where = filtered(rest, cols);
      return {
        kind,
        idCol,
        lean: { sql: `SELECT ${lean} ${where.sql}`, params: where.params },
        full: { sql: `SELECT ${select.sql} ${where.sql}`, params: [...select.params, ...where.params] },
      };
    };
    const me = actor.userId ?? '';
    if (actor.permissions.has('letters:read')) {
      const scope = scopeSql('l.unit_id', actorWithPermission(actor, 'letters:read'));
      // "Mine": the letters whose processing decision is the actor's (a head's, over the letter's unit).
      const decides = actor.permissions.has('cases:manage') && actor.permissions.has('letters:write');
      const mine = decides ? scopeSql('l.unit_id', actorWithPermission(actor, 'cases:manage')) : null;
      out.push(
        branch(
          'letter',
          'l.id',
          {
            sql: `'letter' AS kind, l.id, ${text('l.receipt_code')} AS ref, ${text('l.subject')} AS title,
                ${text('l.status')} AS state, ${text('l.classification')} AS track, l.unit_id,
                CAST(NULL AS CHAR(36)) AS handler_user_id, l.processing_due AS next_due,
                l.received_on AS since, CAST(NULL AS CHAR(36)) AS parent_id,
                ${mine ? `(${mine.sql})` : '0'} AS mine`,
            params: mine?.params ?? [],
          },
          `'letter' AS kind, l.id, l.processing_due AS next_due, l.received_on AS since`,
          { sql: `FROM letters l WHERE l.status = 'registered' AND ${scope.sql}`, params: scope.params },
          { unit: 'l.unit_id', state: 'l.status', track: 'l.classification', search: 'l.search_text', mine },
        ),
      );
    }
    if (actor.permissions.has('cases:read')) {
      const reader = actorWithPermission(actor, 'cases:read');
      for (const [kind, table, subject] of [
        ['complaint', 'complaint_cases', 'complaint_case'],
        ['denunciation', 'denunciation_cases', 'denunciation_case'],
      ] as const) {
        const scope = scopeSql('s.unit_id', reader);
        const closed = CLOSED_STATES[kind];
        const marks = closed.map(() => '?').join(', ');
        const nearest = `(SELECT MIN(d.due_date) FROM case_deadlines d
          WHERE d.subject_type = '${subject}' AND d.subject_id = c.id AND d.status = 'open')`;
        const next = kind === 'denunciation' ? withProcessing(nearest) : nearest;
        out.push(
          branch(
            kind,
            'c.id',
            {
              sql: `'${kind}' AS kind, c.id, ${text('c.case_number')} AS ref, ${text('c.subject')} AS title,
                  ${text('c.state')} AS state, ${text('c.track')} AS track, c.unit_id, c.handler_user_id,
                  ${next} AS next_due, c.received_on AS since, CAST(NULL AS CHAR(36)) AS parent_id,
                  (c.handler_user_id <=> ?) AS mine`,
              params: [me],
            },
            `'${kind}' AS kind, c.id, ${next} AS next_due, c.received_on AS since`,
            {
              // The open cases in scope and the actor's own, each found through its index (unit, state)
              // and (handler, state), then joined back by primary key: `scope OR handler = ?` in one
              // WHERE reads every row of the table (a full scan of ten million cases, docs/national-scale.md).
              sql: `FROM (
                  SELECT s.id FROM ${table} s
                  WHERE s.state NOT IN (${marks}) AND ${scope.sql}
                  UNION
                  SELECT h.id FROM ${table} h WHERE h.handler_user_id = ? AND h.state NOT IN (${marks})
                ) open_cases
                JOIN ${table} c ON c.id = open_cases.id
                ${kind === 'denunciation' ? LETTER_PROCESSING_JOIN : ''}
                WHERE 1 = 1`,
              params: [...closed, ...scope.params, me, ...closed],
            },
            {
              unit: 'c.unit_id',
              state: 'c.state',
              track: 'c.track',
              search: 'c.search_text',
              mine: { sql: 'c.handler_user_id = ?', params: [me] },
            },
          ),
        );
      }
    }
    if (actor.permissions.has('enforcement:read')) {
      const scope = scopeSql('o.owning_unit_id', actorWithPermission(actor, 'enforcement:read'));
      const recordScope = scopeSql('r.unit_id', actorWithPermission(actor, 'enforcement:read'));
      // "Mine": the obligations my unit carries out, when I may report on them.
      const owns = actor.permissions.has('enforcement:write') && actor.unitId !== null;
      out.push(
        branch(
          'obligation',
          'o.id',
          {
            sql: `'obligation' AS kind, o.id,
                ${text("COALESCE(cc.case_number, dc.case_number, '')")} AS ref, ${text('o.description')} AS title,
                ${text('o.status')} AS state, ${text('o.kind')} AS track, o.owning_unit_id AS unit_id,
                CAST(NULL AS CHAR(36)) AS handler_user_id, o.due_date AS next_due, r.opened_on AS since,
                r.id AS parent_id, ${owns ? '(o.owning_unit_id = ?)' : '0'} AS mine`,
            params: owns ? [actor.unitId] : [],
          },
          `'obligation' AS kind, o.id, o.due_date AS next_due, r.opened_on AS since`,
          {
            sql: `FROM enforcement_obligations o
              JOIN enforcement_records r ON r.id = o.record_id
              LEFT JOIN complaint_cases cc ON r.subject_type = 'complaint_case' AND cc.id = r.subject_id
              LEFT JOIN denunciation_cases dc ON r.subject_type = 'denunciation_case' AND dc.id = r.subject_id
              WHERE o.status <> 'done' AND (${scope.sql} OR ${recordScope.sql})`,
            params: [...scope.params, ...recordScope.params],
          },
          {
            unit: 'o.owning_unit_id',
            state: 'o.status',
            track: 'o.kind',
            search: "COALESCE(cc.search_text, dc.search_text, '')",
            mine: owns ? { sql: 'o.owning_unit_id = ?', params: [actor.unitId] } : null,
          },
        ),
      );
    }
    return out;
  }
}

function toView(r: Row): WorkItemView {
  return {
    kind: r.kind,
    id: r.id,
    ref: r.ref,
    title: r.title,
    state: r.state,
    track: r.track,
    unitId: r.unit_id,
    unitName: r.unit_name,
    handlerUserId: r.handler_user_id,
    nextDue: r.next_due,
    since: r.since,
    parentId: r.parent_id,
    mine: Number(r.mine) === 1,
  };
}

function emptyPage(query: ListWorkItemsQueryDto, today: string): WorkItemsPage {
  return {
    items: [],
    page: query.page,
    pageSize: query.pageSize,
    total: 0,
    counts: {
      all: 0,
      byKind: { letter: 0, complaint: 0, denunciation: 0, obligation: 0 },
      dueThisWeek: 0,
      overdue: 0,
    },
    today,
  };
}
