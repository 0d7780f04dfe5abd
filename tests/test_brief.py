"""``argmap brief``: each section on small maps, determinism, the CLI (the seed briefs: test_brief_seeds.py)."""

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


def test_the_outline_gives_the_thesis_then_each_line_with_its_impact_before_the_detail(pro):
    outline = section(pro, "Case outline, in speech order")
    assert re.findall(r"^\d+\. \*\*([^*]+)\*\*", outline, re.M) == ["Thesis:", "Line 1:", "Line 2:", "Then the blocks:"]
    assert "Cars foul the air in the centre. Impact: it supports the thesis" in outline
    assert "4 arguments they can make, 1 with an answer of ours" in outline
    assert pro.index("## Case outline") < pro.index("## Our lines of argument") < pro.index("## Blocks")


def test_lines_of_argument_nest_supports_with_speaker_quote_and_references(pro):
    lines = section(pro, "Our lines of argument")
    assert "### Line 1: Cars foul the air in the centre\n\nCars foul the air in the centre. [1]" in lines
    assert "- Asthma cases fell where cars were banned. The Mayor: *“Admissions halved within a year.”* [1]" in lines
    assert "- Taken together, these claims support it:\n  - Parking fees fund the buses." in lines
    assert "(Bob Critic; conceded by the other side)" in lines
    assert "(Ann Author)" not in lines  # the case's own voice is said once, not on every claim


def blocks_of(text: str) -> list[str]:
    return re.split(r"^### \d+\. ", section(text, "Blocks: if they say …"), flags=re.M)[1:]


def test_blocks_come_in_speech_order_each_attack_with_numbered_answers_and_cards(pro):
    blocks = blocks_of(pro)
    heads = [b.split("\n", 1)[0] for b in blocks]
    # the attack on the thesis first, then line 1's two, then line 2's
    assert heads == ["If they say: Shops in the centre will lose trade",
                     "If they say: Buses pollute as much as cars",
                     "If they say: The asthma figures come from one small town",
                     "If they say: Deliveries will become impossible"]
    assert "(the thesis)" in blocks[0] and "(line 1)" in blocks[1] and "(line 2)" in blocks[3]
    assert "**Answer 1:** Footfall rose in pedestrian streets elsewhere." in blocks[0]
    # the answer's card: its tag, then its cite with the note it rests on
    assert "**Footfall rose in pedestrian streets elsewhere.**\n\n**" in blocks[0]
    assert "note 4: City Air Report, March 3, 2019." in blocks[0]
    assert "undercuts the step from “Asthma cases fell where cars were banned”" in blocks[2]
    assert "No answer in the debate yet." in blocks[1] and "No answer" not in blocks[0]


def test_an_argument_attacking_several_of_our_claims_is_one_block_naming_each():
    m = argmap.parse("thesis t: T.\ncase pro for t: P.\ncase con against t: C.\n"
                     "claim a (pro): A holds.\n  supports t\n"
                     "claim b (pro): B holds.\n  supports t\n"
                     "claim x (con): X says otherwise.\n  rebuts a\n  rebuts b\n"
                     "claim y (pro): Y answers X.\n  rebuts x\n")
    text = to_markdown(brief(m, "pro"))
    blocks = blocks_of(text)
    assert [b.split("\n", 1)[0] for b in blocks] == ["If they say: X says otherwise"]
    assert "It rebuts “A holds” (line 1); it rebuts “B holds” (line 2)." in blocks[0]
    assert blocks[0].count("**Answer") == 1 and "Y answers X." in blocks[0]
    assert "2 attacks on our case by 1 argument," in text and "1 argument they can make, 1 with an answer" in text


def test_weak_points_give_the_reason_and_leave_out_unattacked_analysis(pro):
    weak = section(pro, "Weak points")
    assert "Cars foul the air in the centre. It is defeated: rebutted by “Buses pollute as much as cars” (Bob Critic)." in weak
    # parking and wardens cite nothing, but nothing attacks them: our own reasoning, not a weak point
    assert "Parking fees" not in weak and "Wardens" not in weak


def test_an_attacked_unsourced_claim_is_a_weak_point():
    m = argmap.parse("thesis t: T.\ncase pro for t: P.\ncase con against t: C.\n"
                     "claim a (pro): A holds.\n  supports t\n"
                     "claim b (pro): B holds.\n  supports t\n"
                     "claim x (con): X doubts A. [^1]\n  rebuts a\n"
                     "claim y (pro): Y answers X.\n  rebuts x\n"
                     "footnotes\n  [^1]: A note, 2019.\n")
    weak = section(to_markdown(brief(m, "pro")), "Weak points")
    assert "Attacked and unsourced." in weak and "A holds." in weak and "B holds." not in weak


def _questions(text: str) -> list[str]:
    return re.findall(r"^\d+\. (.*)$", section(text, "Cross-examination"), re.M)


def test_questions_are_few_ranked_by_what_decides_the_thesis_and_not_repeated():
    # x attacks a claim the thesis does not hang on; z attacks the thesis itself, so z decides and comes first
    text = ["thesis t: T.", "case pro for t: P.", "case con against t: C.",
            "claim a (pro): A holds.\n  supports t",
            "claim x (con): X denies A.\n  rebuts a", "claim y (pro): Y refutes X.\n  rebuts x",
            "claim z (con): Z denies T.\n  rebuts t", "claim w (pro): W refutes Z.\n  rebuts z"]
    text += [f"claim u{i} (con): Unsourced doubt number {i}.\n  rebuts a" for i in range(22)]
    qs = _questions(to_markdown(brief(argmap.parse("\n".join(text) + "\n"), "pro")))
    assert 1 <= len(qs) <= 10
    assert "“W refutes Z”" in qs[0] and "decides the thesis" in qs[0]
    assert sum("“Y refutes X”" in q for q in qs) == 1
    sourcing = [q for q in qs if "evidence for" in q]
    assert len(sourcing) == 1 and "and 19 more" in sourcing[0]  # 22 unsourced attacks, one question


def test_the_small_debate_asks_the_deciding_question_first(pro):
    qs = _questions(pro)
    assert qs[0].startswith("What is your answer to “Footfall rose in pedestrian streets elsewhere”?")
    assert "Buses pollute as much as cars" in qs[-1] and "Deliveries will become impossible" in qs[-1]


def test_sources_merge_the_same_item_resolve_ibid_and_keep_note_numbers(pro):
    sources = section(pro, "Sources")
    assert "1. City Air Report, March 3, 2019. (note 1; note 2, “Ibid.” of note 1; note 4)" in sources
    assert sources.count("City Air Report") == 1
    assert "Health Weekly, \\<b\\>June\\</b\\> 1, 2019." in sources  # markup in a note is escaped


def test_a_case_whose_thesis_is_missing_still_gets_a_brief():
    text = to_markdown(brief(load(DATA / "no_thesis.argmap"), "solo"))
    assert "the case names “missing”, which is not in the map" in text
    assert "B follows.\n\nSupported by:\n\n- A is so. [1]" in text
    assert "Nothing in the debate attacks our case." in text


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
    assert line.count("Claim number") == n + 1 and "### Line 2" not in line  # the line's heading names c0 too
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
    out = capsys.readouterr().out
    assert "argmap brief maps/new_approach_debate.argmap --case brown" in out and "--text-dir" in out


def test_a_case_of_a_used_map_is_found_by_its_own_id_and_a_shared_id_names_the_side(capsys):
    m = load(ROOT / "maps" / "new_approach_debate.argmap")
    assert to_markdown(brief(m, "brown")) == to_markdown(brief(m, "brown2017.brown"))
    # two maps define a case `togo` (Togo's own article, and Brown's account of it): both are Togo's side
    togo = to_markdown(brief(m, "togo"))
    assert togo != to_markdown(brief(m, "togo2013.togo")) and togo != to_markdown(brief(m, "brown2017.togo"))
    assert main(["brief", str(ROOT / "maps" / "new_approach_debate.argmap"), "--case", "nobody"]) == 2
    err = capsys.readouterr().err
    assert "brown2017.brown" in err and "togo2013.rozman" in err and "its cases: none" not in err
