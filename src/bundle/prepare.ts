// A bundle checked whole before anything is written: its shape (zod, with the text, date and instant rules),
// its inner references, then the domain rules of a session record (rules/invariants) that the services keep
// one fact at a time. The first broken rule is refused with the bundle path of its field. Pure: the CLI
// runs it before opening (or creating) a database file.
import { ValidationError } from '../errors';
import { validate } from '../errors/validate';
import { recordViolations } from '../rules/invariants/record';
import { checkBundleReferences } from './check';
import { sessionBundleSchema, type SessionBundle } from './schema';

export function prepareSessionBundle(input: unknown): SessionBundle {
  const bundle = validate(sessionBundleSchema, input);
  checkBundleReferences(bundle);
  const violations = recordViolations(bundle);
  const first = violations[0];
  if (first) {
    throw new ValidationError(
      first.field,
      first.message,
      violations.slice(0, 50).map((v) => ({ field: v.field, message: v.message.slice(v.field.length + 2), code: `record_${v.rule}` as const, ...(v.params ? { params: v.params } : {}) })),
    );
  }
  return bundle;
}
