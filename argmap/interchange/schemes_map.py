"""Argumentation schemes between argmap and other formats (AIF's RA nodes, GraphML's data).

A scheme name read from a file is looked up in the shipped catalogue
(:mod:`argmap.schemes`: by id, name, AIF label or alias); one it lacks is kept
as an id made from its label ("Argument From Bias" -> ``bias``), which rule
S217 then reports.  On the way out a scheme gets the catalogue's AIF label,
or a label made back from its id.
"""

from __future__ import annotations

import functools
import re

from argmap.schemes import load_catalogue, names_no_scheme

__all__ = ["label_of", "scheme_of"]


@functools.cache
def _catalogue():
    return load_catalogue()


def scheme_of(label: str) -> tuple[str | None, bool]:
    """(argmap scheme id or None, whether the catalogue knows it) for an S-node's label."""
    if names_no_scheme(label):
        return None, True
    found = _catalogue().get(label)
    if found is not None:
        return found.id, True
    words = re.sub(r"^\s*(argument|inference)\s+(from|by|to)\s+", "", label, flags=re.I)
    slug = re.sub(r"\W+", "_", words.strip().casefold()).strip("_")
    if not slug or slug[0].isdigit():
        slug = "scheme_" + slug
    return slug, False


def label_of(scheme: str) -> str:
    """The AIF label of the scheme argmap calls *scheme*."""
    found = _catalogue().get(scheme)
    if found is not None:
        return found.aif_label
    return "Argument From " + scheme.replace("_", " ").title()
