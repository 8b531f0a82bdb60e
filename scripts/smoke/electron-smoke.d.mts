/* eslint-disable @typescript-eslint/no-explicit-any -- Playwright's evaluate takes and returns anything */
// Types for scripts/smoke/electron-smoke.mjs.
export const EXPECTED_FUSES: Record<string, '0' | '1'>;
export class SmokeFailure extends Error {
  step: string;
}
export function signaturePng(): Buffer;
export function fuseMismatches(wire: Record<number, number | string>): string[];
export interface SmokePage {
  on(event: string, listener: (arg: any) => void): unknown;
  evaluate(fn: (...args: any[]) => unknown, arg?: unknown): Promise<any>;
  waitForSelector(selector: string, options?: { timeout?: number }): Promise<unknown>;
  url(): string;
  click(selector: string): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
  focus(selector: string): Promise<void>;
  inputValue(selector: string): Promise<string>;
}
export interface SmokeDeps {
  launch(): Promise<{ app: { close(): Promise<void>; evaluate?(fn: (...args: any[]) => unknown, arg?: unknown): Promise<any> }; page: SmokePage }>;
  spawnSecond(): Promise<number>;
  readFuses(): Promise<Record<number, number | string> | null>;
}
export function runSmoke(deps: SmokeDeps, options?: { short?: boolean; log?: (line: string) => void }): Promise<{ databasePath: string; sessionId: string }>;
