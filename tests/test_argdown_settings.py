"""Argdown's front-matter view settings: the ones argmap has are kept as the command that draws them."""

from __future__ import annotations

import argmap
from argmap.interchange.argdown import read_argdown
from argmap.rendering.diagrams import diagram

FILE = """===
title: Road pricing
selection:
  selectedTags:
    - money matters
  excludeDisconnected: false
color:
  tagColors:
    money matters: "#ff0000"
===

[Pricing]: Road pricing should come. #(money matters)
  + [Revenue]: It raises money for buses. #(money matters)
  - [Fairness]: It hurts poor drivers.
"""


def test_a_selected_tag_becomes_the_render_option_that_draws_the_same_view():
    m, diagnostics = read_argdown(FILE, "roads.argdown")
    [view] = [c.text for c in m.comments if c.text.startswith("argdown view:")]
    assert "--tag money_matters" in view
    # the option works on the converted map: the view keeps the two tagged claims, not the third
    text = argmap.dumps(m)
    assert text.startswith("# argdown view:")
    again = argmap.loads(text, "roads.argmap")
    dot = diagram(again, tag="money_matters").source
    assert "raises money" in dot and "poor drivers" not in dot
    assert not [d for d in diagnostics if d.severity >= 2]


def test_settings_argmap_has_no_place_for_are_named_at_their_line():
    _, diagnostics = read_argdown(FILE, "roads.argdown")
    said = {d.message: d.span.line for d in diagnostics if d.code == "X305"}
    colour = next(k for k in said if "color.tagColors" in k)
    assert "by the case" in colour and said[colour] == 7
    assert any("selection.excludeDisconnected" in k and said[k] == 3 for k in said)
    assert not any("selectedTags" in k for k in said)


def test_several_selected_tags_are_reported_not_half_kept():
    m, diagnostics = read_argdown(FILE.replace("    - money matters\n", "    - money matters\n    - fairness\n", 1),
                                  "roads.argdown")
    assert not [c for c in m.comments if c.text.startswith("argdown view:")]
    assert any("selection.selectedTags is not kept" in d.message for d in diagnostics)


def test_a_file_without_settings_gets_no_view_comment():
    m, _ = read_argdown(FILE.split("selection:")[0] + "===\n\n[A]: A claim.\n", "plain.argdown")
    assert not [c for c in m.comments if c.text.startswith("argdown view:")]
