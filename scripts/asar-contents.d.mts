export interface AsarFile {
  path: string;
  size: number;
  unpacked: boolean;
}
export function macroExpander(o: { platform: string; arch: string; productName?: string; version?: string }): (text: string) => string;
export function productionPackages(lock: unknown): string[];
export function asarContents(o: { appDir?: string; config: unknown; lock: unknown; platform: string; arch: string }): {
  files: AsarFile[];
  asarBytes: number;
  unpackedBytes: number;
};
export function byPart(files: AsarFile[]): [string, number][];
