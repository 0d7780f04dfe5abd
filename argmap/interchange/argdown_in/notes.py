"""What the Argdown reader says about an argument carried over in another shape."""

from __future__ import annotations

from argmap.interchange.argdown_titles import fits
from argmap.model import Link, Ref


def some(names: list[str], most: int = 4) -> str:
    """A few of *names*, and how many more: `[A], [B] and 3 more`."""
    shown = ", ".join(names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")


def sketched_note(titles: list[str]) -> str:
    """What becomes of the arguments <*titles*> that have no premise-conclusion structure."""
    one = len(titles) == 1
    return (f"{some([f'<{t}>' for t in titles])}: {'an argument' if one else 'arguments'} without a "
            f"premise-conclusion structure {'becomes a claim' if one else 'become claims'} (a sketched reason is "
            "a claim); a comment `# argdown title: id = <Title>` makes "
            f"{'it an argument' if one else 'each an argument'} again when the map goes back to Argdown")


def named_steps(relations: list) -> dict[str, set[int]]:
    """Argument title -> the steps (from 0) whose inference one of the file's *relations* names."""
    out: dict[str, set[int]] = {}
    for _, *ends, _, _ in relations:
        for member in ends:
            if member.kind == "i" and member.step is not None:
                out.setdefault(member.title, set()).add(member.step)
    return out


def steps_note(title: str, nodes: list, named: set[int]) -> str | None:
    """How the argument <*title*>, whose steps became *nodes* (an Argument's Ref or a Link each), was
    carried over when it is not one argmap argument (Argdown counts it as one); None when it is.

    *named* are the steps (from 0) whose inference a relation of the file names: naming an earlier step
    keeps the steps apart on the way back to Argdown.
    """
    made = [f"`{n.source} supports {n.target}`" if isinstance(n, Link) else f"argument {n}" for n in nodes]
    if len(nodes) == 1 and not isinstance(nodes[0], Link):
        return None
    what = (f"its {len(nodes)} inference steps become {some(made)}" if len(nodes) > 1
            else f"its one inference, from one premise, becomes {made[0]}")
    joined = len(nodes) > 1 and all(isinstance(n, Ref) for n in nodes) and fits(title)
    named = sorted(step + 1 for step in named if step < len(nodes) - 1)
    if not joined:
        return f"<{title}>: {what} (Argdown counts one argument)"
    if named:
        return (f"<{title}>: {what}; a relation names the inference of step {', '.join(map(str, named))}, so in "
                f"Argdown they stay {len(nodes)} arguments (Argdown counts one)")
    return (f"<{title}>: {what}; their comments `# argdown title:` make them one argument again in Argdown, "
            "unless a relation names an earlier step")
