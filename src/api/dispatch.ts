// Node side of the API: a call name and an untrusted payload in, a typed result or a typed error out.
// The IPC handlers (main/) and the browser host both go through here, so they behave the same.
// The contract's schema is checked first (so every refusal names its field even before a service
// runs); the service then validates again with its own schema, as every service does.
import { toErrorPayload, ValidationError } from '../errors';
import { validate } from '../errors/validate';
import type { CoreContext } from '../core/context';
import { apiCalls, isApiCallName, type ApiResult } from './contract';
import { handlers } from './handlers';

export type Dispatcher = (name: unknown, payload: unknown) => Promise<ApiResult<unknown>>;

export function createDispatcher(ctx: CoreContext): Dispatcher {
  return async (name, payload) => {
    try {
      if (!isApiCallName(name)) throw new ValidationError('call', `unknown API call: ${String(name).slice(0, 80)}`);
      validate(apiCalls[name].input, payload);
      return { ok: true, value: await handlers[name](ctx, payload) };
    } catch (err) {
      return { ok: false, error: toErrorPayload(err) };
    }
  };
}
