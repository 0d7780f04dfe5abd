"""S213 also reports a claim that its own case's unanswered concession leaves much weakened (not OUT)."""

from __future__ import annotations

import argmap

WEAKENED = """\
thesis t: Japan should keep talking to Russia.
  weight 0.9
case akiyama for t: Akiyama's case.
claim g7 (akiyama): G7 solidarity forced sanctions on Japan.
  weight {concession}
  concession
  rebuts t
claim doubt: The sanctions were symbolic.
  weight 0.1
  contradicts g7
"""


def _s213(text):
    return [d for d in argmap.check(argmap.loads(text, "m.argmap")) if d.code == "S213"]


def test_an_undecided_thesis_pulled_from_0_9_to_near_0_is_reported():
    # grounded: doubt and g7 contradict each other, so g7 and t are UNDEC (not OUT: the old rule was silent);
    # DF-QuAD: doubt (0.1) is wiped out by g7 (1.0), which keeps 1.0, and t falls from its 0.9 to 0
    d, = _s213(WEAKENED.format(concession=1))
    assert (d.span.line, d.span.column) == (1, 8)
    assert "thesis t is much weakened by g7" in d.message and "strength is 0.00, 0.90 without it" in d.message
    assert argmap.evaluate(argmap.loads(WEAKENED.format(concession=1))).labels["t"] is argmap.evaluation.Label.UNDEC


def test_a_concession_that_only_trims_the_thesis_is_left_alone():
    # g7 at 0.4 (0.375 after doubt) leaves t at 0.56: a drop of 0.34, under the 0.5 threshold
    assert _s213(WEAKENED.format(concession=0.4)) == []


def test_an_answered_concession_is_not_reported():
    answered = WEAKENED.format(concession=1).replace("claim doubt:", "claim doubt (akiyama):")
    assert _s213(answered) == []
