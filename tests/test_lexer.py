"""The Pygments lexer: argmap files and docs examples highlight without error tokens."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import pytest
from pygments.token import Comment, Error, Keyword, Name, Operator, Punctuation, String, Text

from argmap.integrations.lexer import ArgmapLexer

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"^```argmap\n(.*?)^```", re.M | re.S)


def tokens(text: str) -> list[tuple[object, str]]:
    return [(t, v) for t, v in ArgmapLexer().get_tokens(text) if v.strip()]


def sources():
    for path in sorted((ROOT / "maps").glob("*.argmap")) + sorted((ROOT / "docs" / "tutorial").glob("*.argmap")):
        yield pytest.param(path.read_text(encoding="utf-8"), id=str(path.relative_to(ROOT)))
    for page in sorted((ROOT / "docs").rglob("*.md")):
        if page.name == "rules.md":  # its failing examples are meant not to parse
            continue
        text = page.read_text(encoding="utf-8")
        for m in BLOCK.finditer(text):
            yield pytest.param(m.group(1), id=f"{page.relative_to(ROOT)}:{text.count(chr(10), 0, m.start()) + 2}")


@pytest.mark.parametrize("source", list(sources()))
def test_real_maps_and_docs_examples_have_no_error_tokens(source):
    found = list(ArgmapLexer().get_tokens(source))
    errors = [v for t, v in found if t is Error]
    assert not errors, f"the lexer marks valid argmap text as errors: {errors[:5]}"
    assert "".join(v for _, v in found).strip("\n") == source.strip("\n"), "the lexer lost or added text"


def test_a_claim_with_everything():
    text = ('claim russian_law (brown) by ushakov: Putin # aide said [so] \\\n'
            '    more. [^11]\n'
            '  quote "Of \\"course\\"." [^11]\n'
            '  undercuts togo2013.late -> stepping_stone  # why\n'
            '  tags law sovereignty\n')
    got = tokens(text)
    assert got[0] == (Keyword.Declaration, "claim")
    assert got[1] == (Name.Function, "russian_law")
    assert (Name.Variable, "brown") in got and (Keyword, "by") in got and (Name.Variable, "ushakov") in got
    free = "".join(v for t, v in got if t is Text)
    assert "Putin # aide said" in free and "[so]" in free, "a # or [ inside claim text is text, not a comment"
    assert got.count((Name.Label, "[^11]")) == 2
    assert (String.Escape, '\\"') in got
    at = got.index((Name.Namespace, "togo2013"))
    assert got[at:at + 3] == [(Name.Namespace, "togo2013"), (Punctuation, "."), (Name.Variable, "late")]
    assert (Operator, "->") in got
    assert (Comment.Single, "# why") in got
    assert (Name.Tag, "sovereignty") in got


def test_header_footnotes_and_relation_lines():
    text = ('map brown2017 "Title" {\n  author "James D. J. Brown"\n  published 2017-02\n}\n'
            'use togo2013 from "togo2013.argmap"\n'
            'togo2013.late_meaning rebuts brown2017.late_arrival\n'
            'argument hard (brown): a + b -> c\n'
            'footnotes\n  [^20]: Ibid. # not a comment\n')
    got = tokens(text)
    assert (Name.Namespace, "brown2017") in got
    assert (Name.Attribute, "published") in got and (String.Double, "James D. J. Brown") in got
    assert (Keyword.Namespace, "use") in got and (Keyword.Namespace, "from") in got
    assert (Keyword, "rebuts") in got and (Name.Variable, "late_arrival") in got
    assert (Operator, "+") in got
    assert (Name.Label, "[^20]:") in got
    assert (Text, " Ibid. # not a comment") in got


def test_broken_lines_show_as_errors():
    assert any(t is Error for t, _ in tokens("claim a (brown) by: text\nnonsense here\n"))


def test_pygmentize_finds_the_lexer_through_the_entry_point():
    points = importlib.metadata.entry_points(group="pygments.lexers")
    found = [p for p in points if p.name == "argmap"]
    assert found, ('no "argmap" entry point in group pygments.lexers: add to pyproject.toml\n'
                   '[project.entry-points."pygments.lexers"]\nargmap = "argmap.integrations.lexer:ArgmapLexer"\n'
                   "and reinstall (pip install -e .)")
    assert found[0].load() is ArgmapLexer
    from pygments.lexers import get_lexer_by_name, get_lexer_for_filename

    assert isinstance(get_lexer_by_name("argmap"), ArgmapLexer)
    assert isinstance(get_lexer_for_filename("brown2017.argmap"), ArgmapLexer)


def test_the_lexers_keywords_are_the_grammars():
    """A keyword added to grammar/argmap.lark is highlighted: the lexer reads its words from the grammar."""
    from argmap.integrations.lexer import KEYWORDS
    from argmap.language import FIELD_NAMES
    from argmap.language import KEYWORDS as GRAMMAR_KEYWORDS

    assert KEYWORDS == GRAMMAR_KEYWORDS
    shown = {v for t, v in tokens(FULL_EXAMPLE) if t in Keyword or t in Name.Attribute}
    assert GRAMMAR_KEYWORDS - set(FIELD_NAMES) <= shown | {"org", "for"}, GRAMMAR_KEYWORDS - shown


FULL_EXAMPLE = ('map m "T" {\n  author "A"\n  published 2017\n  publisher "P"\n  url "u"\n  text "t"\n  venue "v"\n}\n'
                'use o from "o.argmap"\nthesis t: T\ncase c against t: C\nperson p: P\ngroup g (h): G\n'
                'claim a (c) by p: A\n  quote "q"\n  wording "w" [^1]\n  in g\n  tags x\n  concession\n  weight 0.8\n  standard preponderance\n  burden con\n  supports t as expert_opinion\n  rebuts t\n'
                '  undercuts a -> t\n  contradicts t\nargument g: a + a -> t\nfootnotes\n  [^1]: N\n')


def test_a_linked_attack_shows_its_word_as_a_keyword():
    shown = tokens("argument together (brown): stalled + distrust rebuts deal\n")
    assert (Keyword, "rebuts") in shown and (Operator, "+") in shown
    assert not [v for t, v in shown if t is Error]
