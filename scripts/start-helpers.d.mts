// Types for scripts/start-helpers.mjs (plain JS so `npm start` runs on Node without a TS loader).
export function newestMtime(paths: string[]): number;
export function isStale(output: string, inputs: string[]): boolean;
export function electronEnv(baseEnv: Record<string, string | undefined>): Record<string, string | undefined>;
