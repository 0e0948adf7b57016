/**
 * Imported first by every entry point (API, worker, CLIs, benches): on a Node older than package.json
 * `engines` the process prints one line saying which Node it found and how to start properly, and exits
 * with code 1 — before any other module, a native one built for Node 24 included, is loaded.
 *
 * TIEPDAN_TEST_NODE_VERSION stands in for the running version when NODE_ENV is `test`, so the test of
 * this check runs on a machine without an old Node (test/e2e/old-node.e2e-spec.ts); it is ignored
 * otherwise.
 */
import { unsupportedNodeMessage } from './supported-node.js';

/* eslint-disable no-restricted-properties -- runs before the configuration exists (src/config) */
const version =
  (process.env.NODE_ENV === 'test' && process.env.TIEPDAN_TEST_NODE_VERSION) || process.versions.node;
/* eslint-enable no-restricted-properties */
const message = unsupportedNodeMessage(version, process.execPath);
if (message !== undefined) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
