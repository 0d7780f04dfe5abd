"""A brief written as Markdown (CommonMark)."""

from __future__ import annotations

import re

from argmap.briefing.document import Brief, Heading, ItemList, Paragraph

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
        else:
            _md_list(block, lines)
    lines += ["", "## Sources", ""]
    if not b.sources:
        lines.append("No footnote is cited in this brief.")
    for s in b.sources:
        lines.append(f"{s.number}. {_md_escape(s.text)} ({_md_escape('; '.join(s.notes))})")
    return "\n".join(lines) + "\n"
