import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/domain/actor.js';
import { DomainError, type DomainErrorDetail } from '../common/domain/domain-error.js';
import { formByCode, leafColumns, type ReportForm } from './domain/forms.js';
import {
  CUTOFFS,
  customWindow,
  PERIOD_KINDS,
  reportWindow,
  type Bilingual,
  type CutoffRule,
  type PeriodKind,
  type ReportWindow,
} from './domain/periods.js';
import { ReportError } from './domain/report-error.js';
import { rollUp, treeOrder } from './domain/rollup.js';
import { formTable, type BodyRow, type FormTable, type HeaderCell } from './domain/table.js';
import {
  CUTOFF_NAMES,
  type CutoffName,
  type ReportFormat,
  type ReportQueryDto,
} from './dto/report-query.dto.js';
import { ReportDataService } from './report-data.service.js';
import { reportToCsv, reportToXlsx } from './report-export.js';

/** The longest custom window, in days (about ten years). */
export const MAX_CUSTOM_WINDOW_DAYS = 3660;

/** Domain fields named as the query names them. */
const QUERY_FIELD: Record<string, string> = { kind: 'period' };

function detailsOf(error: unknown): DomainErrorDetail[] {
  if (error instanceof DomainError && error.kind === 'invalid') {
    return (error.details ?? [{ field: 'query', message: error.message }]).map((d) => ({
      field: QUERY_FIELD[d.field] ?? d.field,
      message: d.message,
    }));
  }
  throw error;
}

/** `"2026"` → 2026; anything else → NaN (the domain then reports the field). */
function intOrNaN(value: string | undefined): number {
  return value !== undefined && /^-?\d{1,6}$/.test(value) ? Number(value) : NaN;
}

export interface ResolvedReportQuery {
  form: ReportForm;
  window: ReportWindow;
  cutoff: CutoffRule | null;
  format: ReportFormat;
}

/**
 * Checks the form and the window of a query, every field at once: one 400 lists them all, under the code
 * of the first problem (`REPORT_FORM_INVALID`, `REPORT_PERIOD_INVALID`, `REPORT_CUTOFF_INVALID`,
 * `REPORT_WINDOW_INVALID`, `DATE_INVALID`).
 */
export function resolveReportQuery(formParam: string, query: ReportQueryDto): ResolvedReportQuery {
  const problems: { code: string; details: DomainErrorDetail[] }[] = [];
  const fail = (code: string, field: string, message: string) =>
    problems.push({ code, details: [{ field, message }] });
  const attempt = <T>(run: () => T): T | undefined => {
    try {
      return run();
    } catch (error) {
      problems.push({ code: (error as DomainError).code, details: detailsOf(error) });
      return undefined;
    }
  };

  const form = /^\d{2}-[A-Z]{2,6}$/.test(formParam) ? formByCode(formParam.replace('-', '/')) : undefined;
  if (!form) fail('REPORT_FORM_INVALID', 'form', 'must be one of 01-TCD, 02-XLD, 03-GQKN, 04-GQTC, 05-KQTH');

  let cutoff: CutoffRule | null = null;
  let window: ReportWindow | undefined;
  const custom = query.from !== undefined || query.to !== undefined;
  if (query.period !== undefined && custom) {
    fail(
      'REPORT_PERIOD_INVALID',
      'period',
      'give either a period (with year and index) or from and to, not both',
    );
  } else if (query.period !== undefined) {
    if (query.cutoff !== undefined && !(CUTOFF_NAMES as readonly string[]).includes(query.cutoff)) {
      fail('REPORT_CUTOFF_INVALID', 'cutoff', `must be one of ${CUTOFF_NAMES.join(', ')}`);
    } else {
      cutoff = CUTOFFS[(query.cutoff as CutoffName | undefined) ?? 'nd09'];
    }
    if (!(PERIOD_KINDS as readonly string[]).includes(query.period)) {
      fail('REPORT_PERIOD_INVALID', 'period', `must be one of ${PERIOD_KINDS.join(', ')}`);
    } else if (cutoff) {
      const kind = query.period as PeriodKind;
      const index = query.index === undefined ? null : intOrNaN(query.index);
      window = attempt(() => reportWindow(kind, intOrNaN(query.year), index, cutoff!));
    }
  } else if (custom) {
    if (query.cutoff !== undefined) {
      fail('REPORT_CUTOFF_INVALID', 'cutoff', 'applies to a period, not to a from–to window');
    }
    if (query.year !== undefined || query.index !== undefined) {
      fail('REPORT_WINDOW_INVALID', query.year !== undefined ? 'year' : 'index', 'applies to a period only');
    }
    const from = query.from;
    const to = query.to;
    if (from === undefined) fail('REPORT_WINDOW_INVALID', 'from', 'is required with to');
    if (to === undefined) fail('REPORT_WINDOW_INVALID', 'to', 'is required with from');
    if (from !== undefined && to !== undefined) {
      window = attempt(() => customWindow(from, to, MAX_CUSTOM_WINDOW_DAYS));
    }
  } else {
    fail('REPORT_PERIOD_INVALID', 'period', 'give a period (with year and index) or from and to');
  }

  if (problems.length > 0 || !form || !window) {
    const details = problems.flatMap((p) => p.details);
    const fields = [...new Set(details.map((d) => d.field))].join(', ');
    throw new ReportError(problems[0].code, `The report query is invalid: ${fields}.`, 'invalid', details);
  }
  return { form, window, cutoff, format: query.format ?? 'json' };
}

export interface ScopedUnit {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
}

export interface ReportRowView {
  unitId: string;
  unitCode: string;
  unitName: string;
  depth: number;
  /** The unit name indented by depth. */
  label: string;
  /** Values in column order (`keys`). */
  cells: number[];
}

/** The JSON form of a report: aggregates only (counts per unit), never personal data. */
export interface ReportView {
  form: { code: string; name: Bilingual; title: Bilingual; legalBasis: string; note: string };
  window: ReportWindow;
  /** What is not verified against an official text: the form layout, the cut-off rule. */
  unconfirmed: { form: boolean; columns: string[]; cutoff: boolean };
  /** The units the report covers: their roots (the requested unit, or the viewer's scope roots). */
  scope: { rootUnitIds: string[] };
  keys: string[];
  header: HeaderCell[][];
  numbers: string[];
  rows: ReportRowView[];
  total: { label: Bilingual; cells: number[] };
}

/** The units a report covers: the roots of the covered subtrees and every unit under them. */
export interface ReportScope {
  rootIds: string[];
  units: ScopedUnit[];
}

export type ReportOutput =
  { format: 'json'; view: ReportView } | { format: 'csv' | 'xlsx'; file: ReportFile };

/** Told after each chunk of units is counted: how many of how many. */
export type ReportProgress = (unitsDone: number, unitsTotal: number) => Promise<void>;

export interface ReportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly data: ReportDataService,
  ) {}

  /** A form for a window over the units in the actor's scope (under `unitId`), as JSON, CSV or XLSX. */
  async report(actor: Actor, formParam: string, query: ReportQueryDto): Promise<ReportOutput> {
    const resolved = resolveReportQuery(formParam, query);
    const scope = await this.unitsUnder(await this.scopeRoots(actor, query.unitId));
    return this.render(resolved, scope);
  }

  /**
   * Builds a resolved report over a scope. With `progress`, the own counters are computed `chunkUnits`
   * units at a time (each unit's own counters depend on its rows only, so the chunks add up to the whole)
   * and `progress` is told after each chunk — the background runs (report-run-builder.service.ts).
   */
  async render(
    resolved: ResolvedReportQuery,
    { rootIds, units }: ReportScope,
    progress?: ReportProgress,
    chunkUnits = Number.POSITIVE_INFINITY,
  ): Promise<ReportOutput> {
    const table = await this.table(resolved, units, progress, chunkUnits);
    if (resolved.format === 'json') {
      return { format: 'json', view: this.view(resolved, table, rootIds) };
    }
    const base = `bao-cao_${resolved.form.code.replace('/', '-')}_${resolved.window.from}_${resolved.window.to}`;
    if (resolved.format === 'csv') {
      return {
        format: 'csv',
        file: { filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: reportToCsv(table) },
      };
    }
    const roots = units.filter((u) => rootIds.includes(u.id)).map((u) => u.name);
    const scopeLabel = roots.length > 0 ? roots.join(', ') : 'Tất cả đơn vị';
    return {
      format: 'xlsx',
      file: {
        filename: `${base}.xlsx`,
        contentType: XLSX_TYPE,
        body: await reportToXlsx(table, resolved.window, scopeLabel),
      },
    };
  }

  private async table(
    { form, window }: ResolvedReportQuery,
    units: ScopedUnit[],
    progress: ReportProgress | undefined,
    chunkUnits: number,
  ): Promise<FormTable> {
    const own = new Map<string, Record<string, number>>();
    const ids = units.map((u) => u.id);
    const step = Math.max(1, chunkUnits);
    for (let done = 0; done < ids.length;) {
      const chunk = ids.slice(done, done + step);
      const counters = await this.data.ownCounters(form.code, { from: window.from, to: window.to }, chunk);
      for (const [id, values] of counters) own.set(id, values);
      done += chunk.length;
      await progress?.(done, ids.length);
    }
    if (ids.length === 0) await progress?.(0, 0);
    const totals = rollUp(units, own);
    const byId = new Map(units.map((u) => [u.id, u]));
    const rows = treeOrder(units).map(({ id, depth }) => {
      const u = byId.get(id)!;
      return { unit: { id, code: u.code, name: u.name, depth }, values: totals.get(id) ?? {} };
    });
    return formTable(form, rows);
  }

  private view(
    { form, window, cutoff }: ResolvedReportQuery,
    table: FormTable,
    rootIds: string[],
  ): ReportView {
    return {
      form: {
        code: form.code,
        name: form.name,
        title: form.title,
        legalBasis: form.legalBasis,
        note: form.note,
      },
      window,
      unconfirmed: {
        form: form.unconfirmed,
        columns: leafColumns(form.columns)
          .filter((c) => c.unconfirmed)
          .map((c) => c.key),
        cutoff: cutoff?.unconfirmed === true,
      },
      scope: { rootUnitIds: rootIds },
      keys: table.keys,
      header: table.header,
      numbers: table.numbers,
      rows: table.body.map((r: BodyRow) => ({
        unitId: r.unit.id,
        unitCode: r.unit.code,
        unitName: r.unit.name,
        depth: r.unit.depth,
        label: r.label,
        cells: r.cells,
      })),
      total: table.total,
    };
  }

  /**
   * The roots of the subtrees a report covers: the requested unit (which must be in the actor's scope:
   * 404 otherwise, existence never leaks), or the actor's scope roots (null: every unit).
   */
  async scopeRoots(actor: Actor, unitId: string | undefined): Promise<string[] | null> {
    if (unitId === undefined) return actor.scopeRootUnitIds === null ? null : [...actor.scopeRootUnitIds];
    if (!(await this.withinScope(actor.scopeRootUnitIds, [unitId]))) {
      throw new ReportError('REPORT_UNIT_NOT_FOUND', 'No such unit in your scope.', 'not_found');
    }
    return [unitId];
  }

  /** Whether every given unit exists and lies in the subtrees of `scope` (null: every unit). */
  async withinScope(scope: readonly string[] | null, unitIds: readonly string[]): Promise<boolean> {
    const wanted = [...new Set(unitIds)];
    if (wanted.length === 0) return true;
    const params: unknown[] = [...wanted];
    let sql = `SELECT u.id FROM units u WHERE u.id IN (${wanted.map(() => '?').join(', ')})`;
    if (scope !== null) {
      sql +=
        scope.length === 0
          ? ' AND 1 = 0'
          : ` AND u.id IN (SELECT c.descendant_id FROM unit_closure c WHERE c.ancestor_id IN (${scope.map(() => '?').join(', ')}))`;
      params.push(...scope);
    }
    const found: unknown[] = await this.dataSource.query(sql, params);
    return found.length === wanted.length;
  }

  /** Every unit under the given roots (null: every unit), and the roots among them. */
  async unitsUnder(roots: readonly string[] | null): Promise<ReportScope> {
    if (roots !== null && roots.length === 0) return { rootIds: [], units: [] };
    const rows: { id: string; code: string; name: string; parent_id: string | null }[] =
      roots === null
        ? await this.dataSource.query(
            'SELECT u.id, u.code, u.name, u.parent_id FROM units u ORDER BY u.name, u.id',
          )
        : await this.dataSource.query(
            `SELECT DISTINCT u.id, u.code, u.name, u.parent_id FROM units u
               JOIN unit_closure c ON c.descendant_id = u.id
              WHERE c.ancestor_id IN (${roots.map(() => '?').join(', ')})
              ORDER BY u.name, u.id`,
            [...roots],
          );
    const units = rows.map((r) => ({ id: r.id, code: r.code, name: r.name, parentId: r.parent_id }));
    const ids = new Set(units.map((u) => u.id));
    const rootIds = units.filter((u) => u.parentId === null || !ids.has(u.parentId)).map((u) => u.id);
    return { rootIds, units };
  }
}
