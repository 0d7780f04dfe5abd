"""What the Argdown reader says about an argument carried over in another shape."""

from __future__ import annotations

from argmap.interchange.argdown_titles import fits
from argmap.model import Link, Ref


def some(names: list[str], most: int = 4) -> str:
    """A few of *names*, and how many more: `[A], [B] and 3 more`."""
    shown = ", ".join(names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")


def steps_note(title: str, nodes: list, relations: list) -> str | None:
    """How the argument <*title*>, whose steps became *nodes* (an Argument's Ref or a Link each), was
    carried over when it is not one argmap argument (Argdown counts it as one); None when it is.

    *relations* are the file's relations as read: a relation that names the inference of an earlier step
    keeps the steps apart on the way back to Argdown.
    """
    made = [f"`{n.source} supports {n.target}`" if isinstance(n, Link) else f"argument {n}" for n in nodes]
    if len(nodes) == 1 and not isinstance(nodes[0], Link):
        return None
    what = (f"its {len(nodes)} inference steps become {some(made)}" if len(nodes) > 1
            else f"its one inference, from one premise, becomes {made[0]}")
    joined = len(nodes) > 1 and all(isinstance(n, Ref) for n in nodes) and fits(title)
    named = sorted({m.step + 1 for _, *ends, _, _ in relations for m in ends
                    if m.kind == "i" and m.title == title and m.step is not None and m.step < len(nodes) - 1})
    if not joined:
        return f"<{title}>: {what} (Argdown counts one argument)"
    if named:
        return (f"<{title}>: {what}; a relation names the inference of step {', '.join(map(str, named))}, so in "
                f"Argdown they stay {len(nodes)} arguments (Argdown counts one)")
    return (f"<{title}>: {what}; their comments `# argdown title:` make them one argument again in Argdown, "
            "unless a relation names an earlier step")
