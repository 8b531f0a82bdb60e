// The published JSON Schema of the session bundle, generated from the zod schema (one definition).
// resources/schemas/session-bundle.schema.json is this, written by scripts/make-bundle-schema.ts and
// checked by tests/bundle to be current.
import { z } from 'zod';
import { sessionBundleSchema } from './schema';

export function sessionBundleJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(sessionBundleSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  // session.timeZone has a default, so a file may leave it out (bundles written before it existed);
  // the 'output' view lists it as required, the 'input' view would drop additionalProperties: false.
  const session = (schema.properties as Record<string, { required?: string[] }>).session;
  if (session?.required) session.required = session.required.filter((k) => k !== 'timeZone');
  // followUpUpdates likewise (the first format 1 bundles had none).
  if (Array.isArray(schema.required)) schema.required = (schema.required as string[]).filter((k) => k !== 'followUpUpdates');
  return {
    ...schema,
    $id: 'https://council-minutes.local/schemas/session-bundle.schema.json',
    title: 'Council Minutes session bundle',
    description: "Every row of one council session's record and the member states it references (format council-minutes/session-bundle, version 1).",
  };
}
