"""Shared set-up of the language server tests: a copy of the seed maps, and a real client over stdio.

The copy has an ``argmap.toml`` naming the articles' folder, so the server
finds the text directory from the configuration as ``argmap check`` does.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
from pathlib import Path

from lsprotocol import types

from tests.conftest import MAPS, SEEDS

SERVER = [sys.executable, "-m", "argmap", "lsp"]


def project(folder: Path) -> Path:
    """*folder* filled with the seed maps and a configuration naming the article texts; returns it."""
    for f in MAPS.glob("*.argmap"):
        shutil.copy(f, folder / f.name)
    (folder / "argmap.toml").write_text(f'text-dir = "{SEEDS.as_posix()}"\n', encoding="utf-8")
    return folder


async def start(client, root: Path) -> types.InitializeResult:
    """Initialise the session with *root* as the workspace folder; the server's answer."""
    return await client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(),
        root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)]))


async def published(client, uri: str, version: int, timeout: float = 20.0) -> list[types.Diagnostic]:
    """The diagnostics the server publishes for *uri* at *version* (waiting for them)."""
    async def wait():
        while True:
            found = client.diagnostics.get(uri)
            if found is not None and client.versions.get(uri) == version:
                return list(found)
            params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            client.versions[params.uri] = params.version
    return await asyncio.wait_for(wait(), timeout)


async def open_map(client, path: Path, text: str | None = None, version: int = 1) -> list[types.Diagnostic]:
    """Open *path* (with *text* instead of its file's, if given) and wait for its diagnostics."""
    uri = path.as_uri()
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="argmap", version=version,
        text=path.read_text(encoding="utf-8") if text is None else text)))
    return await published(client, uri, version)


async def replace(client, path: Path, text: str, version: int) -> list[types.Diagnostic]:
    """Replace the whole text of the open *path* and wait for the diagnostics of *version*."""
    uri = path.as_uri()
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    return await published(client, uri, version)


def close(client, path: Path) -> None:
    """Close *path* in the editor."""
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri())))


def position_of(text: str, needle: str, offset: int = 0, nth: int = 0) -> types.Position:
    """The position *offset* characters into the *nth* occurrence of *needle* in *text* (ASCII lines)."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    at += offset
    line = text.count("\n", 0, at)
    return types.Position(line=line, character=at - (text.rfind("\n", 0, at) + 1))


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """*text* with *edits* applied (LSP: all ranges refer to the text before any edit)."""
    lines = text.split("\n")

    def offset(p: types.Position) -> int:
        return sum(len(x) + 1 for x in lines[:p.line]) + p.character

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(e.range.start)] + e.new_text + text[offset(e.range.end):]
    return text
