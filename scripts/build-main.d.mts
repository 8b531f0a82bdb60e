// Types for scripts/build-main.mjs.
export function bundle(entry: string, name: string, options?: { outDir?: string; emptyOutDir?: boolean }): Promise<void>;
export function buildMain(outDir?: string): Promise<void>;
