/**
 * The V8 flags the API and the worker run with. Every launcher passes them on the command line before
 * the script — scripts/start.sh, docker/Dockerfile, docker/compose.yml and `npm run bench:load` (a unit
 * test keeps them in step): V8 sizes its heap when the process starts, so the application cannot set
 * them itself.
 *
 * `--max-semi-space-size=16`: under an allocation-heavy load Node 24's V8 grows the young generation to
 * two 64 MB semi-spaces and keeps them committed — 128 MB of the API's resident memory whatever its live
 * data (about 70 MB). With 16 MB semi-spaces (the size Node 20 used) the API sits about 95 MB lower under
 * the same load at the same throughput (docs/load.md).
 *
 * `--max-old-space-size=1024`: after each major collection V8 lets the old space grow to the live heap
 * times a factor before the next one, and the factor's ceiling follows the heap's limit — 4 with Node's
 * default limit on a 64-bit machine with 16 GB or more (about 4 GB), 1.3 + 0.7 × (limit − 256 MB) /
 * 1,792 MB below 2 GB: 1.6 at 1 GB. The API's live heap is 80–115 MB (mostly the modules' code and source
 * text: heap snapshots, docs/load.md "Memory"), so with the default V8 let it reach ~300 MB before
 * collecting, and the pages it had reached stay resident — the 440–475 MB plateau of the mix at 2×; with
 * 1 GB it collects at 1.2–1.6 times the live heap and the API stays at 250–300 MB (100–170 req/s), at the
 * same CPU per request (A/B in docs/load.md). 1 GB still leaves room for the largest thing the API builds in memory, a reception
 * book of 20,000 rows as XLSX (~210 MB of heap while it is written), four at once on top of the live heap.
 */
export const NODE_FLAGS = ['--max-semi-space-size=16', '--max-old-space-size=1024'] as const;
