import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLayers, readProject } from './layers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const breaches = checkLayers(readProject(root));
for (const b of breaches) console.error(`${b.file}: imports '${b.specifier}': ${b.rule}`);
if (breaches.length > 0) process.exit(1);
console.log('layers: ok');
