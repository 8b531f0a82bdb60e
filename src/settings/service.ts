// Organisation settings: one JSON document under the key 'organisation', merged over the defaults so a
// field added in a later version has its default until someone edits it.
import { inTransaction, nowIso, recordAudit, type CoreContext, type Tx } from '../core/context';
import { validate } from '../errors/validate';
import {
  defaultOrganisationSettings,
  organisationSettingsPatchSchema,
  organisationSettingsSchema,
  type OrganisationSettings,
} from './schema';
import { PREVIOUS_DEFAULT_DECISION_PATTERN } from '../rules/decision-number';

const KEY = 'organisation';

/** Read inside a caller's transaction (sessions take their defaults from here). */
export async function readOrganisationSettings(tx: Tx): Promise<OrganisationSettings> {
  const row = await tx.selectFrom('setting').select('valueJson').where('key', '=', KEY).executeTakeFirst();
  if (!row) return structuredClone(defaultOrganisationSettings);
  const stored = JSON.parse(row.valueJson) as Partial<OrganisationSettings>;
  const merged = { ...defaultOrganisationSettings, ...stored, ...upgradedPattern(stored) };
  // A stored document that no longer validates (edited by hand, older shape) falls back field by field.
  const parsed = organisationSettingsSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  const repaired: Record<string, unknown> = { ...merged };
  for (const issue of parsed.error.issues) {
    const top = String(issue.path[0] ?? '');
    if (top in defaultOrganisationSettings) repaired[top] = defaultOrganisationSettings[top as keyof OrganisationSettings];
  }
  return organisationSettingsSchema.parse(repaired);
}

export async function getOrganisationSettings(ctx: CoreContext, _input?: unknown): Promise<OrganisationSettings> {
  return inTransaction(ctx, (tx) => readOrganisationSettings(tx));
}

export async function updateOrganisationSettings(ctx: CoreContext, input: unknown): Promise<OrganisationSettings> {
  const patch = validate(organisationSettingsPatchSchema, input);
  return inTransaction(ctx, async (tx) => {
    const before = await readOrganisationSettings(tx);
    const after = validate(organisationSettingsSchema, { ...before, ...patch });
    const valueJson = JSON.stringify(after);
    const at = nowIso(ctx);
    await tx
      .insertInto('setting')
      .values({ key: KEY, valueJson, updatedAt: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ valueJson, updatedAt: at }))
      .execute();
    await recordAudit(ctx, tx, { action: 'settings.update', entity: 'setting', entityId: KEY, before, after });
    return after;
  });
}

/**
 * Settings saved while '{council}/{session}/{serial}' was the default kept it word for word: they take the
 * present default, which marks an extraordinary session's numbers. Numbers already given never change
 * (each decision stores its own); a pattern an organisation wrote itself is kept.
 */
function upgradedPattern(stored: Partial<OrganisationSettings>): Partial<OrganisationSettings> {
  const p = stored.decisionNumberPattern;
  const old = PREVIOUS_DEFAULT_DECISION_PATTERN;
  return p && p.ar === old && p.en === old && p.fr === old ? { decisionNumberPattern: defaultOrganisationSettings.decisionNumberPattern } : {};
}
