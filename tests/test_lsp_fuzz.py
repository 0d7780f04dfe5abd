"""No input ends the language server or sends it into an error: random edits to the seed maps, then every feature.

Hypothesis makes edits (a cut somewhere in a seed map, text from the
language's own pieces put in); after each, the diagnostics must come back
for that version and every request at a random place must be answered,
with no feature failing inside the server (its ``argmap.stats`` command
counts them).
"""

from __future__ import annotations

import asyncio

import pytest

pytest.importorskip("pygls", reason="the lsp extra is not installed")
pytest.importorskip("pytest_lsp", reason="pytest-lsp is not installed")

from hypothesis import given, settings, strategies as st  # noqa: E402
from lsprotocol import types  # noqa: E402
from pytest_lsp import make_test_lsp_client  # noqa: E402

from tests.lsp_client import SERVER, project, published, start  # noqa: E402

PIECES = ["claim ", "thesis ", "case ", " for ", " against ", "(", ")", " by ", ": ", "[^", "]", "]:", "\n",
          "\\\n", "  supports ", "  rebuts ", "  undercuts ", " -> ", " + ", "argument ", "quote \"", "\"",
          "footnotes\n", "  [^1]: Ibid.\n", "use ", "map ", "{", "}", "# argmap: ignore[C101]", ".", "x", "é", "😀",
          "\t", "brown2017.", "togo"]
SEED_NAMES = ["brown2017.argmap", "akiyama2015.argmap", "new_approach_debate.argmap"]


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    root = project(tmp_path_factory.mktemp("fuzz"))
    loop = asyncio.new_event_loop()
    client = make_test_lsp_client()
    client.versions = {}
    loop.run_until_complete(client.start_io(*SERVER))
    loop.run_until_complete(start(client, root))
    yield loop, client, root
    loop.run_until_complete(client.shutdown_session())
    loop.run_until_complete(client.stop())
    loop.close()


async def exercise(client, root, name: str, text: str, version: int, where: float) -> None:
    path = root / f"fuzz_{name}"
    uri = path.as_uri()
    if version == 1:
        client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=uri, language_id="argmap", version=1, text=text)))
    else:
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    await published(client, uri, version)
    lines = text.split("\n")
    line = min(int(where * len(lines)), len(lines) - 1)
    pos = types.Position(line=line, character=len(lines[line].encode("utf-16-le")) // 2 // 2)
    doc = types.TextDocumentIdentifier(uri=uri)
    whole = types.Range(start=types.Position(line=0, character=0), end=pos)
    fmt = types.FormattingOptions(tab_size=2, insert_spaces=True)
    await asyncio.gather(
        client.text_document_hover_async(types.HoverParams(text_document=doc, position=pos)),
        client.text_document_definition_async(types.DefinitionParams(text_document=doc, position=pos)),
        client.text_document_references_async(types.ReferenceParams(
            text_document=doc, position=pos, context=types.ReferenceContext(include_declaration=True))),
        client.text_document_rename_async(types.RenameParams(text_document=doc, position=pos, new_name="renamed")),
        client.text_document_completion_async(types.CompletionParams(text_document=doc, position=pos)),
        client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc)),
        client.text_document_folding_range_async(types.FoldingRangeParams(text_document=doc)),
        client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=doc)),
        client.text_document_formatting_async(types.DocumentFormattingParams(text_document=doc, options=fmt)),
        client.text_document_range_formatting_async(types.DocumentRangeFormattingParams(
            text_document=doc, range=whole, options=fmt)),
        client.text_document_code_action_async(types.CodeActionParams(
            text_document=doc, range=whole, context=types.CodeActionContext(diagnostics=client.diagnostics[uri]))),
    )


edits = st.lists(st.tuples(st.floats(0, 1), st.integers(0, 40), st.lists(st.sampled_from(PIECES), max_size=4)),
                 min_size=1, max_size=3)


@pytest.mark.slow
@settings(max_examples=20)
@given(name=st.sampled_from(SEED_NAMES), changes=edits, where=st.floats(0, 1))
def test_random_edits_never_break_the_server(session, name, changes, where):
    loop, client, root = session
    text = (root / name).read_text(encoding="utf-8")
    client.versions.pop((root / f"fuzz_{name}").as_uri(), None)
    counter = getattr(test_random_edits_never_break_the_server, "count", 0) + 1
    test_random_edits_never_break_the_server.count = counter
    key = f"{counter}_{name}"
    loop.run_until_complete(exercise(client, root, key, text, 1, where))
    for version, (at, cut, pieces) in enumerate(changes, 2):
        start = int(at * len(text))
        text = text[:start] + "".join(pieces) + text[start + cut:]
        loop.run_until_complete(exercise(client, root, key, text, version, where))
    stats = loop.run_until_complete(client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="argmap.stats")))
    assert stats["failures"] == 0
    assert not [m for m in client.messages if m.type == types.MessageType.Error]
