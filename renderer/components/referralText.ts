// "Referred to <body>" on a decision's referral and a referred motion: the typed name, else the council's
// words for the body; in French « à » contracts with the article (au Conseil ministériel, not « à le »).
import type { MessageKey } from '../i18n/ar';
import type { ReferralBody } from '../../src/rules/referral-body';

// The same shapes as renderer/i18n's, spelt here so this file stays free of JSX (tests import it).
type Lang = 'ar' | 'en' | 'fr';
type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function referredTo(t: Translate, lang: Lang, body: ReferralBody, bodyName: string): string {
  const said = t('referrals.to', { body: bodyName.trim() || t(`referrals.body.${body}`) });
  return lang === 'fr' ? said.replace(/(^|\s)à le /g, '$1au ').replace(/(^|\s)à les /g, '$1aux ') : said;
}
