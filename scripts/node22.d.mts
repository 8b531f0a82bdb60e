// Types for scripts/node22.mjs (plain JS: it must run on the old Node it replaces, without a TS loader).
export const NODE_VERSION: string;
export function isRecentEnough(version?: string): boolean;
export function provisionedNodePath(platform?: NodeJS.Platform, arch?: string): string;
export function ensureNode22(): string;
export function runUnderNode22(script: string, args: string[]): Promise<void>;
