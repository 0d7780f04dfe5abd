"""The language server's editing features end to end: navigation, rename, completion, outline, fixes, formatting."""

from __future__ import annotations

import pytest

pytest.importorskip("pygls", reason="the lsp extra is not installed")
pytest_lsp = pytest.importorskip("pytest_lsp", reason="pytest-lsp is not installed")

from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

from argmap import loads  # noqa: E402
from tests.lsp_client import SERVER, apply, open_map, position_of, project, start  # noqa: E402

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return project(tmp_path_factory.mktemp("maps"))


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, root):
    lsp_client.versions = {}
    lsp_client.started = await start(lsp_client, root)
    yield
    await lsp_client.shutdown_session()


def doc(path) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=path.as_uri())


async def test_go_to_definition_crosses_into_a_used_map(client, root):
    debate = root / "new_approach_debate.argmap"
    text = debate.read_text(encoding="utf-8")
    await open_map(client, debate)
    at = position_of(text, "brown2017.falls_with_abe", len("brown2017.") + 2)
    [found] = await client.text_document_definition_async(types.DefinitionParams(text_document=doc(debate), position=at))
    brown = (root / "brown2017.argmap").read_text(encoding="utf-8")
    assert found.uri == (root / "brown2017.argmap").as_uri()
    assert found.range.start == position_of(brown, "claim falls_with_abe", len("claim "))


async def test_references_of_a_claim_include_the_maps_that_use_it(client, root):
    brown = root / "brown2017.argmap"
    text = brown.read_text(encoding="utf-8")
    await open_map(client, brown)
    at = position_of(text, "claim falls_with_abe", len("claim ") + 1)
    found = await client.text_document_references_async(types.ReferenceParams(
        text_document=doc(brown), position=at, context=types.ReferenceContext(include_declaration=True)))
    uris = {f.uri for f in found}
    assert (root / "new_approach_debate.argmap").as_uri() in uris and brown.as_uri() in uris
    debate = (root / "new_approach_debate.argmap").read_text(encoding="utf-8")
    assert sum(f.uri.endswith("new_approach_debate.argmap") for f in found) == debate.count("brown2017.falls_with_abe")


async def test_renaming_a_claim_renames_it_in_every_map_that_names_it(client, root):
    brown = root / "brown2017.argmap"
    text = brown.read_text(encoding="utf-8")
    at = position_of(text, "claim falls_with_abe", len("claim "))
    edit = await client.text_document_rename_async(types.RenameParams(
        text_document=doc(brown), position=at, new_name="falls_when_abe_goes"))
    debate_uri = (root / "new_approach_debate.argmap").as_uri()
    assert set(edit.changes) == {brown.as_uri(), debate_uri}
    renamed = apply(text, edit.changes[brown.as_uri()])
    assert "falls_with_abe" not in renamed
    m = loads(renamed)
    assert "falls_when_abe_goes" in m.nodes
    debate = apply((root / "new_approach_debate.argmap").read_text(encoding="utf-8"), edit.changes[debate_uri])
    assert "brown2017.falls_when_abe_goes" in debate and "falls_with_abe" not in debate


async def test_a_rename_to_a_keyword_or_a_taken_name_is_refused(client, root):
    brown = root / "brown2017.argmap"
    text = brown.read_text(encoding="utf-8")
    at = position_of(text, "claim falls_with_abe", len("claim "))
    for bad in ("supports", "two_plus_alpha", "not a name"):
        assert await client.text_document_rename_async(types.RenameParams(
            text_document=doc(brown), position=at, new_name=bad)) is None


async def test_renaming_a_footnote_label_renumbers_its_citations(client, root):
    path = root / "notes.argmap"
    text = "claim a: A. [^1]\nclaim b: B. [^1] [^2]\n\nfootnotes\n  [^1]: Kyodo, 2016.\n  [^2]: Nikkei, 2016.\n"
    await open_map(client, path, text)
    edit = await client.text_document_rename_async(types.RenameParams(
        text_document=doc(path), position=position_of(text, "[^1]", 2), new_name="7"))
    renamed = apply(text, edit.changes[path.as_uri()])
    assert renamed == text.replace("[^1]", "[^7]")


async def test_completion_offers_what_fits_where_the_cursor_is(client, root):
    path = root / "complete.argmap"
    base = (root / "brown2017.argmap").read_text(encoding="utf-8")
    await open_map(client, path, base)

    async def labels(line_text: str) -> set[str]:
        text = base.replace("\nfootnotes\n", f"\n{line_text}\n\nfootnotes\n", 1)
        from tests.lsp_client import replace

        client.versions.pop(path.as_uri(), None)
        version = labels.version = getattr(labels, "version", 1) + 1
        await replace(client, path, text, version)
        at = position_of(text, line_text, len(line_text))
        result = await client.text_document_completion_async(types.CompletionParams(text_document=doc(path), position=at))
        return {i.label for i in result.items}

    assert {"togo", "brown", "reader"} <= await labels("claim x (")
    assert {"togo", "putin", "mainichi"} <= await labels("claim x (togo) by ")
    assert "two_plus_alpha" in await labels("two_plus_alpha_x supports two_")
    assert await labels("claim x (togo): X. [^1") >= {"1", "10", "11"}
    assert "new_approach" in await labels("argument z (togo): two_plus_alpha + new_")


async def test_completion_in_the_header_offers_field_names(client, root):
    path = root / "brown2017.argmap"
    text = path.read_text(encoding="utf-8")
    await open_map(client, path)
    at = position_of(text, "  published", 2)
    result = await client.text_document_completion_async(types.CompletionParams(text_document=doc(path), position=at))
    assert {"author", "published", "text", "url"} <= {i.label for i in result.items}


async def test_the_outline_puts_cases_under_theses_and_claims_under_cases(client, root):
    path = root / "brown2017.argmap"
    found = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc(path)))
    by_name = {s.name: s for s in found}
    thesis = by_name["new_approach"]
    assert {c.name for c in thesis.children} == {"brown", "togo"}
    togo = next(c for c in thesis.children if c.name == "togo")
    assert "two_plus_alpha" in {c.name for c in togo.children}
    m = loads(path.read_text(encoding="utf-8"))
    assert sum(s.name.startswith("[^") for s in found) == len(m.footnotes)


async def test_folding_covers_multi_line_statements_and_the_footnotes(client, root):
    path = root / "brown2017.argmap"
    text = path.read_text(encoding="utf-8")
    folds = await client.text_document_folding_range_async(types.FoldingRangeParams(text_document=doc(path)))
    starts = {(f.start_line, f.end_line) for f in folds}
    claim = position_of(text, "claim two_plus_alpha").line
    assert any(s == claim and e >= claim + 5 for s, e in starts)  # its text, supports and tags lines
    heading = text.split("\n").index("footnotes")
    assert any(s == heading and e >= len(text.split("\n")) - 5 for s, e in starts)


async def test_semantic_tokens_colour_keywords_and_names_as_the_lexer_does(client, root):
    path = root / "brown2017.argmap"
    text = path.read_text(encoding="utf-8")
    legend = client.started.capabilities.semantic_tokens_provider.legend.token_types
    result = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=doc(path)))
    data, line, col, seen = result.data, 0, 0, {}
    lines = text.split("\n")
    for i in range(0, len(data), 5):
        line += data[i]
        col = data[i + 1] if data[i] else col + data[i + 1]
        seen.setdefault(lines[line][col:col + data[i + 2]], legend[data[i + 3]])
    assert seen["thesis"] == "keyword" and seen["supports"] == "keyword"
    assert seen["new_approach"] == "function"  # the id a statement defines


async def test_formatting_gives_what_argmap_fmt_gives(client, root):
    from argmap import format_text

    path = root / "messy.argmap"
    text = "claim   a :  A.\n      supports   b\nclaim b: B.\n"
    await open_map(client, path, text)
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=doc(path), options=types.FormattingOptions(tab_size=2, insert_spaces=True)))
    assert apply(text, edits) == format_text(text)
    ranged = await client.text_document_range_formatting_async(types.DocumentRangeFormattingParams(
        text_document=doc(path), range=types.Range(start=types.Position(line=2, character=0),
                                                   end=types.Position(line=2, character=5)),
        options=types.FormattingOptions(tab_size=2, insert_spaces=True)))
    assert apply(text, ranged) == text  # line 3 is formatted already: the changes above are left alone


async def actions_for(client, path, diagnostics):
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=doc(path), range=diagnostics[0].range, context=types.CodeActionContext(diagnostics=diagnostics)))


async def test_a_missing_footnote_gets_a_stub_and_the_finding_goes(client, root):
    from tests.lsp_client import replace

    path = root / "stub.argmap"
    text = "claim a: A. [^1] [^2]\n\nfootnotes\n  [^1]: Kyodo, 2016.\n"
    found = await open_map(client, path, text)
    c101 = [d for d in found if d.code == "C101"]
    fix = next(a for a in await actions_for(client, path, c101) if a.title.startswith("Add a stub"))
    fixed = apply(text, fix.edit.changes[path.as_uri()])
    assert "C101" not in [d.code for d in await replace(client, path, fixed, 2)]


async def test_a_finding_can_be_acknowledged_with_a_reason(client, root):
    from tests.lsp_client import replace

    path = root / "ack.argmap"
    text = "claim a: A.\n  supports a\n"
    found = await open_map(client, path, text)
    s202 = [d for d in found if d.code == "S202"]
    fix = next(a for a in await actions_for(client, path, s202) if a.title.startswith("Acknowledge S202"))
    fixed = apply(text, fix.edit.changes[path.as_uri()])
    assert "# argmap: ignore[S202] reason:" in fixed
    assert "S202" not in [d.code for d in await replace(client, path, fixed, 2)]


async def test_renumbering_puts_footnotes_in_citation_order(client, root):
    from tests.lsp_client import replace

    path = root / "order.argmap"
    text = ("claim a: A. [^2]\nclaim b: B. [^1]\n\nfootnotes\n  [^1]: Nikkei, 2016.\n  [^2]: Kyodo, 2016.\n")
    found = await open_map(client, path, text)
    actions = await actions_for(client, path, found or [types.Diagnostic(range=types.Range(
        start=types.Position(line=0, character=0), end=types.Position(line=0, character=1)), message="")])
    fix = next(a for a in actions if a.title.startswith("Renumber"))
    fixed = apply(text, fix.edit.changes[path.as_uri()])
    m = loads(fixed)
    assert m.claims[0].citations[0].label == "1" and m.footnote("1").text == "Kyodo, 2016."
    assert [n.label for n in m.footnotes] == ["1", "2"]
    assert "C104" not in [d.code for d in await replace(client, path, fixed, 2)]


async def test_a_close_misquotation_can_take_the_article_s_exact_words(client, root):
    from tests.lsp_client import replace

    path = root / "misquote2.argmap"
    text = (root / "brown2017.argmap").read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.strip().startswith('quote "') and len(x) > 60)
    inner = line.split('"')[1]
    words = inner.split()
    words[len(words) // 2] = words[len(words) // 2] + "x"
    changed = text.replace(line, line.replace(inner, " ".join(words)), 1)
    found = await open_map(client, path, changed)
    c108 = [d for d in found if d.code == "C108"]
    assert c108
    fix = next(a for a in await actions_for(client, path, c108) if a.title.startswith("Quote the article"))
    fixed = apply(changed, fix.edit.changes[path.as_uri()])
    assert "C108" not in [d.code for d in await replace(client, path, fixed, 2)]
