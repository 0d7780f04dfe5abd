"""Argumentation schemes and their critical questions.

The catalogue follows Walton, Reed & Macagno, *Argumentation Schemes*
(Cambridge UP, 2008), ch. 9; users extend it with TOML files of their own::

    from argmap.schemes import load_catalogue, explain_scheme
    cat = load_catalogue()
    print(explain_scheme(cat["expert opinion"]))
"""

from argmap.schemes.catalogue import (
    LETTER_ROLES,
    NO_SCHEME_LABELS,
    Catalogue,
    CatalogueError,
    CriticalQuestion,
    Premise,
    Scheme,
    explain_scheme,
    fill_letters,
    names_no_scheme,
    normalise,
)
from argmap.schemes.reading import load_catalogue, read_catalogue_text

__all__ = [
    "LETTER_ROLES",
    "NO_SCHEME_LABELS",
    "Catalogue",
    "CatalogueError",
    "CriticalQuestion",
    "Premise",
    "Scheme",
    "explain_scheme",
    "fill_letters",
    "names_no_scheme",
    "load_catalogue",
    "normalise",
    "read_catalogue_text",
]
