// Each command's module is imported only when it runs: the help and the catalogue of commands load
// neither the database (better-sqlite3, kysely), nor zod, nor the docx writer. Checked on the bundle the
// build makes (its static imports from the entry), and on the catalogue itself.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build-cli.mjs';
import { DOCUMENT_KIND_NAMES } from '../../src/cli/commands';
import { allCommands } from '../../src/cli/registry';
import { DOCUMENT_KINDS } from '../../src/documents/generate';
import { tempDir } from '../helpers/temp-db';

const dir = tempDir('council-cli-bundle-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The files the entry loads before any command runs: its static imports, transitively. */
function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    // `import ... from "./x.mjs"` and `import "./x.mjs"`, not `import("./x.mjs")`.
    for (const m of text.matchAll(/(?:^|[;\n])\s*(?:import|export)\s*(?:[^'"();]*?\sfrom\s*)?["'](\.\/[^"']+)["']/g)) {
      visit(path.join(path.dirname(file), m[1]!));
    }
  };
  visit(entry);
  return [...seen];
}

describe('CLI commands load lazily', () => {
  it('every command in the catalogue loads its run function', async () => {
    const names = allCommands().map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['check', 'import', 'export', 'minutes', 'document', 'backup', 'restore', 'seal', 'seal-key', 'verify', 'export-zip', 'import-zip']));
    for (const c of allCommands()) expect(typeof (await c.load()), c.name).toBe('function');
  });

  it("the help's document kinds are the documents' own", () => {
    expect(DOCUMENT_KIND_NAMES).toEqual([...DOCUMENT_KINDS]);
  });

  it('the bundle entry loads no database, validation or docx code before a command runs', async () => {
    await buildCli(dir);
    const closure = staticClosure(path.join(dir, 'council.mjs'));
    const text = closure.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    expect(text).toContain('command-line tool');
    expect(text).not.toMatch(/from\s*["']better-sqlite3["']/);
    expect(text).not.toContain('SelectQueryBuilder'); // kysely
    expect(text).not.toContain('$ZodType'); // zod
    expect(text).not.toContain('w:document'); // the docx writer
    // ...while the whole bundle has them, loaded by the commands.
    const all = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
    for (const marker of ['SelectQueryBuilder', '$ZodType', 'w:document']) expect(all).toContain(marker);
  });
});
