"""Generated maps for the benchmarks: realistic shape, any size."""

from __future__ import annotations

import random


def generate_map(claims: int, *, seed: int = 1, attacks_per_claim: float = 0.0) -> str:
    """Map text with *claims* claims in two cases, supports, rebuttals and footnotes.

    Each claim supports an earlier one (a forest of support trees), about one
    claim in five rebuts a claim of the other case, and about one in three
    cites one of the footnotes (every footnote is cited).  With
    ``attacks_per_claim`` each claim also rebuts that many random others on
    average.
    """
    rng = random.Random(seed)
    notes = max(1, claims // 10)
    out = [
        f'map gen{claims} "Generated map of {claims} claims" {{',
        '  author "Bench Generator"',
        "  published 2017-02",
        "}",
        "",
        "thesis t: The generated thesis holds.",
        "case pro for t: The case for.",
        "case con against t: The case against.",
        "person p: A generated person.",
        "",
    ]
    for i in range(claims):
        case = "pro" if i % 2 == 0 else "con"
        cite = f" [^{(i // 3) % notes + 1}]" if i % 3 == 0 else ""
        out.append(f"claim c{i} ({case}) by p: Generated claim number {i} says something about item {i * 7 % 1000}.{cite}")
        if i < 2:
            out.append("  supports t" if case == "pro" else "  rebuts t")
        else:
            out.append(f"  supports c{i - 2 - 2 * rng.randrange(min(i // 2, 50))}")
        if i % 5 == 4:
            out.append(f"  rebuts c{rng.randrange(0, i, 1) // 2 * 2 + (1 if case == 'pro' else 0) if i > 1 else 0}")
        k = attacks_per_claim
        while k > 0 and claims > 1:
            if rng.random() < min(k, 1.0):
                out.append(f"  rebuts c{rng.randrange(claims)}")
            k -= 1
    out.append("")
    out.append("footnotes")
    for n in range(1, notes + 1):
        out.append(f"  [^{n}]: Generated Source {n}, January {n % 28 + 1}, 2016.")
    return "\n".join(out) + "\n"
