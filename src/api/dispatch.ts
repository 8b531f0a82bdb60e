// Node side of the API: a call name and an untrusted payload in, a typed result or a typed error out.
// The IPC handlers (main/) and the browser host both go through here, so they behave the same.
// The contract's schema is checked first, so every refusal names its field before a service runs
// (a payload that is not an object is refused as 'input'; an unknown key is named by its path); the
// service then validates again with its own schema, as every service does.
import type { z } from 'zod';
import { toErrorPayload, ValidationError } from '../errors';
import { validate } from '../errors/validate';
import type { CoreContext } from '../core/context';
import { apiCalls, isApiCallName, type ApiResult } from './contract';
import { handlers, hostHandlers, type HostServices } from './handlers';
import { afterCall } from '../room/after-call';

export type { HostServices };

export type Dispatcher = (name: unknown, payload: unknown) => Promise<ApiResult<unknown>>;

/** The same validation the services apply (errors/validate.ts): unknown keys, the text rule, named fields. */
function checkInput(schema: z.ZodType, payload: unknown): void {
  validate(schema, payload);
}

/**
 * `ctx` is the context, or a getter for the current one: a host that can restore a backup swaps the
 * database under the running app (src/backup/live.ts), so each call asks for the context of the moment.
 */
export function createDispatcher(ctx: CoreContext | (() => CoreContext), host: HostServices = {}): Dispatcher {
  const all = { ...handlers, ...hostHandlers(host) };
  const current = typeof ctx === 'function' ? ctx : () => ctx;
  return async (name, payload) => {
    try {
      if (!isApiCallName(name)) throw new ValidationError('call', `unknown API call: ${String(name).slice(0, 80)}`, 'unknown_call');
      checkInput(apiCalls[name].input as z.ZodType, payload);
      const value = await all[name](current(), payload);
      afterCall(name, payload);
      // The first automatic backup of a sitting day is taken when the sitting opens (docs/backups.md).
      if (name === 'sittings.create') await host.backups?.afterSittingOpened?.();
      return { ok: true, value };
    } catch (err) {
      return { ok: false, error: toErrorPayload(err) };
    }
  };
}
