"""A brief written as Markdown (CommonMark)."""

from __future__ import annotations

import re

from argmap.briefing.document import Brief, Card, Heading, ItemList, Paragraph

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_inline(parts) -> str:
    out = []
    for kind, value in parts:
        if kind == "t":
            out.append(_md_escape(value))
        elif kind == "em":
            out.append(f"*{_md_escape(value)}*")
        elif kind == "b":
            out.append(f"**{_md_escape(value.rstrip())}**" + (" " if value.endswith(" ") else ""))
        else:
            out.append(f" [{value}]")
    return "".join(out)


def _md_list(lst: ItemList, lines: list[str]) -> None:
    """The list's lines, nested lists indented under their item: depth first, without recursion."""
    stack = [(iter(enumerate(lst.items, 1)), lst.ordered, "")]
    while stack:
        items, ordered, indent = stack[-1]
        entry = next(items, None)
        if entry is None:
            stack.pop()
            continue
        number, item = entry
        marker = f"{number}. " if ordered else "- "
        lines.append(indent + marker + _md_inline(item.parts))
        inner = indent + " " * len(marker)
        stack.extend((iter(enumerate(child.items, 1)), child.ordered, inner) for child in reversed(item.children))


def _md_card(card: Card, lines: list[str]) -> None:
    """Tag in bold, the cite, findings, then the card text as a quotation block, quoted words in bold."""
    lines.append("**" + _md_inline(card.tag).strip() + "**")
    lines.append("")
    lines.append(_md_inline(card.cite))
    for flag in card.flags:
        lines += ["", f"> ⚠ {_md_escape(flag)}"]
    if card.text:
        body = "".join(f"**{_md_escape(t.strip())}**" + (" " if t.endswith(" ") else "") if marked and t.strip()
                       else _md_escape(t) for t, marked in card.text)
        lines += ["", *("> " + line if line else ">" for line in body.strip().split("\n"))]


def to_markdown(b: Brief) -> str:
    """The brief as Markdown (CommonMark), ending in one newline."""
    lines: list[str] = []
    for block in b.blocks:
        if lines:
            lines.append("")
        if isinstance(block, Heading):
            lines.append("#" * block.level + " " + _md_escape(block.text))
        elif isinstance(block, Paragraph):
            lines.append(_md_inline(block.parts))
        elif isinstance(block, Card):
            _md_card(block, lines)
        else:
            _md_list(block, lines)
    lines += ["", "## Sources", ""]
    if not b.sources:
        lines.append("No footnote is cited in this brief.")
    for s in b.sources:
        lines.append(f"{s.number}. {_md_escape(s.text)} ({_md_escape('; '.join(s.notes))})")
    return "\n".join(lines) + "\n"
