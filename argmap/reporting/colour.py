"""Colour on a terminal: whether to use it, and the few styles the text report paints with.

The decision follows the conventions most command-line tools share:
``--color always`` and ``never`` win; otherwise ``NO_COLOR`` set and not
empty turns colour off (https://no-color.org), ``FORCE_COLOR`` set and not
empty turns it on (https://force-color.org), and else colour is used when
the output is a terminal that is not ``TERM=dumb``.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from argmap.diagnostics import Severity

CHOICES = ("auto", "always", "never")


def use_colour(choice: str, is_terminal: bool, environ: Mapping[str, str]) -> bool:
    """Whether to paint: *choice* is ``auto``, ``always`` or ``never``; *is_terminal* says where output goes."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return is_terminal and environ.get("TERM") != "dumb"


_SEVERITY = {Severity.ERROR: "1;31", Severity.WARNING: "1;33", Severity.INFO: "1;36"}


@attrs.frozen
class Palette:
    """ANSI styles, or none at all when ``enabled`` is false."""

    enabled: bool = False

    def paint(self, text: str, style: str) -> str:
        """*text* in the SGR *style* (``"1"`` bold, ``"31"`` red, ...), reset after."""
        return f"\x1b[{style}m{text}\x1b[0m" if self.enabled and text else text

    def bold(self, text: str) -> str:
        """*text* in bold."""
        return self.paint(text, "1")

    def dim(self, text: str) -> str:
        """*text* faint, for what only frames the message."""
        return self.paint(text, "2")

    def severity(self, text: str, severity: Severity) -> str:
        """*text* in the colour of *severity*: red errors, yellow warnings, cyan notes."""
        return self.paint(text, _SEVERITY[severity])

    def acknowledged(self, text: str) -> str:
        """*text* in the colour of an acknowledged finding."""
        return self.paint(text, "35")

    def good(self, text: str) -> str:
        """*text* in green: a clean summary, a hint."""
        return self.paint(text, "32")
