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
 */
export const NODE_FLAGS = ['--max-semi-space-size=16'] as const;
