/**
 * `promise`, or a rejection once `ms` have passed without it settling (`what did not answer in … ms`).
 * The promise itself is not cancelled: the caller decides what a late answer means (an enqueue left to
 * the sweep, a metric left out).
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
