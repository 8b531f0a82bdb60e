// Node side of the API: a call name and an untrusted payload in, a typed result or a typed error out.
// The IPC handlers (main/) and the browser host both go through here, so they behave the same.
import { toErrorPayload, ValidationError } from '../errors';
import type { CoreContext } from '../core/context';
import { isApiCallName, type ApiCallName, type ApiResult } from './contract';
import { handlers } from './handlers';

export type Dispatcher = (name: unknown, payload: unknown) => Promise<ApiResult<unknown>>;

export function createDispatcher(ctx: CoreContext): Dispatcher {
  return async (name, payload) => {
    try {
      if (!isApiCallName(name)) throw new ValidationError('call', `unknown API call: ${String(name).slice(0, 80)}`);
      const handler = handlers[name as ApiCallName] as (ctx: CoreContext, input: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(ctx, payload) };
    } catch (err) {
      return { ok: false, error: toErrorPayload(err) };
    }
  };
}
