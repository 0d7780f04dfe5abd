"""brief: debate briefs for one case of a map.

``brief(m, case_id)`` builds a :class:`Brief`; ``to_markdown`` and
``to_html`` write it.
"""

from argmap.briefing.brief import brief
from argmap.briefing.document import Brief, BriefError
from argmap.briefing.html import to_html
from argmap.briefing.markdown import to_markdown

__all__ = ["Brief", "BriefError", "brief", "to_html", "to_markdown"]
