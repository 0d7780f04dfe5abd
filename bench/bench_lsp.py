"""How long a change to Brown's map takes to come back as diagnostics, through the real server.

Starts ``argmap lsp`` over stdio with a real client (pytest-lsp's), opens
maps/brown2017.argmap with the article texts' folder given, then sends
whole-document changes and times each from sending the change to receiving
its publishDiagnostics.  Run: ``.venv/bin/python bench/bench_lsp.py [--seeds DIR] [-n 20]``.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pytest_lsp import make_test_lsp_client

ROOT = Path(__file__).resolve().parent.parent


async def main(seeds: Path, runs: int) -> list[float]:
    client = make_test_lsp_client()
    await client.start_io(sys.executable, "-m", "argmap", "lsp")
    await client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(), initialization_options={"textDirs": [str(seeds)]}))
    path = ROOT / "maps" / "brown2017.argmap"
    uri, text = path.as_uri(), path.read_text(encoding="utf-8")
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="argmap", version=1, text=text)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    times = []
    for version in range(2, runs + 2):
        changed = text.replace("[^2]\n", "[^77]\n", 1) if version % 2 else text  # alternately broken and fixed
        started = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=changed)]))
        while True:
            params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if params.version == version:
                break
        times.append(time.perf_counter() - started)
        assert bool(params.diagnostics) == bool(version % 2)
    await client.shutdown_session()
    await client.stop()
    return times


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("-n", type=int, default=20)
    args = parser.parse_args()
    found = asyncio.run(main(args.seeds, args.n))
    ms = sorted(t * 1000 for t in found)
    print(f"didChange -> publishDiagnostics on brown2017 ({len(ms)} changes): median {statistics.median(ms):.0f} ms, "
          f"best {ms[0]:.0f} ms, worst {ms[-1]:.0f} ms")
