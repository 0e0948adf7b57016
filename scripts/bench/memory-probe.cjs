// What a process's memory is made of, asked for by the load harness (docs/load.md, "Memory";
// scripts/bench/memory.ts): the harness starts the API and the worker with
// `--require scripts/bench/memory-probe.cjs` and an IPC channel (nothing else starts them so). Plain
// JavaScript, so that it loads without a build and before anything of the application. It answers:
//   { type: 'memory', id }          → { id, memory }: process.memoryUsage() and V8's spaces (MemorySample)
//   { type: 'snapshot', id, file }  → { id, file }: v8.writeHeapSnapshot (V8 collects all garbage first, so
//                                     the snapshot holds what is live; the process stops while it writes)
// and it counts V8's major (mark-compact) collections and the heap used just after each — the live heap,
// without `--expose-gc` or forcing a collection. Its channel is unref'd: it keeps nothing alive.
'use strict';
const { PerformanceObserver, constants } = require('node:perf_hooks');
const { getHeapSpaceStatistics, getHeapStatistics, writeHeapSnapshot } = require('node:v8');

let majorGcs = 0;
let liveAfterLast = null;
let liveMax = null;
let liveMin = null;

function sample() {
  const usage = process.memoryUsage();
  const spaces = {};
  for (const space of getHeapSpaceStatistics()) spaces[space.space_name] = space.physical_space_size;
  return {
    rss: usage.rss,
    heapTotal: usage.heapTotal,
    heapUsed: usage.heapUsed,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    spaces,
    heapLimit: getHeapStatistics().heap_size_limit,
    majorGcs,
    liveAfterLastMajorGc: liveAfterLast,
    liveAfterMajorGcMax: liveMax,
    liveAfterMajorGcMin: liveMin,
  };
}

if (process.send) {
  // The entries arrive a little after each collection: the heap used then is the live heap plus what was
  // allocated meanwhile (a few MB at most at these rates).
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
      majorGcs++;
      liveAfterLast = process.memoryUsage().heapUsed;
      liveMax = Math.max(liveMax ?? 0, liveAfterLast);
      liveMin = Math.min(liveMin ?? Infinity, liveAfterLast);
    }
  }).observe({ entryTypes: ['gc'] });
  process.on('message', (message) => {
    if (message?.type === 'memory') process.send({ id: message.id, memory: sample() });
    else if (message?.type === 'snapshot' && typeof message.file === 'string')
      process.send({ id: message.id, file: writeHeapSnapshot(message.file) });
  });
  process.channel?.unref();
}
