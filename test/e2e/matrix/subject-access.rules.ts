import { randomInt } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../../src/auth/domain/actor.js';
import { Clock } from '../../../src/common/clock.js';
import { addDays } from '../../../src/common/domain/local-date.js';
import { LettersService } from '../../../src/letters/letters.service.js';
import type { Rule, Scope, World } from './accounts.rules.js';
import { ALL_PASSED } from '../../support/eligibility.js';

/** One person's letters in divisionB, outside every scoped role's units: never in an answer. */
const OUTSIDE_ID = `0${String(randomInt(10 ** 10, 10 ** 11))}`;
const outside: string[] = [];

async function letterOf(w: World, s: Scope, idNumber: string) {
  const letter = await w.app.get(LettersService).create(SYSTEM_ACTOR, {
    unitId: s === 'in' ? w.divisionA.id : w.divisionB.id,
    receivedOn: addDays(w.app.get(Clock).today(), -3),
    channel: 'post',
    classification: 'complaint',
    complaintTrack: 'first_time',
    subject: 'Khiếu nại quyết định thu hồi đất',
    content: 'Tôi khiếu nại Quyết định số 12/QĐ-UBND về việc thu hồi đất nông nghiệp.',
    petitioners: [{ fullName: 'Trần Thị Mai', address: 'Tổ 5, phường Tân Phong', idNumber }],
    eligibility: ALL_PASSED,
  });
  const [row] = await w.app
    .get<DataSource>(getDataSourceToken())
    .query('SELECT id FROM letter_petitioners WHERE letter_id = ?', [letter.id]);
  return { letterId: letter.id, version: letter.version, rowId: String(row.id) };
}

async function searchBody(w: World) {
  if (outside.length === 0) outside.push((await letterOf(w, 'out', OUTSIDE_ID)).letterId);
  return { requestRef: 'YC-2026/1', idNumber: OUTSIDE_ID };
}

/**
 * A data subject's request (docs/personal-data.md): personal_data:subject_access; the search and the
 * export are not scoped by a path id but never show what lies outside the caller's units; a correction
 * names a record, which outside them is not found.
 */
export const SUBJECT_ACCESS_RULES: Record<string, Rule> = {
  'POST /api/v1/subject-access/searches': {
    access: 'personal_data:subject_access',
    scoped: false,
    success: 200,
    make: async (w) => ({ path: '/api/v1/subject-access/searches', body: await searchBody(w) }),
    mustNotShow: () => [...outside],
  },
  'POST /api/v1/subject-access/exports': {
    access: 'personal_data:subject_access',
    scoped: false,
    success: 200,
    make: async (w) => ({
      path: '/api/v1/subject-access/exports',
      body: { ...(await searchBody(w)), format: 'json' },
    }),
    mustNotShow: () => [...outside],
  },
  'POST /api/v1/subject-access/corrections': {
    access: 'personal_data:subject_access',
    scoped: true,
    success: 200,
    make: async (w, s) => {
      const idNumber = `0${String(randomInt(10 ** 10, 10 ** 11))}`;
      const l = await letterOf(w, s, idNumber);
      return {
        path: '/api/v1/subject-access/corrections',
        body: {
          requestRef: 'YC-2026/2',
          idNumber,
          kind: 'letter_petitioner',
          rowId: l.rowId,
          version: l.version,
          reason: 'Công dân đề nghị sửa số điện thoại',
          values: { phone: '0912000222' },
        },
      };
    },
  },
};
