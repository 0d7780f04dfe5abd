"""The language: every construct parses into the model, with its position."""

from __future__ import annotations

import pytest

import argmap
from argmap import ArgmapError, Link, PartialDate, Ref

FULL = '''\
# Brown's case, in small
map brown2017 "Japan's Russia Policy" {
  author "James D. J. Brown"
  author "A. Second"
  published 2017-02
  publisher "The Asan Forum"
  url "https://theasanforum.org/x"
  text "001_ecff49c0a03a943e.txt"
}

use togo2013
use rozman from "rozman2013.argmap"

thesis new_approach: Abe's "new approach" will win a compromise. [^1]
case brown against new_approach: Brown's case.
case togo for new_approach: Togo's case.
person ushakov: Yurii Ushakov, Putin's aide.
org tass: TASS, the news agency.

claim failed (brown) by brown: The approach failed \\
    for Japan. [^1][^2]
  rebuts new_approach
claim russian_law (brown) by ushakov:
  quote "Of course, this is the territory of the Russian Federation." [^2]
  supports failed   # the aide's words
  tags sovereignty law
claim c3 (togo): A concession. [^1]
  concession
  undercuts russian_law -> failed
  contradicts togo2013.hikiwake
argument hard (brown) by brown: failed + russian_law -> new_approach
togo2013.late rebuts failed

footnotes
  [^1]: Togo Kazuhiko, “Alternative Scenarios”, The Asan Forum (2016).
  [^2]: TASS, December 16, 2016.
'''


@pytest.fixture(scope="module")
def full():
    return argmap.parse(FULL, "full.argmap")


def test_header_fields(full):
    doc = full.document
    assert doc.id == "brown2017" and doc.title == "Japan's Russia Policy"
    assert doc.authors == ("James D. J. Brown", "A. Second")
    assert doc.published_date == PartialDate(2017, 2)
    assert doc.publisher == "The Asan Forum"
    assert doc.url == "https://theasanforum.org/x"
    assert doc.text == "001_ecff49c0a03a943e.txt"
    assert full.id == "brown2017"


def test_uses(full):
    assert [(u.id, u.filename) for u in full.uses] == [("togo2013", "togo2013.argmap"), ("rozman", "rozman2013.argmap")]


def test_theses_cases_persons(full):
    assert full.theses[0].text == "Abe's \"new approach\" will win a compromise."
    assert [c.label for c in full.theses[0].citations] == ["1"]
    assert [(c.id, c.stance, str(c.thesis)) for c in full.cases] == [
        ("brown", "against", "new_approach"), ("togo", "for", "new_approach")]
    assert [(p.id, p.kind) for p in full.persons] == [("ushakov", "person"), ("tass", "org")]


def test_claims(full):
    failed = full.claim("failed")
    assert failed.text == "The approach failed for Japan."  # the continuation joined
    assert [c.label for c in failed.citations] == ["1", "2"]
    assert failed.case == Ref("brown") and failed.by == Ref("brown")
    law = full.claim("russian_law")
    assert law.text == ""
    assert law.quotes[0].text == "Of course, this is the territory of the Russian Federation."
    assert [c.label for c in law.quotes[0].citations] == ["2"]
    assert law.tags == ("sovereignty", "law")
    assert full.claim("c3").concession and full.claim("c3").by is None


def test_relations(full):
    kinds = [(r.kind, str(r.source), str(r.target), r.inline) for r in full.relations]
    assert kinds == [
        ("rebuts", "failed", "new_approach", True),
        ("supports", "russian_law", "failed", True),
        ("undercuts", "c3", "russian_law -> failed", True),
        ("contradicts", "c3", "togo2013.hikiwake", True),
        ("rebuts", "togo2013.late", "failed", False),
    ]
    undercut = full.relations[2]
    assert isinstance(undercut.target, Link)


def test_linked_argument(full):
    arg = full.arguments[0]
    assert [str(p) for p in arg.premises] == ["failed", "russian_law"]
    assert str(arg.conclusion) == "new_approach" and arg.case == Ref("brown")


def test_footnotes_and_their_facts(full):
    assert [n.label for n in full.footnotes] == ["1", "2"]
    tass = full.footnote(2)
    assert tass.info.publisher == "TASS" and tass.info.date == PartialDate(2016, 12, 16)
    togo = full.footnote("1")
    assert togo.info.author == "Togo Kazuhiko" and togo.info.title == "Alternative Scenarios"


@pytest.mark.parametrize(("note", "date", "words"), [
    ("TASS, December 16, 2016.", PartialDate(2016, 12, 16), "December 16, 2016"),
    ("Kyodo, sept. 3, 2016.", PartialDate(2016, 9, 3), "sept. 3, 2016"),
    ("Reuters, 3 JUNE 2013.", PartialDate(2013, 6, 3), "3 JUNE 2013"),
    ("Nikkei, DECEMBER 2016.", PartialDate(2016, 12), "DECEMBER 2016"),
    ("Memo of Oct 2015, p. 4.", PartialDate(2015, 10), "Oct 2015"),
    ("Bloxjanuary 5, 2016.", PartialDate(2016, 1, 5), "january 5, 2016"),  # a month name inside a word counts
    ("Tōkyō Shimbun, March 4, 2016.", PartialDate(2016, 3, 4), "March 4, 2016"),  # not ASCII: the slow path
    ("Maybe (2014).", PartialDate(2014), "2014"),
    ("MOFA, 2016-12-15, press release.", PartialDate(2016, 12, 15), "2016-12-15"),
    ("MOFA, 2016-02-30.", None, None),  # no such day: not a date (read as bad_date)
    ("Report 17, January.", None, None),
])
def test_a_footnotes_date_is_read_wherever_its_month_is_written(note, date, words):
    info = argmap.Footnote("1", note).info
    assert (info.date, info.date_text) == (date, words)


def test_a_footnotes_url_doi_and_publisher_are_read():
    info = argmap.Footnote("1", "Reuters, HTTPS://www.reuters.com/a/b., December 1, 2016.").info
    assert (info.url, info.publisher, info.date) == ("HTTPS://www.reuters.com/a/b", "Reuters", PartialDate(2016, 12, 1))
    paper = argmap.Footnote("2", "Brown, “Japan's approach,” Asian Survey (2018), doi:10.1525/as.2018.58.5.861.").info
    assert (paper.doi, paper.author, paper.title, paper.url) == ("10.1525/as.2018.58.5.861", "Brown",
                                                                  "Japan's approach", None)
    assert argmap.Footnote("3", "Interview, 10 May 2017.").info.doi is None
    bare = argmap.Footnote("4", "https://www.mofa.go.jp/page.html").info
    assert (bare.url, bare.publisher) == ("https://www.mofa.go.jp/page.html", None)


def test_comments_are_kept_with_their_lines(full):
    texts = {c.text: c.span.line for c in full.comments}
    assert texts == {"Brown's case, in small": 1, "the aide's words": 25}


def test_positions_point_at_the_names(full):
    law = full.claim("russian_law")
    assert (law.span.line, law.span.column) == (23, 7)
    assert (law.by.span.line, law.by.span.column) == (23, 30)
    support = full.relations[1]
    assert (support.span.line, support.span.column) == (25, 3)
    assert (support.target.span.line, support.target.span.column) == (25, 12)
    assert full.footnote(2).span.line == 36


def test_positions_do_not_take_part_in_equality():
    a = argmap.parse("claim a (c): text [^1]\n")
    b = argmap.parse("\n\n   claim   a   ( c )  :   text [^1]\n")
    assert a == b
    assert a.claims[0].span != b.claims[0].span


@pytest.mark.parametrize("head", [
    "claim a (c) by p:", "claim a ( c ) by p :", "claim a(c) by  p:", "claim\ta\t(c)\tby\tp:",
])
def test_every_spacing_of_a_claim_head_means_the_same(head):
    m = argmap.parse(f"{head} text\n  supports b\n")
    assert (m.claims[0].id, str(m.claims[0].case), str(m.claims[0].by)) == ("a", "c", "p")
    assert str(m.relations[0].target) == "b"


def test_ibid_resolves_to_the_note_it_repeats():
    m = argmap.parse("footnotes\n[^19]: Business Journal, January 19, 2017.\n[^20]: Ibid.\n[^21]: Ibid., p. 4.\n")
    assert m.footnote(20).info.ibid
    assert m.source_note(20).label == "19" and m.source_note(21).label == "19"
    assert m.source_note(19).label == "19"


def test_crlf_tabs_and_bom_read_like_plain_text():
    plain = argmap.parse("claim a (c): text\n  supports b\n")
    assert argmap.parse("\ufeffclaim a (c): text\r\n\tsupports b\r\n") == plain


def test_empty_and_comment_only_files_are_empty_maps():
    assert argmap.parse("") == argmap.Map()
    m = argmap.parse("# only a comment\n\n")
    assert m.claims == () and [c.text for c in m.comments] == ["only a comment"]


def test_file_without_final_newline():
    assert argmap.parse("claim a: b").claims[0].text == "b"


def test_unicode_names_and_text():
    m = argmap.parse("claim 引き分け (ケース) by 東郷: 日本語のテキスト。 [^１]\nfootnotes\n[^１]: 朝日新聞\n")
    assert m.claims[0].id == "引き分け" and m.claims[0].text == "日本語のテキスト。"


def test_quote_escapes():
    m = argmap.parse('claim a:\n  quote "He said \\"no\\" and \\\\ left." [^1]\n')
    assert m.claims[0].quotes[0].text == 'He said "no" and \\ left.'


def test_partial_dates():
    assert PartialDate.parse("2017").precision == "year"
    assert PartialDate.parse("2017-02-28").precision == "day"
    assert PartialDate(2017, 5, 7).is_after(PartialDate(2017, 2))
    assert not PartialDate(2017).is_after(PartialDate(2017, 2))
    for bad in ("2017-13", "2016-02-30", "17-02", "2017/02"):
        with pytest.raises(ValueError):
            PartialDate.parse(bad)


def test_syntax_error_is_an_argmap_error_with_position():
    with pytest.raises(ArgmapError) as info:
        argmap.parse("claim a: fine\nclaim b text\n", "x.argmap")
    (d,) = info.value.diagnostics
    assert (d.path, d.line, d.code) == ("x.argmap", 2, "A001")
    assert str(d).startswith("x.argmap:2:")


def test_lines_folded_into_one_value_keep_where_they_were(full):
    """The formatter lays a map out from the model alone: it needs these lines' places (FULL's line numbers)."""
    assert full.document.close_span.line == 9
    assert [s.line for s in full.claim("russian_law").tags_spans] == [26]
    assert [s.line for s in full.claim("c3").concession_spans] == [28]
    assert [s.line for s in full.footnotes_spans] == [34]
    # positions take no part in equality: the same map written elsewhere is the same map
    moved = argmap.parse("\n\n" + FULL, "full.argmap")
    assert moved == full and moved.document.close_span.line == 11


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"])
def test_every_line_ending_reads_the_same_map(ending):
    # a file whose lines end in a carriage return alone (old Mac files, some pastes) is not one long line
    text = "thesis t: The thesis.\nclaim a (c): A claim. [^1]\n  supports t  # kept\n\nfootnotes\n  [^1]: TASS, 2016.\n"
    plain = argmap.parse(text)
    other = argmap.parse(text.replace("\n", ending))
    assert other == plain
    assert [c.span for c in other.claims] == [c.span for c in plain.claims]
    assert [(c.text, c.span.line) for c in other.comments] == [(c.text, c.span.line) for c in plain.comments]
