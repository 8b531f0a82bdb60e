// Types for scripts/electron-native.mjs (plain JS so `npm start` runs on Node without a TS loader).
export interface NativeTarget {
  electron: string;
  platform: string;
  arch: string;
}
export const BINARY: string;
export function electronVersion(root: string): string;
export function betterSqliteVersion(root: string): string;
export function nativeDir(root: string, target: NativeTarget): string;
export function hasNativeCopy(dir: string, sqliteVersion: string): boolean;
export function prebuildArgs(target: NativeTarget): string[];
export function nodeGypArgs(target: NativeTarget): string[];
export function copyPackage(packageDir: string, into: string): void;
export function defaultFetchers(root: string, target: NativeTarget, log: (line: string) => void): ((work: string) => boolean)[];
export function ensureElectronBinding(
  root: string,
  target: NativeTarget,
  options?: { log?: (line: string) => void; fetchers?: ((work: string) => boolean)[] },
): string;
export function newestMtime(paths: string[]): number;
export function isStale(output: string, inputs: string[]): boolean;
export function electronEnv(baseEnv: Record<string, string | undefined>, bindingPath: string): Record<string, string | undefined>;
