// The layer rules of docs/architecture.md as a check that fails on a breach (run by `npm test` through
// tests/architecture/layers.test.ts, and alone with `npm run check:layers`).
import fs from 'node:fs';
import path from 'node:path';

export interface SourceFile {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  text: string;
}

export interface Breach {
  file: string;
  specifier: string;
  rule: string;
}

const IMPORT_RE =
  /(?:^|[^\w.$])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|(?:^|[^\w.$])(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Module specifiers a file imports (type-only imports included: a type import still ties layers). */
export function importsOf(text: string): string[] {
  const withoutComments = stripComments(text);
  const out: string[] = [];
  for (const m of withoutComments.matchAll(IMPORT_RE)) out.push((m[1] ?? m[2])!);
  return out;
}

/** Files of src/ declared pure (no Node, no database): they and all they import must stay so. */
export function isPureCore(file: string): boolean {
  if (!file.startsWith('src/') || file.startsWith('src/database/')) return false;
  return (
    /^src\/(rules|i18n|errors)\//.test(file) ||
    /\/(schema|types)\.ts$/.test(file) ||
    file === 'src/api/contract.ts' ||
    /^src\/minutes\/(model|build-model)\.ts$/.test(file)
  );
}

const NODE_BUILTINS = new Set([
  'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'zlib',
  'worker_threads', 'events', 'buffer', 'process', 'module', 'timers', 'assert', 'readline', 'tty', 'dns',
]);
function isNodeModule(spec: string): boolean {
  return spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]!);
}
function bare(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function resolveRelative(from: string, spec: string, known: Set<string>): string | null {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (known.has(candidate)) return candidate;
  }
  return null;
}

const ASSET_RE = /\.(css|svg|png|jpe?g|woff2?)$/;
const PURE_PACKAGES = new Set(['zod']);

/**
 * Files that reach, directly or through other project files, anything but zod and other project files:
 * Node, the database, docx, Electron, React. Such a file cannot run in the renderer or in a pure layer.
 */
export function impureFiles(files: SourceFile[]): Set<string> {
  const known = new Set(files.map((f) => f.file));
  const edges = new Map<string, string[]>();
  const impure = new Set<string>();
  for (const { file, text } of files) {
    const targets: string[] = [];
    for (const spec of importsOf(text)) {
      if (ASSET_RE.test(spec)) continue;
      if (spec.startsWith('.')) {
        const target = resolveRelative(file, spec, known);
        if (target) targets.push(target);
      } else if (!PURE_PACKAGES.has(bare(spec))) {
        impure.add(file);
      }
    }
    edges.set(file, targets);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const [file, targets] of edges) {
      if (!impure.has(file) && targets.some((t) => impure.has(t))) {
        impure.add(file);
        changed = true;
      }
    }
  }
  return impure;
}

export function checkLayers(files: SourceFile[]): Breach[] {
  const known = new Set(files.map((f) => f.file));
  const impure = impureFiles(files.filter((f) => f.file.startsWith('src/')));
  const breaches: Breach[] = [];
  const add = (file: string, specifier: string, rule: string) => breaches.push({ file, specifier, rule });

  for (const { file, text } of files) {
    const inSrc = file.startsWith('src/');
    const inMain = file.startsWith('main/');
    const inRenderer = file.startsWith('renderer/');
    const isPreload = /^main\/preload(\.|\/)/.test(file);
    const pure = isPureCore(file);

    if (inSrc && /(^|[^\w.$'"])(window|document|navigator|localStorage)\s*\./m.test(stripComments(text))) {
      add(file, '(DOM global)', 'src/ must not use the DOM');
    }

    for (const spec of importsOf(text)) {
      const relative = spec.startsWith('.');
      if (relative && ASSET_RE.test(spec)) continue;
      const target = relative ? resolveRelative(file, spec, known) : null;
      const targetTop = target?.split('/')[0];
      const pkg = relative ? null : bare(spec);
      const targetImpure = target !== null && target.startsWith('src/') && impure.has(target);

      if (inSrc) {
        if (pkg && ['electron', 'react', 'react-dom'].includes(pkg)) add(file, spec, 'src/ must not import Electron or React');
        if (targetTop === 'main' || targetTop === 'renderer') add(file, spec, 'src/ must not import main/ or renderer/');
        if (pure) {
          if (pkg && !PURE_PACKAGES.has(pkg)) add(file, spec, 'pure src files may import only zod and other pure src files');
          if (targetImpure) add(file, spec, 'pure src files may import only other pure src files');
        }
      }
      if (inMain) {
        if (targetTop === 'renderer') add(file, spec, 'main/ must not import renderer/');
        if (isPreload) {
          if (pkg && pkg !== 'electron') add(file, spec, 'the preload runs sandboxed: electron only');
          if (targetImpure) add(file, spec, 'the preload may import only pure src files');
          if (target && target.startsWith('main/') && !/^main\/preload/.test(target)) add(file, spec, 'the preload must not import main/');
        }
      }
      if (inRenderer) {
        if (pkg && isNodeModule(spec)) add(file, spec, 'renderer/ must not import Node modules');
        else if (pkg && !['react', 'react-dom', 'zod'].includes(pkg)) add(file, spec, `renderer/ may import react and zod only, not ${pkg}`);
        if (targetTop === 'main') add(file, spec, 'renderer/ must not import main/');
        if (targetImpure) {
          add(file, spec, 'renderer/ may import only pure src files (types, schemas, rules, i18n, the API contract)');
        }
        if (relative && !target) add(file, spec, 'renderer/ import does not resolve to a project file');
      }
    }
  }
  return breaches;
}

/** All .ts/.tsx files of src/, main/ and renderer/ under root. */
export function readProject(root: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(path.join(root, dir))) return;
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(rel);
      } else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        out.push({ file: rel, text: fs.readFileSync(path.join(root, rel), 'utf8') });
      }
    }
  };
  for (const top of ['src', 'main', 'renderer']) walk(top);
  return out;
}
