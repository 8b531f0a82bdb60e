// Every refusal the core builds carries an issue code, so the UI can say it in its own language
// (renderer/components/errorText.ts; tests/ui/i18n-codes.test.ts). The constructors require the code; this
// scan also catches what the compiler lets through (a cast, a bare CouncilError, a .js file).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError, toErrorPayload } from '../../src/errors';

const root = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true })
    .map(String)
    .filter((f) => /\.(ts|tsx|mts|js|mjs)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f));
}

const isConstAssertion = (e: ts.AsExpression) => ts.isTypeReferenceNode(e.type) && e.type.typeName.getText() === 'const';

/** `new ValidationError(...)` / `new ConflictError(...)` without a code, and `new CouncilError(...)` outside src/errors. */
export function uncodedRefusals(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      const name = node.expression.text;
      const args = node.arguments ?? [];
      const where = `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      const code = args[2];
      if ((name === 'ValidationError' || name === 'ConflictError') && (!code || (ts.isAsExpression(code) && !isConstAssertion(code)) || code.kind === ts.SyntaxKind.UndefinedKeyword || (ts.isIdentifier(code) && code.text === 'undefined'))) {
        found.push(`${where} ${name} without a code`);
      }
      if (name === 'CouncilError' && !file.startsWith(path.join('src', 'errors'))) found.push(`${where} a bare CouncilError`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('coded refusals', () => {
  it('no refusal in src/ or main/ is built without its code', () => {
    const files = [...sources('src'), ...sources('main')];
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((f) => uncodedRefusals(f, fs.readFileSync(path.join(root, f), 'utf8')));
    expect(found).toEqual([]);
  });

  it('the scan sees an uncoded throw, a cast and a bare CouncilError', () => {
    const text = [
      "throw new ValidationError('at', 'at: in the future');",
      "throw new ConflictError('id', 'taken', undefined as never);",
      "throw new CouncilError('VALIDATION', 'x', 'y');",
      "throw new ValidationError('at', 'at: in the future', 'attendance_in_future', { at });",
    ].join('\n');
    expect(uncodedRefusals(path.join('src', 'x', 'service.ts'), text)).toEqual([
      `${path.join('src', 'x', 'service.ts')}:1 ValidationError without a code`,
      `${path.join('src', 'x', 'service.ts')}:2 ConflictError without a code`,
      `${path.join('src', 'x', 'service.ts')}:3 a bare CouncilError`,
    ]);
  });

  it('the payload of each refusal carries its code and params', () => {
    expect(toErrorPayload(new ValidationError('at', 'at: in the future', 'attendance_in_future', { at: '2026-11-10T08:00:00.000Z' })).issues).toEqual([
      { field: 'at', message: 'at: in the future', code: 'attendance_in_future', params: { at: '2026-11-10T08:00:00.000Z' } },
    ]);
    expect(toErrorPayload(new ConflictError('memberStateId', 'OM already has a delegation', 'delegation_exists', { state: 'OM' })).issues?.[0]).toMatchObject({ code: 'delegation_exists', params: { state: 'OM' } });
    const notFound = toErrorPayload(new NotFoundError('sessionId', 'session', 'y'.repeat(10_000)));
    expect(notFound.issues?.[0]).toMatchObject({ field: 'sessionId', code: 'not_found' });
    expect(notFound.message).not.toContain('y'.repeat(41));
  });
});
