"""Codes reported while reading and parsing maps (no check function of their own)."""

from argmap.checks.rules import declare

declare("A001", """\
The text does not follow the argmap language.

What it finds: a line the parser cannot read: a missing colon, an
unclosed quotation, a relation without a target, a statement that does not
start with a keyword.  The message names what was expected in words, and
the parser goes on after the broken statement, so one run reports several.
Why it matters: nothing else can be checked in a statement that cannot be
read.

Fails:
    claim failed (brown) The new approach failed.

Passes:
    claim failed (brown): The new approach failed.
""")

declare("A002", """\
A file that cannot be read as map text.

What it finds: a missing file or folder, a folder with no maps, a file
that is binary (has NUL bytes), is not UTF-8, or is larger than the 16 MiB
limit, and a `use` of a map file that does not exist.
Why it matters: argmap reads UTF-8 text; anything else is a mistake in the
path or the file.

Fails:
    use missing_map

Passes:
    use togo2013
""")

declare("A003", """\
A `use` that reads a file outside the maps' folder.

What it finds: `use x from "../../somewhere/x.argmap"` that leaves the
folder being checked (or, for a single file, that file's folder).
Why it matters: a map must not make argmap read arbitrary files on the
machine of whoever checks it.

Fails:
    use passwd from "../../etc/passwd"

Passes:
    use togo2013 from "togo2013.argmap"
""")

declare("A004", """\
Maps that use each other in a circle.

What it finds: a map that, through one or more `use` statements, uses
itself; the message lists every map on the cycle.
Why it matters: a cycle has no first map to read; answers between two
articles belong in a third map that uses both.

Fails:
    # a.argmap
    use b
    # b.argmap
    use a

Passes:
    # debate.argmap
    use a
    use b
""")

declare("A005", """\
`use` chains deeper than 32 maps.

What it finds: a map that uses a map that uses a map ... more than 32
levels deep.
Why it matters: no real debate needs it, and a hostile set of files could
otherwise make argmap read without end.

Fails:
    # m1 uses m2, which uses m3, ..., which uses m40

Passes:
    use togo2013
""")

declare("A006", """\
The same `use`, or a second map header, written twice.

What it finds: two `use` statements with the same id, or a second
`map ... { }` header in one file.
Why it matters: the second one is ignored, which is surely not what was
meant.

Fails:
    use togo2013
    use togo2013

Passes:
    use togo2013
""")

declare("A007", """\
A used map that cannot be read.

What it finds: `use x` where x.argmap exists but has syntax errors or
cannot be decoded.
Why it matters: none of the references into that map can be resolved
until it parses.

Fails:
    use broken_map

Passes:
    use togo2013
""")

declare("A008", """\
A configuration file argmap cannot use.

What it finds: an `argmap.toml` or `[tool.argmap]` table that is not
valid TOML, has keys argmap does not know, or names a severity other than
error, warning or info.
Why it matters: a misspelt setting would otherwise be ignored without a
word, and checks the user meant to turn off would still run (or the
reverse).

Fails:
    # argmap.toml
    ignroe = ["C109"]

Passes:
    # argmap.toml
    ignore = ["C109"]
""")

declare("A009", """\
A keyword used as the name of a claim, thesis, case, person, argument or map.

What it finds: `claim tags: ...`, `thesis quote: ...` and the like: a name
spelt like one of the language's keywords (map, use, thesis, case, person,
org, claim, argument, footnotes, quote, tags, concession, supports, rebuts,
undercuts, contradicts).
Why it matters: a relation written from such a claim on a line of its own
(`tags supports x`) would be read as something else: as the tags of the
claim above it, or as a broken statement.

Fails:
    claim tags (c): Tagging is a claim too.

Passes:
    claim tagging (c): Tagging is a claim too.
""")

declare("A010", """\
A `weight`, `standard` or `burden` line that cannot be used.

What it finds: a weight outside 0..1 (`weight 1.5`), a proof standard the
language does not know (`standard clear-convincing`: the standards are
scintilla, preponderance, clear-and-convincing, beyond-reasonable-doubt,
dialectical-validity, or their Carneades codes SE, PE, CCE, BRD, DV), a
burden on a side other than `pro` or `con`, a second line of the same kind
under one claim, or a quote, tags, concession or relation line under a
thesis.
Why it matters: the evaluation would have to guess what was meant, so
`argmap eval` refuses the map; `argmap fmt` refuses a thesis with other
lines under it, which it has no place to keep.

Fails:
    claim a: A.
      weight 1.5

Passes:
    claim a: A.
      weight 0.8
""")
