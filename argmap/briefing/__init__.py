"""brief: debate briefs for one case of a map.

``brief(m, case_id)`` builds a :class:`Brief`; ``to_markdown`` and
``to_html`` write it; ``to_docx`` (python-docx) writes a Word file in
the Verbatim template's styles.
"""

from argmap.briefing.brief import article_texts, brief
from argmap.briefing.document import Brief, BriefError, Card
from argmap.briefing.docx import to_docx
from argmap.briefing.html import to_html
from argmap.briefing.markdown import to_markdown

__all__ = ["Brief", "Card", "article_texts", "BriefError", "brief", "to_docx", "to_html", "to_markdown"]
