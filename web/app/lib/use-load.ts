// Loads data for a screen and tracks loading, errors and reloads.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Problem } from '../api/client.ts';

/** What a screen needs to render a fetch. */
export interface Loaded<T> {
  data?: T;
  problem?: Problem;
  loading: boolean;
  reload: () => void;
}

/** Runs `fn` on mount and whenever `deps` change; `fn` answers with data or a problem. */
export function useLoad<T>(fn: () => Promise<{ data?: T; problem?: Problem }>, deps: unknown[] = []): Loaded<T> {
  const [state, setState] = useState<{ data?: T; problem?: Problem; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    fn()
      .then((r) => live && setState({ data: r.data, problem: r.problem, loading: false }))
      .catch((e: Error) => live && setState({ problem: { status: 0, code: 'NETWORK', detail: e.message }, loading: false }));
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
