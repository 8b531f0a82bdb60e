"""Independent reader of the generated minutes (python3-docx): prints JSON with the paragraphs (text,
style, bidi, runs with their RTL flag), tables (bidiVisual, style, cell texts), header and footer text.
Usage: /usr/bin/python3 tests/minutes/read_docx.py FILE.docx"""
import json
import sys

from docx import Document
from docx.oxml.ns import qn


def para(p):
    ppr = p._p.pPr
    return {
        "text": p.text,
        "style": p.style.name if p.style is not None else None,
        "bidi": ppr is not None and ppr.find(qn("w:bidi")) is not None,
        "runs": [{"text": r.text, "rtl": bool(r.font.rtl), "cs": r._r.rPr is not None and r._r.rPr.rFonts is not None and r._r.rPr.rFonts.get(qn("w:cs"))} for r in p.runs],
    }


def table(t):
    tblpr = t._tbl.tblPr
    return {
        "bidiVisual": tblpr is not None and tblpr.find(qn("w:bidiVisual")) is not None,
        "style": t.style.name if t.style is not None else None,
        "rows": [[c.text for c in row.cells] for row in t.rows],
        "cellBidi": all(para(p)["bidi"] for row in t.rows for c in row.cells for p in c.paragraphs if p.text),
    }


def body_order(doc):
    """Paragraphs and tables in document order, as ('p', text) / ('t', index)."""
    out = []
    ti = 0
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            out.append({"kind": "p", "text": "".join(t.text or "" for t in child.iter(qn("w:t")))})
        elif child.tag == qn("w:tbl"):
            out.append({"kind": "t", "index": ti})
            ti += 1
    return out


doc = Document(sys.argv[1])
section = doc.sections[0]
print(json.dumps({
    "paragraphs": [para(p) for p in doc.paragraphs],
    "tables": [table(t) for t in doc.tables],
    "order": body_order(doc),
    "header": "\n".join(p.text for p in section.header.paragraphs),
    "footerXml": section.footer._element.xml,
    "page": {"width": section.page_width, "height": section.page_height},
    "styles": sorted(s.name for s in doc.styles),
}, ensure_ascii=False))
