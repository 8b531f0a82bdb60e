// Search across all sessions: agenda items, interventions, motions, decisions, reservations, referrals and
// follow-up actions, Arabic folded (the
// core ignores tashkeel, hamza forms and attached prefixes). Matches are highlighted in the snippet.
import { useState } from 'react';
import { useI18n } from '../i18n';
import { Field } from '../components/Field';
import { useMutation } from '../components/useApi';
import type { SearchResults, Snippet } from '../../src/search/types';

function Highlighted({ snippet }: { snippet: Snippet }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  snippet.highlights.forEach((h, i) => {
    if (h.start > at) parts.push(snippet.text.slice(at, h.start));
    parts.push(<mark key={i}>{snippet.text.slice(h.start, h.end)}</mark>);
    at = h.end;
  });
  parts.push(snippet.text.slice(at));
  return <span dir="auto">{parts}</span>;
}

export function SearchPanel({ open }: { open: (id: string) => void }) {
  const { t, lang } = useI18n();
  const m = useMutation();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResults | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await m.run('search.query', { query, language: lang, limit: 30 });
    setResults(r);
  };
  return (
    <section className="panel" aria-labelledby="search-h">
      <h2 id="search-h">{t('search.title')}</h2>
      <form className="row" onSubmit={submit} role="search" data-form="search">
        <Field label={t('search.query')} name="query" m={m} className="grow">
          {(p) => <input {...p} type="search" dir="auto" value={query} onChange={(e) => setQuery(e.target.value)} />}
        </Field>
        <button type="submit" className="primary" disabled={m.busy}>
          {t('search.button')}
        </button>
      </form>
      {results ? (
        <div style={{ marginBlockStart: 8, maxBlockSize: 420, overflow: 'auto' }} aria-live="polite">
          <p className="muted">{t('search.count', { n: results.total })}</p>
          {results.hits.map((h) => (
            <div className="list-item" key={h.kind + h.id} data-hit={h.kind}>
              <div className="grow">
                <div>
                  <span className="badge">{t(`search.kind.${h.kind}`)}</span>{' '}
                  {h.decisionNumber ? <strong>{h.decisionNumber[lang]} </strong> : null}
                  <span className="muted">
                    {t('search.inSession', { n: h.session.number })}
                    {h.agendaItem ? ` — ${h.agendaItem.displayTitle}` : null}
                  </span>
                </div>
                <Highlighted snippet={h.snippet} />
              </div>
              <button type="button" className="small" onClick={() => open(h.session.id)}>
                {t('common.open')}
              </button>
            </div>
          ))}
        </div>
      ) : null}
    </section>
  );
}
