import { lazy, type ComponentType } from 'react';

type Module<P> = { default: ComponentType<P> };

/**
 * `lazy()` for a chunk the boot may have loaded already (preload.ts). React.lazy suspends on its first
 * render whenever the factory's promise is still pending then — and an `import()` promise always is, even
 * for a module already in memory — and React 19 holds the content back after a fallback (its Suspense
 * fallback throttle, 300 ms): on a cold case page that was a third of the time to interactive. Once the
 * module is in, the factory hands React a thenable that resolves at once, so it renders on the first try.
 */
export function preloadable<P extends object>(load: () => Promise<Module<P>>) {
  let loaded: Module<P> | undefined;
  let pending: Promise<Module<P>> | undefined;
  const preload = () =>
    (pending ??= load().then((m) => {
      loaded = m;
      return m;
    }));
  const Component = lazy(() => {
    const module = loaded;
    if (!module) return preload();
    // React's lazy reads a thenable's result when `then` calls back synchronously.
    return { then: (resolve: (m: Module<P>) => void) => resolve(module) } as unknown as Promise<Module<P>>;
  });
  return { Component, preload };
}
