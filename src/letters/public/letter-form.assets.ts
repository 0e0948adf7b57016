import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { FORM_CHALLENGE_PATH, FORM_ASSETS_PATH } from './letter-form-page.html.js';

/**
 * The form's scripts, served by us from our own origin (no CDN, no third party; the CSP's
 * `script-src 'self'` and `worker-src` default cover them): the ALTCHA widget (npm `altcha`, MIT, the
 * "external" build that loads its solver as a worker file instead of a data: URL), its Vietnamese
 * strings, the SHA-256 solver worker, and form.js — ours — which adds the widget to the form. Without
 * JavaScript none of them runs and the form falls back to its signed ticket (ADR 0016).
 */
export interface FormAsset {
  body: Buffer;
  type: string;
  etag: string;
}

/**
 * Progressive enhancement, run as a module after the widget: registers the SHA-256 worker, puts the
 * widget in the form (solving in the background as the page loads), hides the no-JavaScript note, and
 * shows the complaint's questions only for a complaint and the writer's fields only when named.
 */
const FORM_JS = `const altcha = globalThis.$altcha;
if (altcha) {
  altcha.algorithms.set('SHA-256', () => new Worker('${FORM_ASSETS_PATH}/altcha-sha.js'));
  const box = document.getElementById('xac-minh');
  if (box) {
    const widget = document.createElement('altcha-widget');
    widget.setAttribute('challenge', '${FORM_CHALLENGE_PATH}');
    widget.setAttribute('name', 'altcha');
    widget.setAttribute('language', 'vi');
    widget.setAttribute('auto', 'onload');
    const note = box.querySelector('.khong-js');
    if (note) note.hidden = true;
    box.appendChild(widget);
  }
}
const form = document.getElementById('mau-don');
if (form) {
  const complaint = form.querySelector('fieldset.khieu-nai');
  const show = () => {
    const kind = form.querySelector('input[name="loai"]:checked');
    if (complaint) complaint.hidden = Boolean(kind) && kind.value !== 'khieu-nai';
  };
  form.addEventListener('change', show);
  show();
}
`;

function asset(body: Buffer, type: string): FormAsset {
  return { body, type, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
}

let cached: Map<string, FormAsset> | undefined;

/** Read once, on first use; keyed by the file name under {@link FORM_ASSETS_PATH}. */
export function formAssets(): Map<string, FormAsset> {
  if (cached) return cached;
  const require = createRequire(__filename);
  // The package exports no package.json: its root is two folders above the stylesheet it exports.
  const root = join(dirname(require.resolve('altcha/altcha.css')), '..', '..');
  const js = 'text/javascript; charset=utf-8';
  cached = new Map([
    ['altcha.js', asset(readFileSync(join(root, 'dist/external/altcha.min.js')), js)],
    ['altcha-vi.js', asset(readFileSync(join(root, 'dist/i18n/vi.js')), js)],
    ['altcha-sha.js', asset(readFileSync(join(root, 'dist/workers/sha.js')), js)],
    ['altcha.css', asset(readFileSync(join(root, 'dist/external/altcha.css')), 'text/css; charset=utf-8')],
    ['form.js', asset(Buffer.from(FORM_JS, 'utf8'), js)],
  ]);
  return cached;
}
