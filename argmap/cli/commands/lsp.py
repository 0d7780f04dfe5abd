"""``argmap lsp``: the language server, for editors (over standard input and output, or TCP)."""

from __future__ import annotations

import sys

from argmap.cli.commands import FORMATTER

EXAMPLES = """\
examples:
  argmap lsp                 speak LSP over standard input and output (what editors start)
  argmap lsp --tcp 2087      listen on 127.0.0.1:2087 instead

The server needs the lsp extra: pip install 'argmap[lsp]'.  docs/editors.md
says how to set up VS Code, Neovim and Emacs.

exit status: 0 when the editor ends the session, 2 when the extra is missing
"""


def register(sub) -> None:
    p = sub.add_parser("lsp", help="run the language server for editors (needs the lsp extra)",
                       description="Run the argmap language server: diagnostics as you type, hover, go to "
                                   "definition, references, rename, completion, outline, code actions, formatting.",
                       epilog=EXAMPLES, formatter_class=FORMATTER)
    p.add_argument("--tcp", type=int, metavar="PORT", help="listen on this TCP port instead of standard input/output")
    p.add_argument("--host", default="127.0.0.1", help="the address to listen on with --tcp (default 127.0.0.1)")
    p.set_defaults(func=run)


def run(args) -> int:
    from argmap.lsp import missing

    problem = missing()
    if problem is not None:
        print(f"argmap lsp: {problem}", file=sys.stderr)
        return 2
    from argmap.lsp.server import serve

    serve(args.tcp, args.host)
    return 0
