"""``argmap lsp`` on the command line: help, and a clear way out when the extra is missing."""

from __future__ import annotations

import subprocess
import sys

from argmap.cli.main import main


def test_lsp_is_a_command_with_examples(capsys):
    try:
        main(["lsp", "--help"])
    except SystemExit as exc:
        assert exc.code == 0
    out = capsys.readouterr().out
    assert "--tcp PORT" in out and "pip install 'argmap[lsp]'" in out


def test_without_pygls_the_command_says_how_to_install_it_and_shows_no_traceback():
    # a child interpreter in which importing pygls fails, as it does where the extra is not installed
    code = ("import sys, importlib.util as u; real = u.find_spec\n"
            "u.find_spec = lambda name, *a: None if name.split('.')[0] == 'pygls' else real(name, *a)\n"
            "from argmap.cli.main import main; sys.exit(main(['lsp']))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "pip install 'argmap[lsp]'" in done.stderr and "Traceback" not in done.stderr
