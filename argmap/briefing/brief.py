"""brief: a debate brief for one case of a map.

:func:`brief` builds the brief as a small document
(:mod:`argmap.briefing.document`: headings, paragraphs, nested lists,
numbered references) from the queries of :mod:`argmap.analysis.queries`
and the grounded evaluation (:mod:`argmap.briefing.builder`,
:mod:`argmap.briefing.sections`); :func:`~argmap.briefing.markdown.to_markdown`
and :func:`~argmap.briefing.html.to_html` write it out.  Everything is
ordered by the map, so the same map always gives the same bytes.
``docs/briefing.md`` describes the sections.
"""

from __future__ import annotations

from argmap.briefing import sections
from argmap.briefing.builder import Builder
from argmap.briefing.document import Brief
from collections.abc import Iterable, Mapping

from argmap.model import Map


def brief(m: Map, case_id: str, texts: Mapping[str, str] | None = None, *, strengths: str | None = None) -> Brief:
    """The brief for the case (or side) *case_id* of *m*; BriefError if there is none.

    *texts* gives the article text of each map by map id, for the evidence cards.  *strengths*, a
    gradual semantics (``dfquad`` or ``quadratic-energy``), puts each claim's strength under it in the
    outline and the lines of argument.
    """
    return sections.build(Builder(m, case_id, texts, strengths=strengths))


def article_texts(m: Map, text_dirs: Iterable[str] = ()) -> dict[str, str]:
    """The article text of *m* and of each map it uses, by map id, where one is found.

    Looked for as ``argmap check`` looks: beside the map, then in *text_dirs*.
    """
    from argmap.analysis.index import index
    from argmap.files.loader import find_source_text

    texts = {}
    for used in index(m).resolved.maps:
        text, _, _ = find_source_text(used, list(text_dirs))
        if text is not None:
            texts[used.id] = text
    return texts
