"""Coherence rules: does the argument hang together?

The structure rules (group ``structure``, codes S2xx), by what they look
at: names (:mod:`~argmap.checks.rules.references`), support
(:mod:`~argmap.checks.rules.support`), attacks
(:mod:`~argmap.checks.rules.attacks`), cases
(:mod:`~argmap.checks.rules.cases`) and repetition
(:mod:`~argmap.checks.rules.duplicates`).  Importing this module registers
them all.  They read the map resolved once (:func:`argmap.resolve.resolve`)
and, where they need it, the attack graph the evaluation uses.
"""

from argmap.checks.rules import attacks, cases, duplicates, references, support  # noqa: F401  (registration)
from argmap.checks.rules.coherence import STRUCTURE, did_you_mean
from argmap.checks.rules.duplicates import normalized_text

__all__ = ["STRUCTURE", "did_you_mean", "normalized_text"]
