"""Argdown as people write it: comments anywhere, wrapped text, titles, data over lines, folders of files.

The files in tests/data/argdown/syntax use each construct of Argdown's
syntax guide (https://argdown.org/syntax/); with Argdown's CLI installed,
each goes Argdown -> argmap -> Argdown with the counts Argdown reports for
the original, or with a note saying what changed.
"""

from __future__ import annotations

import json
import subprocess

import pytest

import argmap
from argmap.cli import main
from argmap.formatting.writer import dumps
from argmap.interchange import ConvertError
from argmap.interchange.argdown import read_argdown, write_argdown
from argmap.interchange.argdown_titles import read_titles
from tests._convert_helpers import DATA
from tests.test_convert_argdown import argdown_cli  # noqa: F401 (the fixture)

SYNTAX = DATA / "argdown" / "syntax"


def read(name: str):
    return read_argdown((SYNTAX / name).read_text(encoding="utf-8"), name)


def relations(m) -> set[tuple[str, str, str]]:
    return {(str(r.source), r.kind, str(r.target)) for r in m.relations}


def through_argmap(m):
    """The map as its argmap text reads back: comments and all."""
    return argmap.parse(dumps(m), "converted.argmap")


# ---- comments --------------------------------------------------------------------


def test_a_comment_inside_a_relation_tree_keeps_the_relations_after_it():
    m, diagnostics = read("comments.argdown")
    assert {("cleaner_air", "supports", "road_pricing"), ("unfair_cost", "rebuts", "road_pricing"),
            ("rebates", "rebuts", "unfair_cost"), ("congestion", "supports", "road_pricing")} <= relations(m)
    assert not [d for d in diagnostics if d.severity >= 2]


def test_a_comment_inside_a_premise_conclusion_structure_keeps_it_whole():
    m, _ = read("comments.argdown")
    [argument] = m.arguments
    assert argument.id == "revenue_argument"
    assert [str(p) for p in argument.premises] == ["charge_raises_money", "money_raised_can_pay_for"]
    assert str(argument.conclusion) == "buses_funded"
    # no inference line read as a claim, no second argument made of the rest
    assert not any("----" in c.text or c.id.startswith("argument") for c in m.claims)
    assert ("buses_funded", "supports", "road_pricing") in relations(m)


@pytest.mark.parametrize("comment", ["<!-- note -->", "// note", "/* note */", "/* a note\n\nover lines */"])
def test_every_kind_of_comment_on_its_own_lines_is_no_empty_line(comment):
    m, diagnostics = read_argdown(f"[a]: A.\n  + [b]: B.\n  {comment}\n  - [c]: C.\n", "c.argdown")
    assert relations(m) == {("b", "supports", "a"), ("c", "rebuts", "a")}
    assert diagnostics == []


def test_an_empty_line_before_a_comment_still_ends_the_block():
    # Argdown refuses a block that starts with a relation; so does argmap, with the place
    m, diagnostics = read_argdown("[a]: A.\n\n// note\n  - [c]: C.\n", "c.argdown")
    assert relations(m) == set()
    [d] = diagnostics
    assert (d.code, d.line) == ("X302", 4) and "nothing above it" in d.message


# ---- wrapped text ----------------------------------------------------------------


def test_statements_and_relations_wrapped_over_lines_in_a_structure_are_read_whole():
    m, diagnostics = read("wrapped.argdown")
    claims = {c.id: c for c in m.claims}
    assert claims["childcare_gap"].text == "Most parents work until late in the afternoon, after the school day ends."
    assert claims["childcare_gap"].tags == ("work_and_care",)
    assert claims["survey_evidence"].text == \
        "A survey of parents reports that care after school costs them a lot."
    assert claims["survey_evidence"].tags == ("evidence",)
    assert claims["teachers_overworked"].tags == ("workload",)
    assert {("survey_evidence", "supports", "gap_is_costly"),
            ("longer_days_help", "rebuts", "teachers_overworked")} <= relations(m)
    assert not [d for d in diagnostics if d.severity >= 2]


# ---- an argument and its own conclusion --------------------------------------------


def test_an_argument_supporting_its_own_conclusion_adds_no_relation_and_says_so():
    m, diagnostics = read("reshaped.argdown")
    assert not any(r.source == r.target for r in m.relations)
    [note] = [d for d in diagnostics if "its own conclusion" in d.message]
    assert note.code == "X305" and note.line == 20 and "<Two Steps>" in note.message and "[Tax Sugar]" in note.message


def test_an_argument_from_one_premise_stays_an_argument_with_its_title_and_relations():
    m, diagnostics = read("one_premise.argdown")
    arguments = {a.id: ([str(p) for p in a.premises], str(a.conclusion)) for a in m.arguments}
    assert arguments == {"quiet_streets": (["noise"], "ban_cars"), "shops_suffer": (["fewer_visitors"], "keep_cars")}
    assert relations(m) == {("delivery_vans", "rebuts", "shops_suffer"), ("bike_lanes", "undercuts", "quiet_streets")}
    assert read_titles(m.comments)["quiet_streets"] == ("Quiet Streets", True)
    # the description is the one thing argmap cannot hold, and it says so
    [lost] = [d for d in diagnostics if d.severity >= 2]
    assert (lost.code, lost.line) == ("X303", 3) and "<Quiet Streets>" in lost.message
    back = write_argdown(through_argmap(m))
    assert "<Quiet Streets>\n\n(1) [Noise]\n----\n(2) [Ban Cars]" in back
    assert "[Delivery Vans]: Vans may still deliver in the morning.\n    -> <Shops Suffer>" in back


def test_the_support_argmap_writes_as_a_one_step_argument_reads_back_as_a_support():
    m, _ = read_argdown("[a]: A.\n\n[b]: B.\n    _> <c supports a>\n\n[c]: C.\n\n"
                        "<c supports a>\n\n(1) [c]\n----\n(2) [a]\n", "u.argdown")
    assert m.arguments == ()
    assert relations(m) == {("c", "supports", "a"), ("b", "undercuts", "c -> a")}


def test_a_statement_supporting_itself_is_reported_as_dropped():
    m, diagnostics = read_argdown("[a]: A.\n  + [a]\n", "self.argdown")
    assert m.relations == ()
    [d] = diagnostics
    assert (d.code, d.line, d.column) == ("X303", 2, 5) and "[a] and [a]" in d.message


def test_in_strict_mode_an_entailment_and_a_contrary_say_what_they_become():
    text = "===\nmodel:\n    mode: strict\n===\n\n[rain]: It rains.\n    +> [wet]: The street is wet.\n" \
           "    - [dry]: The street is dry.\n"
    m, diagnostics = read_argdown(text, "strict.argdown")
    assert relations(m) == {("rain", "supports", "wet"), ("dry", "contradicts", "rain")}
    notes = {d.line: d.message for d in diagnostics if "strict mode" in d.message}
    assert "entailment" in notes[7] and "`supports`" in notes[7] and "`contradicts`" in notes[8]
    # argmap reads the mode, so the setting is not reported as unused; another model setting is
    assert not [d for d in diagnostics if "model" in d.message]
    _, more = read_argdown(text.replace("    mode: strict\n", "    mode: strict\n    removeTagsFromText: true\n"),
                           "strict.argdown")
    assert [d.message for d in more if "model." in d.message] == [
        "front matter setting(s) model.removeTagsFromText configure Argdown's tools; argmap does not use them"]


# ---- titles ----------------------------------------------------------------------


def test_titles_are_kept_in_comments_and_come_back_in_argdown():
    m, _ = read("wrapped.argdown")
    titles = read_titles(m.comments)
    assert titles["longer_school_day"] == ("Longer School Day", False)
    assert titles["survey_evidence"] == ("Survey Evidence", True)      # an argument that became a claim
    assert titles["working_parents"] == ("Working Parents", True)
    back = write_argdown(through_argmap(m))
    assert "[Longer School Day]: Schools should keep pupils an hour longer each day. #education" in back
    assert "<Survey Evidence>: A survey of parents" in back
    assert "<Working Parents>\n\n(1) [Childcare Gap]" in back
    assert "argdown title" not in back   # the records are not repeated as Argdown comments


def test_a_title_survives_argmap_to_argdown_to_argmap():
    text = ("# argdown title: epidemic_influence = [Epidemic Influence]\n"
            "claim epidemic_influence: Bad air causes the fever.\n  supports fever\n\nclaim fever: The fever kills.\n")
    m = argmap.parse(text, "m.argmap")
    exported = write_argdown(m)
    assert "[Epidemic Influence]: Bad air causes the fever." in exported
    back, _ = read_argdown(exported, "m.argdown")
    assert {c.id for c in back.claims} == {"epidemic_influence", "fever"}
    assert read_titles(back.comments) == {"epidemic_influence": ("Epidemic Influence", False)}
    assert ("epidemic_influence", "supports", "fever") in relations(back)


def test_a_title_record_that_would_merge_two_claims_is_not_used():
    text = ("# argdown title: a = [b]\n"
            "claim a: A.\nclaim b: B.\n")
    exported = write_argdown(argmap.parse(text, "m.argmap"))
    assert "[a]: A." in exported and "[b]: B." in exported


def test_a_title_that_cannot_be_kept_is_named():
    m, diagnostics = read_argdown("[Costs (see <Annex>)]: It costs a lot.\n", "t.argdown")
    assert read_titles(m.comments) == {}
    [d] = [d for d in diagnostics if "cannot be kept" in d.message]
    assert d.code == "X305" and "[Costs (see <Annex>)]" in d.message


# ---- data, front matter, headings ---------------------------------------------------


def test_data_over_lines_is_one_element_not_relations():
    m, diagnostics = read("data.argdown")
    assert {c.id for c in m.claims} == {"four_day_week", "productivity", "trial_result", "what_held_in_the_trial",
                                         "morale"}
    assert relations(m) == {("productivity", "supports", "four_day_week"), ("morale", "supports", "four_day_week")}
    lost = {d.message for d in diagnostics if d.severity >= 2}
    assert "data key(s) sources have no place in argmap" in lost
    assert any("links of <Trial Argument>" in message for message in lost)
    # isInMap only says how Argdown draws the map: a note, not a loss
    [shown] = [d for d in diagnostics if "isInMap" in d.message]
    assert shown.code == "X305"


def test_folded_and_literal_yaml_in_the_front_matter():
    m, _ = read("comments.argdown")
    assert m.document.title == "Comments, wherever Argdown allows them"
    assert m.document.authors == ("R. Reader",)


def test_an_indented_heading_under_data_is_a_heading():
    m, _ = read("data.argdown")
    assert {c.id: c.group for c in m.claims}["morale"] == "an_indented_heading"


def test_a_file_of_headings_only_is_a_map_of_groups(tmp_path, capsys):
    m, diagnostics = read("headings_only.argdown")
    assert [(g.id, g.title, g.parent and str(g.parent)) for g in m.groups] == \
           [("costs", "Costs", None), ("costs_to_towns", "Costs to towns", "costs"), ("benefits", "Benefits", None)]
    assert m.claims == () and m.document.title == "An outline still to be filled in"
    assert diagnostics == []
    out = tmp_path / "outline.argmap"
    assert main(["convert", str(SYNTAX / "headings_only.argdown"), "-o", str(out)]) == 0
    assert main(["check", str(out)]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out
    back = write_argdown(through_argmap(m))
    assert "## Costs to towns {\"group\": \"costs_to_towns\"}" in back and "]:" not in back


def test_front_matter_alone_is_still_not_argdown():
    with pytest.raises(ConvertError) as err:
        read_argdown("===\ntitle: Nothing yet\n===\n", "front.argdown")
    assert err.value.diagnostics[0].code == "X301"


# ---- what changed shape is named -----------------------------------------------------


def test_arguments_carried_over_in_other_shapes_are_named():
    m, diagnostics = read("reshaped.argdown")
    notes = {d.line: d.message for d in diagnostics if d.code == "X305"}
    assert 3 not in notes  # <Health Argument>, from one premise, is an argument as it was
    assert "argument two_steps_1, argument two_steps" in notes[9] and "one argument again" in notes[9]
    assert {a.id for a in m.arguments} == {"health_argument", "two_steps_1", "two_steps"}


# ---- exit status and folders -----------------------------------------------------------


def test_a_statement_used_without_text_loses_nothing(tmp_path, capsys):
    source = tmp_path / "ref.argdown"
    source.write_text("[a]\n  + [b]: B.\n", encoding="utf-8")
    assert main(["convert", str(source), "-o", str(tmp_path / "ref.argmap")]) == 0
    assert "X305 [info] [a] is referred to but never given a text" in capsys.readouterr().err


def test_a_folder_is_converted_file_by_file_with_a_table(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["convert", str(SYNTAX), "-o", str(out), "--to", "argmap"]) == 1  # data.argdown loses data keys
    printed = capsys.readouterr().out
    names = sorted(p.name for p in SYNTAX.glob("*.argdown"))
    assert sorted(p.name for p in out.glob("*.argmap")) == [n.replace(".argdown", ".argmap") for n in names]
    for name in names:
        assert any(" -> " in line and line.split(" -> ")[0].endswith(name) for line in printed.splitlines())
    assert "data.argdown -> " in printed and "something lost" in printed
    header = next(line for line in printed.splitlines() if line.startswith("file"))
    assert header.split() == ["file", "status", "claims", "arguments", "relations", "warnings", "notes"]
    assert f"{len(names)} files" in printed and "0 failed" in printed
    for path in out.glob("*.argmap"):
        argmap.load(path)  # each output is a map


def test_a_folder_never_writes_over_an_output_and_says_which(tmp_path, capsys):
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.argdown").write_text("[a]: A.\n", encoding="utf-8")
    (source / "b.argdown").write_text("[b]: B.\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.argmap").write_text("# mine\n", encoding="utf-8")
    assert main(["convert", str(source), "-o", str(out), "--to", "argmap"]) == 2
    printed = capsys.readouterr().out
    assert (out / "a.argmap").read_text(encoding="utf-8") == "# mine\n"
    assert "a.argmap exists; not written over" in printed
    assert (out / "b.argmap").exists() and "1 failed" in printed


def test_a_folder_converted_several_files_at_a_time_gives_the_same_files_and_table(tmp_path, capsys):
    one, many = tmp_path / "one", tmp_path / "many"
    assert main(["convert", str(SYNTAX), "-o", str(one), "--to", "argmap"]) == 1
    alone = capsys.readouterr().out
    assert main(["convert", str(SYNTAX), "-o", str(many), "--to", "argmap", "--jobs", "3"]) == 1
    together = capsys.readouterr().out
    assert together.replace(str(many), "OUT") == alone.replace(str(one), "OUT")  # same lines, same order
    for path in one.glob("*.argmap"):
        assert (many / path.name).read_bytes() == path.read_bytes()


def test_two_inputs_for_one_output_are_not_converted_at_once(tmp_path, capsys):
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.argdown").write_text("[a]: A.\n", encoding="utf-8")
    (source / "a.ad").write_text("[b]: B.\n", encoding="utf-8")
    (source / "c.argdown").write_text("[c]: C.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["convert", str(source), "-o", str(out), "--to", "argmap", "--jobs", "2"]) == 2
    printed = capsys.readouterr().out
    assert printed.count("exists; not written over") == 1 and "1 failed" in printed
    assert "claim b: B." in (out / "a.argmap").read_text(encoding="utf-8")  # the first in order (a.ad) wins


@pytest.mark.parametrize("jobs", ["-1", "two"])
def test_a_bad_number_of_jobs_is_a_usage_error(tmp_path, capsys, jobs):
    with pytest.raises(SystemExit) as exit_:
        main(["convert", str(SYNTAX), "-o", str(tmp_path / "out"), "--to", "argmap", "--jobs", jobs])
    assert exit_.value.code == 2 and "--jobs" in capsys.readouterr().err


def test_a_folder_needs_a_target_format(tmp_path, capsys):
    assert main(["convert", str(SYNTAX), "-o", str(tmp_path / "out")]) == 2
    assert "--to" in capsys.readouterr().err and not (tmp_path / "out").exists()


def test_a_folder_as_json(tmp_path, capsys):
    assert main(["convert", str(SYNTAX), "-o", str(tmp_path / "out"), "--to", "argdown", "--format", "json"]) == 1
    rows = json.loads(capsys.readouterr().out)
    by_name = {row["input"].rsplit("/", 1)[-1]: row for row in rows}
    assert by_name["comments.argdown"]["status"] == "converted"
    assert by_name["comments.argdown"]["arguments"] == 1
    assert by_name["data.argdown"]["status"] == "lost"


# ---- Argdown's own CLI counts ----------------------------------------------------------


ROUND_TRIPS = ["comments.argdown", "wrapped.argdown", "relations.argdown", "data.argdown", "one_premise.argdown",
               "headings_only.argdown"]


@pytest.fixture(scope="module")
def argdown_read(argdown_cli, tmp_path_factory):  # noqa: F811
    """A folder with the files of SYNTAX the tests below name, each beside its round trip through
    argmap (``back-<name>``), the maps of EMPTY_TEXTS written as Argdown (``empty-<name>.argdown``),
    and Argdown's JSON of every one of them in ``out``: one run of its CLI (a second or so each)."""
    folder = tmp_path_factory.mktemp("argdown-counts")
    (folder / "in").mkdir()
    for name in [*ROUND_TRIPS, "reshaped.argdown", "step_undercut.argdown"]:
        (folder / "in" / name).write_text((SYNTAX / name).read_text(encoding="utf-8"), encoding="utf-8")
        m, _ = read(name)
        (folder / "in" / f"back-{name}").write_text(write_argdown(through_argmap(m)), encoding="utf-8")
    for name, text in EMPTY_TEXTS.items():
        (folder / "in" / f"empty-{name}.argdown").write_text(write_argdown(argmap.parse(text, f"{name}.argmap")),
                                                             encoding="utf-8")
    result = subprocess.run([str(argdown_cli), "json", str(folder / "in" / "*.argdown"), str(folder / "out")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


def argdown_counts(folder, name):
    """Statements, arguments and relations in Argdown's JSON of *name* (see argdown_read)."""
    data = json.loads((folder / "out" / name.replace(".argdown", ".json")).read_text(encoding="utf-8"))
    return len(data["statements"]), len(data["arguments"]), len(data["relations"])


@pytest.mark.parametrize("name", ROUND_TRIPS)
def test_argdown_counts_the_same_after_the_round_trip(argdown_read, name):
    assert argdown_counts(argdown_read, f"back-{name}") == argdown_counts(argdown_read, name)


def test_argdown_counts_the_same_after_the_steps_are_joined_again(argdown_read):
    _, diagnostics = read("reshaped.argdown")
    back = argdown_read / "in" / "back-reshaped.argdown"
    # <Health Argument> stays an argument; the two steps of <Two Steps> are one structure again
    assert argdown_counts(argdown_read, back.name) == argdown_counts(argdown_read, "reshaped.argdown")
    assert not any("Argdown counts one argument" in d.message for d in diagnostics)
    assert "<Health Argument>\n\n(1) [Sugar Harms]\n----\n(2) [Tax Sugar]" in back.read_text(encoding="utf-8")
    assert "<Two Steps>\n\n(1) [drinks_with_sugar_are_bought]\n(2) [what_children_buy_most_should]\n----\n" \
           "(3) [Cost More]\n(4) [a_tax_makes_a_drink]\n----\n(5) [Tax Sugar]" in back.read_text(encoding="utf-8")


def test_a_structure_whose_earlier_step_is_undercut_says_argdown_counts_more(argdown_read):
    m, diagnostics = read("step_undercut.argdown")
    assert ("no_rest", "undercuts", "night_trains_1") in relations(m)
    [note] = [d for d in diagnostics if "<Night Trains>" in d.message]
    assert note.code == "X305" and "names the inference of step 1" in note.message
    assert "stay 2 arguments (Argdown counts one)" in note.message
    # back-step_undercut.argdown is write_argdown(through_argmap(m)), counted in the same run of Argdown's CLI
    statements, arguments, relations_ = argdown_counts(argdown_read, "step_undercut.argdown")
    assert argdown_counts(argdown_read, "back-step_undercut.argdown") == (statements, arguments + 1, relations_)


EMPTY_TEXTS = {
    "groups_only": "group costs: Costs\ngroup towns (costs): Costs to towns\n",
    "wordings_only": ('claim a:\n  wording "Said one way."\n  wording "   "\n  supports b\n\n'
                      'claim b: B.\n  wording "B again."\n\nclaim c:\n  rebuts a\n'),
}


@pytest.mark.parametrize("name", sorted(EMPTY_TEXTS))
def test_no_statement_is_written_with_an_empty_text(name):
    back = write_argdown(argmap.parse(EMPTY_TEXTS[name], f"{name}.argmap"))
    assert not [line for line in back.splitlines() if line.rstrip().endswith("]:")]
    assert "[a]: Said one way." in back or name != "wordings_only"


@pytest.mark.parametrize("name", sorted(EMPTY_TEXTS))
def test_argdown_accepts_maps_of_empty_texts(argdown_read, name):
    m = argmap.parse(EMPTY_TEXTS[name], f"{name}.argmap")  # written as empty-<name>.argdown by argdown_read
    statements, arguments, relations_ = argdown_counts(argdown_read, f"empty-{name}.argdown")
    assert (statements, arguments, relations_) == (len(m.claims), 0, len(m.relations))


def test_the_steps_of_a_structure_stay_apart_when_a_relation_names_an_earlier_one():
    text = ("<a>\n\n(1) s1\n(2) s2\n----\n    <_ <b>\n(3) s3\n(4) s4\n----\n(5) s5\n\n"
            "<b>\n\n(1) s6\n(2) s7\n----\n(3) s8\n")
    m, _ = read_argdown(text, "steps.argdown")
    assert ("s8", "undercuts", "a_1") in relations(m)  # <b>: its conclusion
    back = write_argdown(through_argmap(m))
    assert "<a_1>\n\n(1) [s1]\n(2) [s2]\n----\n(3) [s3]" in back   # the undercut still has its inference
    again, _ = read_argdown(back, "back.argdown")
    assert relations(again) == relations(m)
