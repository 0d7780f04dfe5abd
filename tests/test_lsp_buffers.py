"""The language server reads a used map from its open buffer, saved or not, and follows that buffer's changes."""

from __future__ import annotations

import asyncio

import pytest

pytest.importorskip("pygls", reason="the lsp extra is not installed")
pytest_lsp = pytest.importorskip("pytest_lsp", reason="pytest-lsp is not installed")

from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

from tests.lsp_client import SERVER, close, open_map, published, replace, start  # noqa: E402

pytestmark = pytest.mark.asyncio(loop_scope="module")

USED = "map facts \"Facts\" {\n  author \"A. Writer\"\n}\n\nclaim rain: It rained.\n"
USER = "use facts\n\nthesis wet: The streets are wet.\n\nclaim seen: I saw it.\n  supports wet\n" \
       "facts.rain supports wet\n"


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    folder = tmp_path_factory.mktemp("buffers")
    (folder / "facts.argmap").write_text(USED, encoding="utf-8")
    (folder / "street.argmap").write_text(USER, encoding="utf-8")
    return folder


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, root):
    lsp_client.versions = {}
    await start(lsp_client, root)
    yield
    await lsp_client.shutdown_session()


def codes(diagnostics) -> list[str]:
    return sorted(str(d.code) for d in diagnostics)


async def test_an_unsaved_edit_to_a_used_map_reaches_the_map_that_uses_it_and_closing_undoes_it(client, root):
    street, facts = root / "street.argmap", root / "facts.argmap"
    assert "C110" not in codes(await open_map(client, street))
    await open_map(client, facts)
    # rename the used claim in the editor only: the file on disk still has `rain`
    client.diagnostics.pop(street.as_uri(), None)
    await replace(client, facts, USED.replace("claim rain", "claim drizzle"), 2)
    after = await published(client, street.as_uri(), 1)
    dangling = [d for d in after if str(d.code) == "C110"]
    assert dangling and "rain" in dangling[0].message
    assert facts.read_text(encoding="utf-8") == USED  # nothing was written
    # closed without saving: the disk's text counts again
    client.diagnostics.pop(street.as_uri(), None)
    close(client, facts)
    assert "C110" not in codes(await published(client, street.as_uri(), 1))


async def test_a_used_map_opened_with_new_text_is_read_from_the_buffer_when_the_user_is_checked(client, root):
    street, facts = root / "street.argmap", root / "facts.argmap"
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=facts.as_uri(), language_id="argmap", version=5, text=USED.replace("claim rain", "claim hail"))))
    # the map that uses it is edited next: its analysis reads the buffer, not the file
    text = USER + "\n# a comment\n"
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=street.as_uri(), version=3),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))

    def dangling() -> bool:
        return any(str(d.code) == "C110" and "rain" in d.message for d in client.diagnostics.get(street.as_uri(), []))

    for _ in range(200):  # the diagnostics of the change, however soon they come
        if dangling():
            break
        await asyncio.sleep(0.1)
    assert dangling()
