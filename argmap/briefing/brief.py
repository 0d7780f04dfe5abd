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
from argmap.model import Map


def brief(m: Map, case_id: str) -> Brief:
    """The brief for the case *case_id* of *m*; BriefError if there is no such case."""
    return sections.build(Builder(m, case_id))
