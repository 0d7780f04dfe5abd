"""The documentation site: builds in strict mode, its examples stay true, its diagrams are drawn.

The strict build needs the docs tools (``pip install -e '.[docs]'``); the
rest needs only argmap.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from tools.docsgen import DOCS, REGENERATE, ROOT, stale
from argmap.cli import main
from argmap.integrations.mkdocs_fence import diagram_html, format_diagram
from argmap.integrations.sphinx_ext import diagram_for

SEEDS = ROOT.parent / "shared" / "seeds"
MAP = "claim a (brown): Russia agreed only to talk.\n  rebuts b\nclaim b (togo): The summit was a success.\n"


def fenced(page: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", (DOCS / page).read_text(encoding="utf-8"), re.M | re.S)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    if importlib.util.find_spec("mkdocs") is None or importlib.util.find_spec("material") is None:
        pytest.skip("mkdocs and mkdocs-material are not installed (pip install -e '.[docs]')")
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
                          cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, f"`mkdocs build --strict` failed:\n{done.stdout}\n{done.stderr}"
    return out


@pytest.mark.slow
def test_the_site_builds_strictly_with_every_page_in_the_nav(site):
    nav = re.findall(r"^  - [^:]+: (\S+\.md)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert "index.md" in nav and "language.md" in nav and "rules.md" in nav
    for page in nav:
        assert (DOCS / page).is_file(), f"mkdocs.yml lists {page}, which does not exist"
        built = site / ("index.html" if page == "index.md" else page.removesuffix(".md") + "/index.html")
        assert built.is_file(), f"{page} was not built"


def test_argmap_blocks_are_highlighted_and_diagrams_inlined(site):
    language = (site / "language" / "index.html").read_text(encoding="utf-8")
    assert '<span class="kd">claim</span>' in language, "```argmap blocks are not highlighted by the argmap lexer"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<div class="argmap-diagram"[^>]*><svg', home), "the ```argmap-diagram fence drew no diagram"
    assert (site / "tutorial" / "step1.svg").is_file()


def test_the_api_page_is_generated_from_docstrings(site):
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    for name in ("argmap.load", "argmap.check", "argmap.rendering.render"):
        assert f'id="{name}"' in api, f"the API page does not document {name}"
    assert "Parse map text into a" in api, "docstrings are not rendered"


def test_generated_pages_are_up_to_date():
    old = [str(p.relative_to(ROOT)) for p in stale()]
    assert not old, f"{', '.join(old)} out of date: run `{REGENERATE}`"


# ---- the fence and the directive ---------------------------------------------------


def test_the_fence_draws_a_map_as_inline_svg():
    out = format_diagram(MAP, "argmap-diagram", "argmap-diagram", {}, md=None)
    assert out.startswith('<div class="argmap-diagram"') and "<svg" in out
    assert "<?xml" not in out and "<!DOCTYPE" not in out, "an XML prolog is not valid inside HTML"
    assert "Russia agreed only to talk." in out


def test_the_fence_shows_diagnostics_for_a_broken_map_and_never_raises(caplog):
    out = format_diagram("claim a (brown) b: no colon\n", "argmap-diagram", "argmap-diagram", {}, md=None)
    assert "argmap-diagram-error" in out and "<svg" not in out
    assert "argmap-diagram.argmap:1:" in out and "A001" in out, "the diagnostic's place and code are shown"
    assert any("A001" in r.getMessage() for r in caplog.records), "a strict build must see the problem"
    for options in ({"case": "nobody"}, {"labels": "maybe"}, {"colour": "red"}):
        assert "argmap-diagram-error" in diagram_html(MAP, options=options)
    assert "argmap-diagram-error" in diagram_html("\x00\ufeff[^")


def test_fence_options_change_the_drawing():
    plain = diagram_html(MAP)
    labelled = diagram_html(MAP, options={"labels": "true"})
    assert "IN" in labelled and labelled != plain


def test_the_sphinx_directive_logic(tmp_path):
    (tmp_path / "m.argmap").write_text(MAP, encoding="utf-8")
    html, problem = diagram_for("", "m.argmap", {"focus": "a"}, tmp_path)
    assert problem is None and "<svg" in html and "Russia agreed only to talk." in html
    html, problem = diagram_for("claim a A\n", None, {}, tmp_path)
    assert "argmap-diagram-error" in html and "A001" in problem
    html, problem = diagram_for("", "missing.argmap", {}, tmp_path)
    assert "cannot read missing.argmap" in problem
    assert "give a map" in diagram_for("  \n", None, {}, tmp_path)[1]


@pytest.mark.slow
def test_the_sphinx_directive_in_a_real_build(tmp_path):
    pytest.importorskip("sphinx", reason="sphinx is not installed")
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["argmap.integrations.sphinx_ext"]\n', encoding="utf-8")
    (src / "index.rst").write_text("Maps\n====\n\n.. argmap-diagram::\n   :labels: true\n\n"
                                   + "".join(f"   {line}\n" for line in MAP.splitlines())
                                   + "\n.. argmap-diagram::\n\n   claim a A\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", str(src), str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "<svg" in page and "argmap-diagram-error" in page
    assert "A001" in done.stderr, "the broken map is reported as a Sphinx warning"


# ---- the pages' examples stay true --------------------------------------------------


def test_getting_started_shows_what_argmap_really_prints(tmp_path, capsys, monkeypatch):
    page = (DOCS / "getting-started.md").read_text(encoding="utf-8")
    sentence = re.search(r"^echo '(.*)' > summit\.txt$", page, re.M).group(1)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "summit.txt").write_text(sentence + "\n", encoding="utf-8")
    (tmp_path / "summit.argmap").write_text(fenced("getting-started.md", "argmap")[0], encoding="utf-8")
    outputs = fenced("getting-started.md", "text")

    assert main(["check", "summit.argmap"]) == 0
    assert capsys.readouterr().out == outputs[0]
    good = (tmp_path / "summit.argmap").read_text(encoding="utf-8")
    (tmp_path / "summit.argmap").write_text(good.replace("clear success", "complete success"), encoding="utf-8")
    assert main(["check", "summit.argmap"]) == 1
    assert capsys.readouterr().out == outputs[1]
    (tmp_path / "summit.argmap").write_text(good, encoding="utf-8")
    assert main(["eval", "summit.argmap"]) == 0
    assert capsys.readouterr().out == outputs[2]


def test_the_tutorial_steps_check_and_match_the_page(capsys, monkeypatch):
    steps = sorted((DOCS / "tutorial").glob("step*.argmap"))
    assert len(steps) == 5
    final = steps[-1].read_text(encoding="utf-8").splitlines()
    for block in fenced("tutorial.md", "argmap"):
        for line in block.splitlines():
            assert not line.strip() or line in final, f"tutorial.md shows a line the maps do not have: {line!r}"
    text_dirs = [SEEDS] if SEEDS.is_dir() else []
    for step in steps:
        found = argmap.check(argmap.load(step), text_dirs=text_dirs)
        assert not [d for d in found if d.severity >= argmap.Severity.ERROR], [d.format() for d in found]
        assert step.with_suffix(".svg").is_file(), f"{step.name} has no diagram: run `{REGENERATE}`"
    monkeypatch.chdir(ROOT)
    assert main(["eval", "docs/tutorial/step5.argmap"]) == 0
    assert capsys.readouterr().out in fenced("tutorial.md", "text"), "the tutorial's eval output is stale"
