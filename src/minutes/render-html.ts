// The minutes model -> one self-contained HTML page: the same content as the Word file, for the preview in
// the app and for PDF through the browser's print. Pure string building (no DOM), everything escaped.
import type { Block, Inline, MinutesDocument, Span, TableCell } from './model';
import { minutesWording } from '../i18n/minutes';
import { lines } from './text';
import { latinInArabic, splitByScript } from './script-split';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Arabic text with Latin inside it: each Latin phrase isolated left to right, as in the .docx. */
function textHtml(doc: MinutesDocument, s: Span): string {
  if (doc.dir !== 'rtl' || s.lang !== 'ar') return esc(s.text);
  return splitByScript(s.text, 'arabic')
    .map((seg) => (seg.script === 'latin' ? `<bdi dir="ltr">${esc(latinInArabic(seg.text).slice(1, -1))}</bdi>` : esc(seg.text)))
    .join('');
}

function spanHtml(doc: MinutesDocument, s: Span): string {
  let inner = textHtml(doc, s);
  if (s.bold) inner = `<strong>${inner}</strong>`;
  if (s.italic) inner = `<em>${inner}</em>`;
  const dir = s.lang === 'ar' ? 'rtl' : 'ltr';
  const needsWrap = s.lang !== doc.lang || s.untranslated;
  if (s.untranslated) {
    const mark = `<span class="untranslated-mark">${esc(minutesWording(doc.lang).untranslated)}</span> `;
    return `${mark}<span class="untranslated" lang="${s.lang}" dir="${dir}">${inner}</span>`;
  }
  return needsWrap ? `<bdi lang="${s.lang}" dir="${dir}">${inner}</bdi>` : inner;
}

const inline = (doc: MinutesDocument, content: Inline) => content.map((s) => spanHtml(doc, s)).join('');

function cellHtml(doc: MinutesDocument, c: TableCell, tag: 'td' | 'th'): string {
  return `<${tag}${c.center ? ' class="c"' : ''}>${inline(doc, c.content)}</${tag}>`;
}

function blockHtml(doc: MinutesDocument, b: Block, toc: string): string {
  switch (b.kind) {
    case 'title':
      return `<h1 class="title">${inline(doc, b.content)}</h1>`;
    case 'subtitle':
      return `<p class="subtitle">${inline(doc, b.content)}</p>`;
    case 'heading':
      return `<h${b.level + 1} id="${esc(b.anchor)}">${inline(doc, b.content)}</h${b.level + 1}>`;
    case 'paragraph':
      return lines(b.content).map((l) => `<p${b.emphasis ? ` class="${b.emphasis}"` : ''}>${inline(doc, l)}</p>`).join('');
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${lines(i).map((l) => `<p>${inline(doc, l)}</p>`).join('')}</li>`).join('')}</ul>`;
    case 'table': {
      const cap = b.caption ? `<caption>${inline(doc, b.caption)}</caption>` : '';
      const total = b.widths.reduce((x, y) => x + y, 0);
      const cols = b.widths.map((w) => `<col style="width:${((w / total) * 100).toFixed(1)}%">`).join('');
      const head = `<thead><tr>${b.header.map((c) => cellHtml(doc, c, 'th')).join('')}</tr></thead>`;
      const body = `<tbody>${b.rows.map((r) => `<tr>${r.map((c) => cellHtml(doc, c, 'td')).join('')}</tr>`).join('')}</tbody>`;
      return `<table>${cap}<colgroup>${cols}</colgroup>${head}${body}</table>`;
    }
    case 'signatures':
      return `<div class="signatures">${b.signatories
        .map(
          (s) =>
            `<div class="signatory"><div class="role">${inline(doc, s.role)}</div>${
              s.image ? `<img alt="" src="data:image/${s.image.type === 'jpg' ? 'jpeg' : 'png'};base64,${s.image.base64}">` : '<div class="line"></div>'
            }<div class="name">${inline(doc, s.name)}</div></div>`,
        )
        .join('')}</div>`;
    case 'toc':
      return `<nav class="toc"><h2>${esc(b.title)}</h2>${toc}</nav>`;
    case 'pageBreak':
      return '<div class="page-break"></div>';
  }
}

export function renderHtml(doc: MinutesDocument): string {
  const headings = doc.blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level <= 2);
  const toc = `<ol>${headings.map((h) => `<li class="l${h.level}"><a href="#${esc(h.anchor)}">${inline(doc, h.content)}</a></li>`).join('')}</ol>`;
  const body = doc.blocks.map((b) => blockHtml(doc, b, toc)).join('\n');
  const logo = doc.header.logo ? `<img class="logo" alt="" src="data:image/${doc.header.logo.type === 'jpg' ? 'jpeg' : 'png'};base64,${doc.header.logo.base64}">` : '';
  const draft = doc.draft ? `<div class="draft-mark" aria-label="${esc(doc.draftLabel)}">${esc(doc.draftLabel)}</div>` : '';
  const fonts = `'${esc(doc.fonts.arabic)}', 'Amiri', 'Noto Naskh Arabic', '${esc(doc.fonts.latin)}', serif`;
  return `<!doctype html>
<html lang="${doc.lang}" dir="${doc.dir}">
<head>
<meta charset="utf-8">
<title>${esc(doc.meta.title)}</title>
<style>
@page { size: A4; margin: 2cm; }
body { font-family: ${fonts}; font-size: ${doc.dir === 'rtl' ? '14pt' : '12pt'}; line-height: 1.5; max-width: 17cm; margin: 0 auto; color: #111; }
header.page { text-align: center; border-bottom: 1px solid #1F3864; margin-bottom: 1em; font-size: 0.85em; }
header.page .logo { height: 48px; }
h1.title { text-align: center; color: #1F3864; font-size: 1.6em; margin: 0.2em 0; }
p.subtitle { text-align: center; color: #404040; }
h2 { color: #1F3864; font-size: 1.3em; } h3 { color: #2E5597; font-size: 1.1em; } h4 { color: #2E5597; font-size: 1em; }
p { text-align: justify; margin: 0.3em 0; }
p.decision { border-inline-start: 3px solid #2E5597; padding-inline-start: 0.6em; }
p.note { color: #404040; padding-inline-start: 0.6em; } p.quote { padding-inline-start: 1.2em; }
table { width: 100%; border-collapse: collapse; margin: 0.4em 0 0.8em; font-size: 0.9em; }
caption { text-align: start; font-weight: bold; color: #1F3864; }
th { background: #2E5597; color: #fff; } th, td { border: 1px solid #8EAADB; padding: 2px 5px; text-align: start; vertical-align: top; }
td.c, th.c { text-align: center; }
.signatures { display: flex; gap: 2em; justify-content: space-around; margin-top: 1.5em; }
.signatory { text-align: center; min-width: 12em; } .signatory .line { border-bottom: 1px dotted #808080; height: 3em; } .signatory img { max-height: 60px; }
.untranslated { background: #ffff00; } .untranslated-mark { font-style: italic; background: #ffff00; }
.draft-mark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 96pt; color: rgba(192,0,0,0.15); transform: rotate(-35deg); pointer-events: none; }
.page-break { break-after: page; }
nav.toc ol { list-style: none; padding: 0; } nav.toc li.l2 { padding-inline-start: 1.5em; }
</style>
</head>
<body>
${draft}
<header class="page">${logo}<div><strong>${esc(doc.header.organisation)}</strong></div><div>${esc(doc.header.council)}${doc.draft ? ` — <strong style="color:#C00000">${esc(doc.draftLabel)}</strong>` : ''}</div></header>
<main>
${body}
</main>
</body>
</html>
`;
}
