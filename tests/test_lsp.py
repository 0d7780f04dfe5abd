"""The language server end to end: a real LSP client (pytest-lsp) drives ``argmap lsp`` over stdio.

One server for the module, on a copy of the seed maps whose argmap.toml
names the articles' folder; each test opens the map it needs, broken
copies are opened under a new name so no test sees another's edits.
"""

from __future__ import annotations

import pytest

pytest.importorskip("pygls", reason="the lsp extra is not installed")
pytest_lsp = pytest.importorskip("pytest_lsp", reason="pytest-lsp is not installed")

from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

from tests.lsp_client import SERVER, open_map, position_of, project, replace, start  # noqa: E402

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return project(tmp_path_factory.mktemp("maps"))


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, root):
    lsp_client.versions = {}
    await start(lsp_client, root)
    yield
    await lsp_client.shutdown_session()


def codes(diagnostics) -> list[str]:
    return [d.code for d in diagnostics]


def text_of(root, name: str) -> str:
    return (root / name).read_text(encoding="utf-8")


def hover_text(h: types.Hover | None) -> str:
    assert h is not None
    return h.contents.value


# -- diagnostics ------------------------------------------------------------------------------------


async def test_a_seed_map_opens_clean_because_its_findings_are_acknowledged(client, root):
    # brown2017 checks clean with `argmap check --text-dir`: its C108 and other findings carry reasons;
    # what is left are the notes of the critical questions its inferences leave open (S219, info)
    found = await open_map(client, root / "brown2017.argmap")
    assert found and {d.code for d in found} == {"S219"}
    assert all(d.severity == types.DiagnosticSeverity.Information for d in found)


async def test_a_broken_citation_is_reported_as_soon_as_it_is_typed(client, root):
    path = root / "broken_cite.argmap"
    text = text_of(root, "brown2017.argmap").replace("[^2]\n", "[^77]\n", 1)
    path.write_text(text, encoding="utf-8")
    found = await open_map(client, path)
    c101 = [d for d in found if d.code == "C101"]
    assert len(c101) == 1 and "[^77]" in c101[0].message
    assert c101[0].severity == types.DiagnosticSeverity.Error and c101[0].source == "argmap"
    assert c101[0].range.start == position_of(text, "[^77]")
    assert c101[0].code_description.href.endswith("rules.md#c101-undefined-footnote")
    # the note it no longer cites is unused now: reported too
    assert "C102" in codes(found)
    # fixing it in the editor clears both, without saving
    assert [d for d in await replace(client, path, text.replace("[^77]", "[^2]"), 2) if d.code != "S219"] == []


async def test_a_support_circle_points_at_its_other_end(client, root):
    path = root / "circle.argmap"
    text = "claim a: A.\n  supports b\nclaim b: B.\n  supports a\n"
    found = await open_map(client, path, text)
    [circle] = [d for d in found if d.code == "S203"]
    assert circle.range.start.line == 0
    related = {(r.location.range.start.line, r.message) for r in circle.related_information}
    assert (2, "b") in related  # claim b, the circle's other end, on line 3


async def test_a_repeated_source_points_at_the_first_note(client, root):
    path = root / "same_source.argmap"
    text = ("claim a: A. [^1]\nclaim b: B. [^2]\n\nfootnotes\n"
            "  [^1]: Bloomberg, September 2, 2016.\n  [^2]: Bloomberg, September 2, 2016.\n")
    found = await open_map(client, path, text)
    [same] = [d for d in found if d.code == "C109"]
    assert same.range.start.line == 5
    assert [r.location.range.start.line for r in same.related_information] == [4]


async def test_a_quotation_not_in_the_article_is_found_through_the_configured_text_dir(client, root):
    path = root / "misquote.argmap"
    text = text_of(root, "brown2017.argmap")
    quote = 'quote "'
    start = text.index(quote) + len(quote)
    changed = text[:start] + "Surely " + text[start:]
    path.write_text(changed, encoding="utf-8")
    found = await open_map(client, path)
    c108 = [d for d in found if d.code == "C108"]
    assert c108 and "closest passage" in c108[0].message
    assert "C113" not in codes(found)  # the article was found


async def test_a_syntax_error_is_a_diagnostic_and_the_rest_still_works(client, root):
    path = root / "typing.argmap"
    text = text_of(root, "brown2017.argmap") + "\nclaim (\n"
    found = await open_map(client, path, text)
    assert "A001" in codes(found)
    # navigation still works on the last map that parsed: none yet here, so nothing, but no error either
    result = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=position_of(text, "two_plus_alpha")))
    assert result is None


# -- hover ----------------------------------------------------------------------------------------


async def test_hover_on_a_claim_reference_shows_text_case_speaker_and_label(client, root):
    path = root / "brown2017.argmap"
    text = text_of(root, "brown2017.argmap")
    await open_map(client, path)
    at = position_of(text, "supports two_plus_alpha", len("supports "))
    shown = hover_text(await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=at)))
    assert "Japan can settle the dispute" in shown
    assert "case: `togo`" in shown and "Togo Kazuhiko" in shown
    assert "evaluation (grounded): **" in shown


async def test_hover_on_a_citation_shows_the_note_and_the_passage_quoted(client, root):
    path = root / "brown2017.argmap"
    text = text_of(root, "brown2017.argmap")
    line = next(x for x in text.splitlines() if x.strip().startswith('quote "') and "[^" in x)
    label = line[line.rindex("[^") + 2:line.rindex("]")]
    at = position_of(text, line, line.rindex("[^") + 2)
    shown = hover_text(await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=at)))
    assert f"**[^{label}]**" in shown
    assert ("found in `001_ecff49c0a03a943e.txt`" in shown) or ("closest passage" in shown)
    # where a search for `[^5` leaves the cursor, on the `[` or the `^`, the hover is the same
    for offset in (0, 1):
        on_bracket = position_of(text, line, line.rindex("[^") + offset)
        assert hover_text(await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=on_bracket))) == shown


async def test_hover_on_an_ibid_note_names_the_item_it_repeats(client, root):
    path = root / "ibid.argmap"
    text = "claim a: A. [^2]\nclaim b: B. [^1]\n\nfootnotes\n  [^1]: Kyodo, December 13, 2016.\n  [^2]: Ibid.\n"
    await open_map(client, path, text)
    shown = hover_text(await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=position_of(text, "[^2]", 2))))
    assert "Ibid. is [^1]: Kyodo, December 13, 2016." in shown


async def test_hover_on_a_rule_code_in_a_comment_explains_the_rule(client, root):
    path = root / "brown2017.argmap"
    text = text_of(root, "brown2017.argmap")
    line = next(x for x in text.splitlines() if "argmap: ignore[" in x)
    code = line.split("ignore[", 1)[1][:4]
    shown = hover_text(await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=position_of(text, line, line.index(code) + 1))))
    from argmap import find_rule

    assert shown.startswith(f"**{code} {find_rule(code).name}**") and find_rule(code).summary in shown


async def test_hover_shows_a_claims_group_and_wordings_and_a_groups_title(client, root):
    path = root / "groups.argmap"
    text = ("group moscow: What Moscow says\ngroup law (moscow): Russian law and the islands\n"
            "claim a: Russia says the islands are its own.\n  in law\n  wording \"Moscow holds all four islands.\"\n"
            "  supports b\nclaim b: No deal is near.\n  in moscow\n")
    await open_map(client, path, text)

    async def shown(needle: str, offset: int) -> str:
        return hover_text(await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=position_of(text, needle, offset))))

    on_claim = await shown("supports b", len("supports "))
    assert "No deal is near." in on_claim and "group: `moscow`, What Moscow says" in on_claim
    on_a = await shown("claim a", len("claim "))
    assert "also worded:\n- Moscow holds all four islands." in on_a
    on_group = await shown("in law", len("in "))
    assert "**group law** (in `moscow`)" in on_group and "Russian law and the islands" in on_group
    assert "1 claim(s)" in on_group
    definition = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=position_of(text, "in law", 3)))
    assert definition and definition[0].range.start.line == 1
