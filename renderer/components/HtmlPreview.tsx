// Shows the minutes' HTML inside the page without weakening the Content-Security-Policy: the document
// is parsed inert (DOMParser runs nothing), its <style> becomes a constructed stylesheet adopted by a
// shadow root (CSP does not apply to those, and the styles stay inside), style attributes go through
// the CSSOM, and scripts and event-handler attributes are dropped.
import { useEffect, useRef } from 'react';

export function HtmlPreview({ html, label }: { html: string; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    // A document DOMParser makes inherits the page's CSP: a <style> or a style attribute in it is refused
    // as it is parsed (one console error each). So they are renamed in the text first (inside tags only:
    // text cannot hold an unescaped '<'), and applied afterwards through the CSSOM and a constructed sheet.
    const safe = html
      .replace(/<style\b[^>]*>([\s\S]*?)<\/style>/gi, (_m, css: string) => `<template data-preview-css>${css}</template>`)
      .replace(/(<[a-zA-Z][^>]*?\s)style=/g, '$1data-preview-style=');
    const doc = new DOMParser().parseFromString(safe, 'text/html');
    const css = [...doc.querySelectorAll('template[data-preview-css]')].map((s) => (s as HTMLTemplateElement).content.textContent ?? '').join('\n');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css.replace(/\bbody\s*\{/g, '.doc {').replace(/position:\s*fixed/g, 'position: absolute'));
    root.adoptedStyleSheets = [sheet];
    for (const bad of doc.querySelectorAll('script, iframe, object, embed, link, meta, style, template')) bad.remove();
    const wrapper = document.createElement('div');
    wrapper.className = 'doc';
    wrapper.dir = doc.documentElement.dir || 'rtl';
    wrapper.lang = doc.documentElement.lang || 'ar';
    wrapper.style.position = 'relative';
    for (const node of [...doc.body.childNodes]) wrapper.append(document.importNode(node, true));
    for (const node of wrapper.querySelectorAll('*')) {
      for (const attr of [...node.attributes]) {
        if (/^on/i.test(attr.name)) node.removeAttribute(attr.name);
        else if (attr.name === 'data-preview-style' && node instanceof HTMLElement) {
          node.removeAttribute(attr.name);
          node.style.cssText = attr.value;
        }
      }
    }
    // In-document links (#anchor) scroll within the preview instead of navigating.
    wrapper.addEventListener('click', (e) => {
      const a = (e.target as Element).closest('a');
      if (!a) return;
      e.preventDefault();
      const id = a.getAttribute('href')?.slice(1);
      if (id) root.getElementById(id)?.scrollIntoView();
    });
    root.replaceChildren(wrapper);
  }, [html]);
  return <div ref={host} className="preview" role="document" aria-label={label} data-preview />;
}
