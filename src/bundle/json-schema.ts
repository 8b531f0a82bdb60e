// The published JSON Schema of the session bundle, generated from the zod schema (one definition).
// resources/schemas/session-bundle.schema.json is this, written by scripts/make-bundle-schema.ts and
// checked by tests/bundle to be current.
import { z } from 'zod';
import { sessionBundleSchema } from './schema';

export function sessionBundleJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(sessionBundleSchema, { target: 'draft-2020-12' }),
    $id: 'https://council-minutes.local/schemas/session-bundle.schema.json',
    title: 'Council Minutes session bundle',
    description: "Every row of one council session's record and the member states it references (format council-minutes/session-bundle, version 1).",
  };
}
