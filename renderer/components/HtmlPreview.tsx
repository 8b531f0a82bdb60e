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
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const css = [...doc.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css.replace(/\bbody\s*\{/g, '.doc {').replace(/position:\s*fixed/g, 'position: absolute'));
    root.adoptedStyleSheets = [sheet];
    for (const bad of doc.querySelectorAll('script, iframe, object, embed, link, meta, style')) bad.remove();
    // Style attributes are parked in a data attribute while still in the inert document: importing a node
    // that carries `style` applies an inline style, which the CSP refuses (one console error per element).
    for (const node of doc.body.querySelectorAll('[style]')) {
      node.setAttribute('data-preview-style', node.getAttribute('style') ?? '');
      node.removeAttribute('style');
    }
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
