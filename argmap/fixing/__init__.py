"""fixing: the repairs ``argmap check --fix`` makes, safe and mechanical, each one listed.

See :func:`argmap.fixing.fixes.fix_text`.
"""

from argmap.fixing.fixes import FIXABLE, Fix, Fixed, fix_text

__all__ = ["FIXABLE", "Fix", "Fixed", "fix_text"]
