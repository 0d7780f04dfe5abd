"""Codes reported while converting foreign formats (Argdown, AIF, Kialo) to and from maps."""

from argmap.checks.rules import declare

declare("X301", """\
A file that cannot be read in the format it was given as.

What it finds: a file named as AIF that is not JSON, or JSON without the
`nodes` and `edges` lists of an AIF graph; a Kialo export with no
numbered item; an Argdown file with no statement, argument or heading (a
file of headings alone is a map of groups); a file that does not exist or
is not UTF-8 text.
Why it matters: nothing can be converted from it, so `argmap convert`
stops with exit status 2 and writes no output file.

Fails:
    {"statements": []}          # given as AIF: no nodes, no edges

Passes:
    {"nodes": [{"nodeID": "1", "type": "I", "text": "Russia will not return the islands."}],
     "edges": []}
""")

declare("X302", """\
A part of a foreign file that does not follow its format's syntax.

What it finds: broken YAML in an Argdown front matter or `{...}` data
element, a Kialo line that is neither a numbered item nor the discussion
title, an AIF node without a type or an edge without its ends.  The part is
skipped; the rest of the file is converted.
Why it matters: what was skipped is missing from the converted map; the
position says where to repair the input.

Fails:
    ===
    title: [unclosed
    ===

Passes:
    ===
    title: Japan's Russia policy
    ===
""")

declare("X303", """\
Something in the foreign file that argmap has no place for.

What it finds: Argdown inference rules that name no scheme, argument
descriptions of reconstructed arguments, YAML data keys argmap does not
know; AIF preference (PA) nodes, rephrase (MA) nodes that join no two
claims, rephrases by another speaker or with another force than the claim
they rephrase (the wording keeps neither), attacks on attacks other than
on a linked attack, several attackers undercutting one inference together,
dialogue transitions (TA).
Why it matters: the converted map says less than the input; the list of
these warnings is the list of what was lost.

Fails:
    (1) All maps are checked.
    --
    Modus ponens
    --
    (2) This map is checked.

Passes:
    (1) All maps are checked.
    ----
    (2) This map is checked.
""")

declare("X304", """\
A reference in a foreign file to something the file does not contain.

What it finds: an AIF edge whose `fromID` or `toID` names no node, a
locution for a missing node or participant, a Kialo `-> See 1.2.3.` to an
item that does not exist.
Why it matters: a relation needs both ends; the edge or link is dropped.

Fails:
    {"edgeID": "9", "fromID": "1", "toID": "404"}

Passes:
    {"edgeID": "9", "fromID": "1", "toID": "2"}
""")

declare("X305", """\
A construct carried over in a shape argmap has, which is close but not equal.

What it finds: an Argdown heading turned into a tag, a strict-mode
contrary relation read as `contradicts` and entailment as `supports`, an
AIF rephrase (MA) read as another wording of the claim it rephrases, a
tag renamed to fit argmap's names, an undercut of an argument whose
inference is not reconstructed,
an Argdown argument without a premise-conclusion structure read as a
claim, an argument of several inference steps read as several arguments,
a statement title used but never given a text (a claim with none), data
that only sets how Argdown draws its map (`isInMap`, `color`).
Why it matters: nothing is lost, but the map says it a little differently
from the input; the note says how.

Fails:
    # Economic arguments

Passes:
    # Brown's case {case: brown, stance: against, thesis: new_approach}
""")

declare("X306", """\
Something in the map that the output format cannot hold.

What it finds: when writing Argdown, AIF, CSL-JSON or BibTeX, a part of
the map (a relation from another map, a comment, a footnote with no
bibliographic item) that the format has no place for.
Why it matters: the exported file says less than the map.

Fails:
    togo2013.late_arrival rebuts brown2017.disregard    # exported alone

Passes:
    claim disregard (brown): Russia disregards Japan's concerns.
""")
