"""The language server: pygls wiring, one handler a feature, each a call into a pure module.

Every handler runs behind :func:`_guarded`: whatever a module raises is
logged to the server's standard error and answered with "nothing here",
so no traceback reaches the editor for any text.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from argmap import __version__
from argmap.lsp import actions, completion, diagnostics, formatting, hover, navigation, outline
from argmap.lsp.state import Analysis, Environment, analyse, path_of

log = logging.getLogger("argmap.lsp")
F = TypeVar("F", bound=Callable[..., Any])
STATS = "argmap.stats"
"""The command (workspace/executeCommand) that reports failures and timings, for tests and benchmarks."""


class ArgmapServer(LanguageServer):
    """The argmap language server: the open documents, analysed, and what analysing reads."""

    def __init__(self) -> None:
        super().__init__("argmap", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.env = Environment()
        self.analyses: dict[str, Analysis] = {}
        self.docs: str | None = diagnostics.default_docs()
        self.timings: list[float] = []  # seconds from a change arriving to its diagnostics sent
        self.failures = 0  # features that raised (and were answered with nothing)
        self.closing: set[str] = set()  # paths of documents being closed: no longer buffers, whatever the workspace says

    def report_server_error(self, error: Exception, source: Any) -> None:
        """Log errors to standard error instead of showing them in the editor."""
        log.error("argmap language server: %s: %s", type(error).__name__, error)

    def analysis(self, uri: str) -> Analysis | None:
        """The current analysis of *uri*, made now if the document changed since the last one."""
        doc = self.workspace.get_text_document(uri)
        known = self.analyses.get(uri)
        if known is not None and known.version == doc.version and known.text == doc.source:
            return known
        buffers = {p: t for p, t in self.open_texts().items() if p not in self.closing}
        found = analyse(uri, doc.source, doc.version, self.env, known, buffers)
        self.analyses[uri] = found
        return found

    def open_texts(self) -> dict[str, str]:
        """The text of every open document by its file path: the editor's unsaved text wins over the disk's."""
        found = {}
        for uri, doc in self.workspace.text_documents.items():
            path = path_of(uri)
            if path is not None:
                found[path] = doc.source
        return found

    def dependents(self, uri: str) -> list[str]:
        """The open documents whose maps use the document *uri* (directly or through others)."""
        path = path_of(uri)
        if path is None:
            return []
        where = Path(path).resolve()
        return [other for other, a in self.analyses.items() if other != uri and where in a.uses]

    def republish_dependents(self, uri: str) -> None:
        """Analyse again, and publish, every open map that uses *uri*: its buffer changed or closed."""
        for other in self.dependents(uri):
            self.analyses.pop(other, None)
            if other in self.workspace.text_documents:
                _guarded()(self.publish)(other)

    def publish(self, uri: str, started: float | None = None) -> None:
        """Analyse *uri* and send its diagnostics."""
        found = self.analysis(uri)
        if found is None:
            return
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=found.version, diagnostics=diagnostics.to_lsp(found, self.docs)))
        if started is not None:
            self.timings.append(time.perf_counter() - started)


def _guarded(default: Any = None) -> Callable[[F], F]:
    """A handler that logs what it raises and answers *default* instead."""
    def wrap(function: F) -> F:
        @functools.wraps(function)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return function(*args, **kwargs)
            except Exception:  # noqa: BLE001 - the editor must keep working whatever a feature hits
                log.exception("argmap language server: %s failed", function.__name__)
                server = next((a for a in args if isinstance(a, ArgmapServer)), None)
                if server is not None:
                    server.failures += 1
                return default
        return run  # type: ignore[return-value]
    return wrap


def build() -> ArgmapServer:
    """A server with every feature registered."""
    server = ArgmapServer()

    @server.feature(types.INITIALIZE)
    @_guarded()
    def initialize(ls: ArgmapServer, params: types.InitializeParams) -> None:
        options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        dirs = options.get("textDirs") or options.get("text_dirs") or ()
        ls.env.text_dirs = tuple(str(d) for d in ([dirs] if isinstance(dirs, str) else dirs))
        if isinstance(options.get("docsUrl"), str):
            ls.docs = options["docsUrl"] or None

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @_guarded()
    def did_open(ls: ArgmapServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri, time.perf_counter())

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @_guarded()
    def did_change(ls: ArgmapServer, params: types.DidChangeTextDocumentParams) -> None:
        uri, version, started = params.text_document.uri, params.text_document.version, time.perf_counter()

        def later() -> None:  # changes that came in meanwhile supersede this one: check only the latest
            doc = ls.workspace.get_text_document(uri)
            if doc.version == version:
                _guarded()(ls.publish)(uri, started)
                ls.republish_dependents(uri)  # the maps that use this one see the unsaved text too
        asyncio.get_running_loop().call_soon(later)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    @_guarded()
    def did_save(ls: ArgmapServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.env.forget()  # a saved map may be used by the other open maps: read everything again
        for uri in list(ls.analyses):
            ls.analyses.pop(uri, None)
            ls.publish(uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @_guarded()
    def watched(ls: ArgmapServer, params: types.DidChangeWatchedFilesParams) -> None:
        did_save(ls, params)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @_guarded()
    def did_close(ls: ArgmapServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        closed = path_of(uri)
        ls.closing = {closed} if closed else set()
        try:
            ls.republish_dependents(uri)  # they read the file on disk again
        finally:
            ls.closing = set()
        ls.analyses.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri,
                                                                             diagnostics=[]))

    def at(ls: ArgmapServer, params: Any) -> Analysis | None:
        return ls.analysis(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @_guarded()
    def on_hover(ls: ArgmapServer, params: types.HoverParams) -> types.Hover | None:
        a = at(ls, params)
        return hover.hover(a, params.position) if a else None

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    @_guarded()
    def on_definition(ls: ArgmapServer, params: types.DefinitionParams) -> list[types.Location] | None:
        a = at(ls, params)
        return navigation.definition(a, params.position) if a else None

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    @_guarded()
    def on_references(ls: ArgmapServer, params: types.ReferenceParams) -> list[types.Location] | None:
        a = at(ls, params)
        return navigation.references(a, params.position, ls.open_texts(),
                                     params.context.include_declaration) if a else None

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    @_guarded()
    def on_prepare_rename(ls: ArgmapServer, params: types.PrepareRenameParams) -> types.Range | None:
        a = at(ls, params)
        return navigation.prepare_rename(a, params.position) if a else None

    @server.feature(types.TEXT_DOCUMENT_RENAME, types.RenameOptions(prepare_provider=True))
    @_guarded()
    def on_rename(ls: ArgmapServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
        a = at(ls, params)
        return navigation.rename(a, params.position, params.new_name, ls.open_texts()) if a else None

    @server.feature(types.TEXT_DOCUMENT_COMPLETION,
                    types.CompletionOptions(trigger_characters=["^", "(", " ", "."]))
    @_guarded()
    def on_completion(ls: ArgmapServer, params: types.CompletionParams) -> types.CompletionList | None:
        a = at(ls, params)
        return completion.complete(a, params.position) if a else None

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    @_guarded()
    def on_symbols(ls: ArgmapServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol] | None:
        a = at(ls, params)
        return outline.symbols(a) if a else None

    @server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
    @_guarded()
    def on_folding(ls: ArgmapServer, params: types.FoldingRangeParams) -> list[types.FoldingRange] | None:
        a = at(ls, params)
        return outline.folding(a) if a else None

    @server.feature(types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL, outline.LEGEND)
    @_guarded()
    def on_tokens(ls: ArgmapServer, params: types.SemanticTokensParams) -> types.SemanticTokens | None:
        a = at(ls, params)
        return outline.semantic_tokens(a.text) if a else None

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    @_guarded()
    def on_format(ls: ArgmapServer, params: types.DocumentFormattingParams) -> list[types.TextEdit] | None:
        a = at(ls, params)
        return formatting.format_document(a) if a else None

    @server.feature(types.TEXT_DOCUMENT_RANGE_FORMATTING)
    @_guarded()
    def on_format_range(ls: ArgmapServer, params: types.DocumentRangeFormattingParams) -> list[types.TextEdit] | None:
        a = at(ls, params)
        return formatting.format_range(a, params.range) if a else None

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.Source]))
    @_guarded()
    def on_actions(ls: ArgmapServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        a = at(ls, params)
        return actions.code_actions(a, params.range, params.context) if a else None

    @server.command(STATS)
    def stats(ls: ArgmapServer, *args: Any) -> dict[str, Any]:
        """How the server has fared: features that failed, and the last change-to-diagnostics times (ms)."""
        return {"failures": ls.failures, "timings_ms": [round(t * 1000, 1) for t in ls.timings[-100:]]}

    return server


def serve(tcp: int | None = None, host: str = "127.0.0.1") -> None:
    """Run the server over standard input and output, or on *host*:*tcp*."""
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="%(message)s")
    server = build()
    if tcp is not None:
        server.start_tcp(host, tcp)
    else:
        server.start_io()
