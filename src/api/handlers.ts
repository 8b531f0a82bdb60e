// Each API call's service function. Services validate their own input (zod), so a handler is the service.
import type { CoreContext } from '../core/context';
import type { ApiCallName } from './contract';

type Handler = (ctx: CoreContext, input: unknown) => Promise<unknown>;

// Filled in as the features land; settings.* come with the settings service.
export const handlers: Partial<Record<ApiCallName, Handler>> = {};
