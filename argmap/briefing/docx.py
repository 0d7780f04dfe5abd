"""A brief written as a Word file in the Verbatim template's styles, with python-docx.

Verbatim, the Word template most debaters file evidence in, names its
paragraph styles Pocket, Hat, Block and Tag (headings 1 to 4), Cite for the
cite line, and its character styles Underline and Emphasis for the words of
a card that are read aloud.  The file defines those styles itself, on the
built-in headings so that Word's navigation pane shows the outline, and
needs no template: it opens in Word or LibreOffice as a speech document.
The same brief always gives the same bytes (the package's timestamps are
fixed).
"""

from __future__ import annotations

import io
import zipfile

from argmap.briefing.document import Brief, Card, Heading, ItemList, Paragraph

PARAGRAPH_STYLES = ("Pocket", "Hat", "Block", "Tag", "Cite")
CHARACTER_STYLES = ("Underline", "Emphasis")


def _styles(doc) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    styles = doc.styles
    base = styles["Normal"]
    base.font.name, base.font.size = "Calibri", Pt(11)
    for level, (name, size) in enumerate((("Pocket", 26), ("Hat", 22), ("Block", 16), ("Tag", 13)), 1):
        s = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        s.base_style = styles[f"Heading {level}"]
        s.font.size, s.font.bold, s.font.italic = Pt(size), True, False  # Word's Heading 4 is italic; a Tag is not
        s.font.color.rgb = RGBColor(0, 0, 0)
        s.next_paragraph_style = base
    cite = styles.add_style("Cite", WD_STYLE_TYPE.PARAGRAPH)
    cite.base_style, cite.font.size = base, Pt(11)
    under = styles.add_style("Underline", WD_STYLE_TYPE.CHARACTER)
    under.font.underline, under.font.size = True, Pt(11)
    emph = styles.add_style("Emphasis", WD_STYLE_TYPE.CHARACTER) if "Emphasis" not in [s.name for s in styles] \
        else styles["Emphasis"]
    emph.font.bold, emph.font.underline, emph.font.italic, emph.font.size = True, True, False, Pt(11)
    card = styles.add_style("Card", WD_STYLE_TYPE.PARAGRAPH)
    card.base_style, card.font.size = base, Pt(8)  # the words not read aloud, small but legible


def _runs(p, parts) -> None:
    for kind, value in parts:
        if kind == "ref":
            run = p.add_run(f" [{value}]")
            run.font.superscript = True
        else:
            run = p.add_run(value)
            # set only what the part adds: an explicit "not bold" would undo the Tag style's bold
            if kind == "b":
                run.bold = True
            elif kind == "em":
                run.italic = True


class _Body:
    """Paragraphs appended to the document's body in one pass.

    python-docx inserts each new paragraph before the section properties by
    searching the body, and looks each style up by name through every style:
    both grow with the document, so a brief of thousands of cards took
    minutes.  Here the section properties are set aside while writing and
    each style's id is looked up once.
    """

    def __init__(self, doc):
        self.doc, self.body = doc, doc.element.body
        self.sect = self.body.sectPr
        if self.sect is not None:
            self.body.remove(self.sect)
        self.ids: dict[str, str] = {}

    def add_paragraph(self, text: str = "", style: str | None = None):
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph as DocxParagraph

        element = OxmlElement("w:p")
        self.body.append(element)
        p = DocxParagraph(element, self.doc._body)
        if style is not None:
            if style not in self.ids:
                self.ids[style] = self.doc.styles[style].style_id
            element.get_or_add_pPr().style = self.ids[style]
        if text:
            p.add_run(text)
        return p

    def close(self) -> None:
        if self.sect is not None:
            self.body.append(self.sect)


def _list(doc, lst: ItemList) -> None:
    """Items as list paragraphs, nested lists indented a level: depth first, without recursion."""
    stack = [(iter(enumerate(lst.items, 1)), lst.ordered, 0)]
    while stack:
        items, ordered, depth = stack[-1]
        entry = next(items, None)
        if entry is None:
            stack.pop()
            continue
        number, item = entry
        # a number typed, not a Word numbering list: each list restarts at 1 without numbering definitions
        p = doc.add_paragraph() if ordered else doc.add_paragraph(style="List Bullet")
        p.paragraph_format.left_indent = _indent(depth)
        if ordered:
            p.add_run(f"{number}. ")
        _runs(p, item.parts)
        stack.extend((iter(enumerate(child.items, 1)), child.ordered, depth + 1) for child in reversed(item.children))


def _indent(depth: int):
    from docx.shared import Cm

    return Cm(0.63 * (depth + 1))


def _card(doc, card: Card) -> None:
    _runs(doc.add_paragraph(style="Tag"), card.tag)
    _runs(doc.add_paragraph(style="Cite"), card.cite)
    for flag in card.flags:
        run = doc.add_paragraph(style="Cite").add_run(f"⚠ {flag}")
        run.bold = True
    if card.text:
        p = doc.add_paragraph(style="Card")
        for words, marked in card.text:
            p.add_run(words.replace("\n", " "), style="Emphasis" if marked else None)


def to_docx(b: Brief) -> bytes:
    """The brief as a .docx file (bytes): headings as Pocket/Hat/Block, cards as Tag, Cite and card text."""
    import docx

    document = docx.Document()
    _styles(document)
    doc = _Body(document)
    props = document.core_properties
    props.title, props.author = b.title, "argmap"
    fixed = __import__("datetime").datetime(2000, 1, 1)
    props.created = props.modified = fixed
    props.last_modified_by, props.revision = "argmap", 1
    names = {1: "Pocket", 2: "Hat", 3: "Block", 4: "Tag"}
    for block in b.blocks:
        if isinstance(block, Heading):
            doc.add_paragraph(block.text, style=names[block.level])
        elif isinstance(block, Paragraph):
            _runs(doc.add_paragraph(), block.parts)
        elif isinstance(block, Card):
            _card(doc, block)
        else:
            _list(doc, block)
    doc.add_paragraph("Sources", style="Hat")
    if not b.sources:
        doc.add_paragraph("No footnote is cited in this brief.")
    for s in b.sources:
        doc.add_paragraph(f"{s.number}. {s.text} ({'; '.join(s.notes)})")
    doc.close()
    out = io.BytesIO()
    document.save(out)
    return _stable(out.getvalue())


def _stable(data: bytes) -> bytes:
    """The package rewritten with fixed entry times, so the same brief gives the same bytes."""
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
