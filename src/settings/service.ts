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
  const merged = { ...defaultOrganisationSettings, ...stored, ...upgradedDefaults(stored) };
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
    const valueJson = JSON.stringify({ ...after, defaultsRevision: DEFAULTS_REVISION });
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

/** Written with every saved document: the defaults it was saved under (2: Amiri, {extraordinary}). */
const DEFAULTS_REVISION = 2;

/**
 * A document saved before revision 2 kept the defaults of its day word for word: the decision pattern
 * '{council}/{session}/{serial}' (which let an extraordinary session's numbers collide with the ordinary
 * session of the same number) and the Windows-only 'Traditional Arabic'. It reads as the present defaults.
 * Numbers already given never change (each decision stores its own); a value chosen since is kept.
 */
function upgradedDefaults(stored: Partial<OrganisationSettings> & { defaultsRevision?: number }): Partial<OrganisationSettings> {
  if ((stored.defaultsRevision ?? 1) >= DEFAULTS_REVISION) return {};
  const p = stored.decisionNumberPattern;
  const old = PREVIOUS_DEFAULT_DECISION_PATTERN;
  return {
    ...(p && p.ar === old && p.en === old && p.fr === old ? { decisionNumberPattern: defaultOrganisationSettings.decisionNumberPattern } : {}),
    ...(stored.arabicFont === 'Traditional Arabic' ? { arabicFont: defaultOrganisationSettings.arabicFont } : {}),
  };
}
