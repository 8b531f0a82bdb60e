// Build the renderer with vite into a folder (dev, tests, screenshots, bench). Dev-only: vite is
// imported lazily so nothing in the app's runtime path depends on it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function buildRenderer(outDir = path.join(projectRoot, 'dist/renderer')): Promise<string> {
  const { build } = await import('vite');
  // Under vitest NODE_ENV is 'test', which would bundle React's development build: force production.
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(projectRoot, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
  return outDir;
}
