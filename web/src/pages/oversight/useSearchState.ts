import { useSearchParams } from 'react-router';

/** Filters kept in the address (shareable, Back works); a changed filter goes back to page 1. */
export function useSearchState() {
  const [params, setParams] = useSearchParams();
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch))
      if (v) next.set(k, v);
      else next.delete(k);
    if (!('trang' in patch)) next.delete('trang');
    setParams(next, { replace: true });
  };
  const get = (key: string) => params.get(key) ?? undefined;
  return { get, set };
}
