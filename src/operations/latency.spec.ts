import { latencyOf, quantile } from './latency.js';

describe('quantile', () => {
  it('takes the nearest rank', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantile(values, 0.5)).toBe(5);
    expect(quantile(values, 0.9)).toBe(9);
    expect(quantile(values, 0.99)).toBe(10);
    expect(quantile(values, 1)).toBe(10);
    expect(quantile([7], 0.5)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('latencyOf', () => {
  it('measures run time and wait time in seconds, the delay of a scheduled job not counted as waiting', () => {
    const sample = latencyOf([
      { timestamp: 1000, processedOn: 1500, finishedOn: 1700 },
      { timestamp: 1000, delay: 30_000, processedOn: 31_250, finishedOn: 31_300 },
      { timestamp: 1000 }, // never processed: not in the sample
    ]);
    expect(sample.jobs).toBe(2);
    expect(sample.run.get(1)).toBeCloseTo(0.2);
    expect(sample.run.get(0.5)).toBeCloseTo(0.05);
    expect(sample.wait.get(1)).toBeCloseTo(0.5);
    expect(sample.wait.get(0.5)).toBeCloseTo(0.25);
  });
});
