"""``argmap brief``: each section on small maps, determinism, the CLI, and the seed briefs."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import argmap
from argmap.briefing import brief, to_html, to_markdown
from argmap.cli import main
from argmap.files.loader import load

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "brief"
SEED_BRIEFS = [("brown", "md"), ("brown", "html"), ("togo", "md"), ("togo", "html")]


@pytest.fixture(scope="module")
def pro() -> str:
    return to_markdown(brief(load(DATA / "debate.argmap"), "pro"))


def section(text: str, title: str) -> str:
    return text.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_heading_names_the_thesis_the_stance_and_the_verdict(pro):
    head = pro.split("## ", 1)[0]
    assert head.startswith("# Brief: The case for the ban\n")
    assert "**Thesis:** Cities should ban cars from their centres." in head
    assert "**Our stance:** for the thesis." in head
    assert "the thesis stands" in head and "It turns on single claims" in head


def test_lines_of_argument_nest_supports_with_speaker_quote_and_references(pro):
    lines = section(pro, "Our lines of argument")
    assert "### Line 1\n\nCars foul the air in the centre. [2]" in lines
    assert "- Asthma cases fell where cars were banned. The Mayor: *“Admissions halved within a year.”* [2]" in lines
    assert "- Taken together, these claims support it:\n  - Parking fees fund the buses." in lines
    assert "(Bob Critic; conceded by the other side)" in lines
    assert "(Ann Author)" not in lines  # the case's own voice is said once, not on every claim


def test_attacks_appear_under_their_line_with_our_answers(pro):
    lines = section(pro, "Our lines of argument")
    thesis_part = lines.split("### Attacks on the thesis itself\n", 1)[1].split("### Line 1", 1)[0]
    assert "Shops in the centre will lose trade." in thesis_part
    assert "**Our answer:** Footfall rose in pedestrian streets elsewhere. [2] (rebuts it)" in thesis_part
    line1 = lines.split("### Line 1", 1)[1].split("### Line 2", 1)[0]
    assert "It undercuts the step from “Asthma cases fell where cars were banned” to “Cars foul the air" in line1
    assert "**No answer in the map** (see Attacks to prepare for)." in line1


def test_unanswered_attacks_are_a_numbered_prep_list(pro):
    prep = section(pro, "Attacks to prepare for")
    assert re.findall(r"^\d+\. “([^”]+)”", prep, re.M) == [
        "Buses pollute as much as cars", "The asthma figures come from one small town",
        "Deliveries will become impossible"]
    assert "(line 2)" in prep


def test_weak_points_give_the_reason_in_words(pro):
    weak = section(pro, "Weak points")
    assert "Cars foul the air in the centre. It is defeated: rebutted by “Buses pollute as much as cars” (Bob Critic)." in weak
    assert "- Parking fees fund the buses.\n- Wardens enforce the ban cheaply." in weak
    assert "1 further claim of ours cites nothing itself" in weak


def test_questions_for_the_other_side(pro):
    questions = section(pro, "Questions for the other side")
    assert ("1. How do you answer “Footfall rose in pedestrian streets elsewhere”, which defeats your claim "
            "“Shops in the centre will lose trade”?") in questions
    assert "What is your source for “Buses pollute as much as cars”?" in questions
    assert "The asthma figures" not in questions  # it cites a source and stands


def test_sources_merge_the_same_item_resolve_ibid_and_keep_note_numbers(pro):
    sources = section(pro, "Sources")
    assert "2. City Air Report, March 3, 2019. (note 1; note 2, “Ibid.” of note 1; note 4)" in sources
    assert sources.count("City Air Report") == 1
    assert "Health Weekly, \\<b\\>June\\</b\\> 1, 2019." in sources  # markup in a note is escaped


def test_a_case_whose_thesis_is_missing_still_gets_a_brief():
    text = to_markdown(brief(load(DATA / "no_thesis.argmap"), "solo"))
    assert "the case names “missing”, which is not in the map" in text
    assert "### Line 1\n\nB follows.\n\nSupported by:\n\n- A is so. [1]" in text
    assert "Every attack by others on our case has an answer in the map." in text


def test_a_support_cycle_terminates_and_shows_each_claim_once():
    text = to_markdown(brief(load(DATA / "cycle.argmap"), "loop"))
    assert text.count("B, because A.") == 1
    assert "(see line 1)" in text


def test_a_long_support_chain_is_briefed_without_recursion():
    """500 claims each supporting the next up to the thesis: one line, nested 500 deep."""
    n = 500
    lines = ["thesis t: The thesis.", "case pro for t: The case."]
    lines += [f"claim c{i} (pro): Claim number {i}.\n  supports {f'c{i - 1}' if i else 't'}" for i in range(n)]
    b = brief(argmap.parse("\n".join(lines) + "\n"), "pro")
    text = to_markdown(b)
    line = section(text, "Our lines of argument")
    assert line.count("Claim number") == n and "### Line 2" not in line
    depth = {int(m.group(2)): len(m.group(1)) for m in re.finditer(r"^( *)- Claim number (\d+)\.", line, re.M)}
    assert [depth[i] for i in (1, 2, n - 1)] == [0, 2, 2 * (n - 2)]  # c0 heads the line, c1 is the first item
    page = to_html(b)
    assert page.count("<ul>") == page.count("</ul>") >= n - 1 and page.count("<li>") == page.count("</li>")


def test_the_brief_is_byte_identical_across_runs():
    m = DATA / "debate.argmap"
    first = to_markdown(brief(load(m), "con")), to_html(brief(load(m), "con"))
    second = to_markdown(brief(load(m), "con")), to_html(brief(load(m), "con"))
    assert first == second


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_self_contained_semantic_and_escaped():
    page = to_html(brief(load(DATA / "debate.argmap"), "pro"))
    parser = _Collect()
    parser.feed(page)
    tags = [t for t, _ in parser.tags]
    assert tags.count("h1") == 1 and "h2" in tags and "style" in tags
    assert "script" not in tags and "link" not in tags and "img" not in tags
    assert "<b>June</b>" not in page and "&lt;b&gt;June&lt;/b&gt;" in page
    refs = [a["href"] for t, a in parser.tags if t == "a"]
    ids = {a.get("id") for _, a in parser.tags}
    assert refs and all(r[1:] in ids for r in refs)  # every [n] links to its source


# ------------------------------------------------------------------ CLI ----


def test_cli_writes_markdown_or_html_by_suffix(tmp_path, capsys):
    out = tmp_path / "pro.html"
    assert main(["brief", str(DATA / "debate.argmap"), "--case", "pro", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["brief", str(DATA / "debate.argmap"), "--case", "pro"]) == 0
    assert capsys.readouterr().out.startswith("# Brief: The case for the ban\n")


def test_cli_unknown_case_lists_the_cases(capsys):
    assert main(["brief", str(DATA / "debate.argmap"), "--case", "nobody"]) == 2
    err = capsys.readouterr().err
    assert "no case 'nobody'; the cases it and the maps it uses define: pro, con" in err and "Traceback" not in err


def test_cli_unreadable_map_gives_diagnostics(tmp_path, capsys):
    bad = tmp_path / "bad.argmap"
    bad.write_bytes(b"claim \xff")
    assert main(["brief", str(bad), "--case", "x"]) == 2
    assert "A002" in capsys.readouterr().err


def test_cli_never_writes_over_the_map(tmp_path, capsys):
    m = tmp_path / "m.argmap"
    m.write_text((DATA / "debate.argmap").read_text(encoding="utf-8"), encoding="utf-8")
    before = m.read_bytes()
    assert main(["brief", str(m), "--case", "pro", "--format", "md", "-o", str(m)]) == 2
    assert m.read_bytes() == before
    assert "refusing" in capsys.readouterr().err


def test_cli_help_has_examples(capsys):
    with pytest.raises(SystemExit):
        main(["brief", "--help"])
    assert "argmap brief maps/brown2017.argmap --case brown" in capsys.readouterr().out


# --------------------------------------------------------- seed briefs ----


@pytest.mark.parametrize("case, fmt", SEED_BRIEFS)
def test_seed_briefs_are_up_to_date(case, fmt):
    text = brief(load(ROOT / "maps" / "brown2017.argmap"), case)
    expected = to_html(text) if fmt == "html" else to_markdown(text)
    path = ROOT / "docs" / "briefs" / f"{case}.{fmt}"
    assert path.read_text(encoding="utf-8") == expected, (
        f"{path.relative_to(ROOT)} is out of date; regenerate it with\n"
        f"  argmap brief maps/brown2017.argmap --case {case} -o docs/briefs/{case}.{fmt}")


def test_seed_brief_for_brown_reads_as_a_brief():
    text = (ROOT / "docs" / "briefs" / "brown.md").read_text(encoding="utf-8")
    assert "Russia agreed only to talk about joint economic activities" in text
    assert "TASS, December 16, 2016. (note 11)" in text
    assert "Business Journal, January 19, 2017. (note 19; note 20, “Ibid.” of note 19)" in text
    assert not re.search(r"\b(only_discuss|new_approach|togo_success)\b", text)  # no ids where text belongs


def test_a_case_of_a_used_map_is_found_by_its_own_id_when_only_one_has_it(capsys):
    m = load(ROOT / "maps" / "new_approach_debate.argmap")
    assert to_markdown(brief(m, "brown")) == to_markdown(brief(m, "brown2017.brown"))
    # two maps define a case `togo` (Togo's own article, and Brown's account of it): the name must say which
    assert main(["brief", str(ROOT / "maps" / "new_approach_debate.argmap"), "--case", "togo"]) == 2
    err = capsys.readouterr().err
    assert "2 cases are called 'togo'; name one: brown2017.togo, togo2013.togo" in err
    assert main(["brief", str(ROOT / "maps" / "new_approach_debate.argmap"), "--case", "nobody"]) == 2
    err = capsys.readouterr().err
    assert "brown2017.brown" in err and "togo2013.rozman" in err and "its cases: none" not in err
