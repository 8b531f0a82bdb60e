// Writes resources/schemas/session-bundle.schema.json from the zod schema.  npx tsx scripts/make-bundle-schema.ts
import fs from 'node:fs';
import path from 'node:path';
import { sessionBundleJsonSchema } from '../src/bundle/json-schema';

const file = path.resolve('resources/schemas/session-bundle.schema.json');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, `${JSON.stringify(sessionBundleJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file}`);
