// Types for scripts/build-cli.mjs.
export const cliOutDir: string;
export function buildCli(outdir?: string): Promise<void>;
