import type { ExecutionContext } from '@nestjs/common';

/**
 * What a route's decorators say, read once per route: their metadata is fixed once the application is
 * built, while the reflector's look-ups (handler then class) would otherwise run on every request of a hot
 * path (the public calendar, ADR 0026). `compute` gets the route's handler and class on its first request.
 */
export type RouteHandler = ReturnType<ExecutionContext['getHandler']>;
export type RouteClass = ReturnType<ExecutionContext['getClass']>;

export function perRoute<T>(
  compute: (handler: RouteHandler, classRef: RouteClass) => T,
): (context: ExecutionContext) => T {
  const byClass = new WeakMap<RouteClass, WeakMap<RouteHandler, T>>();
  return (context) => {
    const handler = context.getHandler();
    const classRef = context.getClass();
    let byHandler = byClass.get(classRef);
    if (!byHandler) byClass.set(classRef, (byHandler = new WeakMap()));
    if (byHandler.has(handler)) return byHandler.get(handler) as T;
    const value = compute(handler, classRef);
    byHandler.set(handler, value);
    return value;
  };
}
