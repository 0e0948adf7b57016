#!/usr/bin/env node
// The JavaScript a page of the console downloads before it can run, gzipped, from Vite's manifest of the
// last build (npm run web:build first): the entry and everything it imports statically, plus the page's
// lazily loaded chunk (and the shell's, for pages behind sign-in) with their static imports. The target
// (issue 16): at most 250 KB for the sign-in page and the home page.
//   node web/scripts/bundle-size.mjs
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const LIMIT_KB = 250;

function closure(keys, seen = new Set()) {
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    closure(manifest[key].imports ?? [], seen);
  }
  return seen;
}
// The shell loads two entries: the boot script (src/boot.ts) and the app's entry (index.html's).
const entries = Object.keys(manifest).filter((k) => manifest[k].isEntry);
if (!entries.includes('index.html') || !entries.includes('src/boot.ts'))
  throw new Error(`entries: ${entries}`);
const page = (name) => Object.keys(manifest).find((k) => k.endsWith(`/${name}.tsx`));
const routes = {
  'sign-in (/dang-nhap)': [...entries, page('SignInPage')],
  'home (/)': [...entries, page('Shell'), page('HomePage')],
  'log a visit (/tiep-cong-dan/ghi-so)': [...entries, page('Shell'), page('LogVisitPage')],
  'letters (/don)': [...entries, page('Shell'), page('LettersPage')],
  'dashboard (/giam-sat)': [...entries, page('Shell'), page('DashboardPage')],
  'reports (/bao-cao)': [...entries, page('Shell'), page('ReportsPage')],
  'online intake queue (/tiep-nhan-truc-tuyen)': [...entries, page('Shell'), page('IntakeQueuePage')],
  "an online letter's check": [...entries, page('Shell'), page('IntakeCheckPage')],
  'personal data (/du-lieu-ca-nhan)': [...entries, page('Shell'), page('SubjectAccessPage')],
  'an enforcement record (/thi-hanh/:id)': [...entries, page('Shell'), page('EnforcementRecordPage')],
};
let failed = false;
for (const [name, keys] of Object.entries(routes)) {
  const files = [...closure(keys)].map((k) => manifest[k].file);
  const gzipped = files.reduce(
    (sum, f) => sum + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length,
    0,
  );
  const kb = gzipped / 1024;
  const limited = name.startsWith('sign-in') || name.startsWith('home');
  if (limited && kb > LIMIT_KB) failed = true;
  console.log(
    `${name.padEnd(40)} ${kb.toFixed(1).padStart(7)} KB gzipped in ${files.length} files${limited ? ` (limit ${LIMIT_KB} KB)` : ''}`,
  );
}
process.exit(failed ? 1 : 0);
