// Self time of a V8 .cpuprofile by function and by package/file, the top entries (see minutes-profile.ts).
import fs from 'node:fs';

const profile = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const fnTime = new Map();
const fileTime = new Map();
for (const [id, t] of self) {
  const { callFrame: f } = byId.get(id);
  const file = f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(src|bench)\//, '$1/') || '(native)';
  const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
  fnTime.set(key, (fnTime.get(key) ?? 0) + t);
  const group = file.startsWith('docx/') ? 'docx' : file.startsWith('jszip') || file.includes('pako') ? 'jszip/pako' : file;
  fileTime.set(group, (fileTime.get(group) ?? 0) + t);
}
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, t]) => `${((100 * t) / total).toFixed(1).padStart(5)}%  ${(t / 1000).toFixed(0).padStart(6)} ms  ${k}`).join('\n');
console.log(`total ${(total / 1000).toFixed(0)} ms\n-- by file --\n${top(fileTime, 15)}\n-- by function --\n${top(fnTime, 30)}`);
