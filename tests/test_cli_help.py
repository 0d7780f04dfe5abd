"""Help a first-time user can act on: every command shows examples; the CLI page matches the CLI."""

from __future__ import annotations

import pytest

from tools.docsgen import DOCS, REGENERATE, cli_reference, subcommands
from argmap.cli import main

COMMANDS = sorted(subcommands())


def help_of(capsys, *args) -> tuple[int, str]:
    with pytest.raises(SystemExit) as done:
        main([*args, "--help"])
    return done.value.code, capsys.readouterr().out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_examples_in_its_help(command, capsys):
    code, out = help_of(capsys, command)
    assert code in (0, None)
    assert "examples:" in out, f"`argmap {command} --help` shows no examples: add an `examples:` epilog"
    assert f"argmap {command}" in out.split("examples:", 1)[1], f"the examples of {command} do not run it"


def test_argmap_alone_says_what_to_do_next(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert command in out
    assert "start here" in out and "--help" in out


def test_a_usage_error_points_to_the_examples(capsys):
    with pytest.raises(SystemExit) as done:
        main(["check"])
    assert done.value.code == 2
    assert "--help` for examples" in capsys.readouterr().err


def test_the_cli_page_is_up_to_date():
    page = DOCS / "cli.md"
    assert page.is_file() and page.read_text(encoding="utf-8") == cli_reference(), (
        f"docs/cli.md is out of date with the CLI's help: run `{REGENERATE}`")
