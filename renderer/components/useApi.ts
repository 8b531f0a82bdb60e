// Data hooks over the API: a query that reloads on demand, and a mutation that keeps the core's
// field errors so each form can show them beside the field they name.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type RendererApi } from '../api';
import type { ErrorPayload, FieldIssue } from '../../src/errors';
import { announceChange } from './changes';
import type { ApiCallName, ApiInput, ApiOutput } from '../api/types';

export function useQuery<N extends ApiCallName>(name: N, input: ApiInput<N> | null, deps: unknown[] = []) {
  const [data, setData] = useState<ApiOutput<N> | undefined>(undefined);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(input);
  useEffect(() => {
    if (input === null) return;
    let live = true;
    void api.call(name, input).then((r) => {
      if (!live) return;
      if (r.ok) {
        setData(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [name, key, tick, ...deps]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, reload };
}

export interface Mutation {
  busy: boolean;
  error: ErrorPayload | null;
  /** The issue (with its code) for a field or a field below it ('members' covers 'members.2.fullName'). */
  issueFor(field: string): FieldIssue | undefined;
  clear(): void;
  run<N extends ApiCallName>(name: N, input: ApiInput<N>): Promise<ApiOutput<N> | null>;
}

export function fieldIssue(error: ErrorPayload | null, field: string): FieldIssue | undefined {
  if (!error) return undefined;
  const issues: FieldIssue[] = error.issues?.length ? error.issues : [{ field: error.field, message: error.message }];
  return issues.find((i) => i.field === field || i.field.startsWith(field + '.'));
}

export function useMutation(): Mutation {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const apiRef = useRef<RendererApi>(api);
  const run = useCallback(async <N extends ApiCallName>(name: N, input: ApiInput<N>) => {
    setBusy(true);
    try {
      const r = await apiRef.current.call(name, input);
      if (r.ok) {
        setError(null);
        announceChange(name);
        return r.value;
      }
      setError(r.error);
      return null;
    } finally {
      setBusy(false);
    }
  }, []);
  return {
    busy,
    error,
    issueFor: (field) => fieldIssue(error, field),
    clear: () => setError(null),
    run,
  };
}
