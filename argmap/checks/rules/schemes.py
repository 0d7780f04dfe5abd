"""Rules about argumentation schemes: a scheme the catalogue lacks (S217), a scheme named on an
attack (S218), and the critical questions an inference leaves open (S219).

The catalogue is the shipped one and the files the configuration's
``schemes`` key names (:meth:`argmap.checks.selection.Config.catalogue`);
what counts as an answer is :mod:`argmap.analysis.questions`'s.
"""

from __future__ import annotations

from argmap.checks.rules import Finding, rule
from argmap.diagnostics import Severity

SCHEMES = ("structure", "schemes")


def _catalogue(ctx):
    return ctx.config.catalogue()


def _names_schemes(m) -> bool:
    """Whether a relation or argument of *m* names a scheme (without one, these rules have nothing to read)."""
    return any(r.scheme is not None for r in m.relations) or any(a.scheme is not None for a in m.arguments)


@rule("S217", "unknown-scheme", Severity.WARNING, SCHEMES)
def unknown_scheme(ctx):
    """A support or argument that names a scheme the catalogue does not have.

    What it finds: `supports x as NAME` or `argument a: ... -> x as NAME`
    where NAME is no scheme's id, name, AIF label or alias, in the shipped
    catalogue (`argmap explain schemes` lists it) or in the files the
    configuration's `schemes` key adds.
    Why it matters: argmap cannot ask the critical questions of a scheme it
    does not know, so the inference goes untested; usually the name is
    misspelt.

    Fails:
        claim failed (brown): The new approach failed.
        claim hyodo_says (brown) by brown: Hyodo, an expert, calls the approach a failure.
          supports failed as expert_opinon

    Passes:
        claim failed (brown): The new approach failed.
        claim hyodo_says (brown) by brown: Hyodo, an expert, calls the approach a failure.
          supports failed as expert_opinion
    """
    m = ctx.map
    if not _names_schemes(m):
        return
    catalogue = _catalogue(ctx)
    for item in (*m.relations, *m.arguments):
        name = item.scheme
        if name is None or catalogue.get(name) is not None:
            continue
        close = catalogue.suggest(name)
        hint = f"did you mean {' or '.join(close)}?" if close else "`argmap explain schemes` lists the schemes"
        yield Finding(item.scheme_span, f"no scheme is called {name!r}", hint)


@rule("S218", "scheme-on-attack", Severity.WARNING, SCHEMES)
def scheme_on_attack(ctx):
    """A scheme named on a rebuttal, undercut or contradiction.

    What it finds: `rebuts x as NAME`, `undercuts a -> b as NAME`,
    `contradicts x as NAME`, or a linked attack `argument a: p + q rebuts x
    as NAME`.
    Why it matters: a scheme says how reasons support a conclusion; argmap
    asks its critical questions of supports and linked arguments only, so
    on an attack the name is ignored.  Name the scheme on the support the
    attack answers, and tag the attacking claim with the question it
    raises.

    Fails:
        claim failed (brown): The new approach failed.
        claim success (togo): The approach succeeded.
          rebuts failed as expert_opinion

    Passes:
        claim failed (brown): The new approach failed.
        claim success (togo): The approach succeeded.
          rebuts failed
    """
    for r in ctx.map.relations:
        if r.scheme is not None and r.kind != "supports":
            yield Finding(r.scheme_span, f"`{r.kind}` names scheme {r.scheme!r}; argmap reads schemes on supports "
                          f"and linked arguments only",
                          "drop `as ...` here and name the scheme on the support this relation answers")
    for a in ctx.map.arguments:
        if a.scheme is not None and a.attacks:
            yield Finding(a.scheme_span, f"the linked attack {a.id} names scheme {a.scheme!r}; argmap reads schemes on "
                          "supports and linked arguments that support only",
                          "drop `as ...` here and name the scheme on the support this attack answers")


@rule("S219", "open-critical-question", Severity.INFO, SCHEMES)
def open_critical_question(ctx):
    """An inference whose scheme asks critical questions that no claim in the map answers.

    What it finds: a support or linked argument that names a scheme, with
    the scheme's critical questions that no claim answers.  A claim tagged
    with the question's id (`tags expertise`) answers it when it undercuts
    the inference, rebuts or contradicts its conclusion or a reason, or
    supports a reason; a linked argument's own premise tagged with it
    answers it too.  `argmap explain SCHEME` lists a scheme's questions.
    Why it matters: the open questions are where the inference can be
    challenged: for the side that makes it, what to prepare; for the other
    side, what to ask.  `argmap brief` lists them.

    Fails:
        claim failed (brown): The new approach failed.
        claim polled (brown) by brown: Most Japanese think the approach failed.
          supports failed as popular_opinion

    Passes:
        claim failed (brown): The new approach failed.
        claim polled (brown) by brown: Most Japanese think the approach failed.
          supports failed as popular_opinion
        claim poll (brown): A November poll found 57 percent calling it a failure.
          tags acceptance
          supports polled
        claim reasons (togo): The public judged before the results were in.
          tags doubt
          undercuts polled -> failed
    """
    if not _names_schemes(ctx.map):
        return  # (nor the catalogue and the questions' module read)
    from argmap.analysis.questions import inferences

    found = inferences(ctx.map, _catalogue(ctx))
    for inference in found:
        scheme, open_ = inference.scheme, inference.open_questions
        if scheme is None or not open_:
            continue
        total = len(inference.questions)
        ids = ", ".join(q.question.id for q in open_)
        answered = f"; answered: {', '.join(q.question.id for q in inference.answered)}" if inference.answered else ""
        yield Finding(inference.span, f"{inference.name} ({scheme.id}): {len(open_)} of {total} critical "
                      f"question{'s' if total != 1 else ''} open: {ids}{answered}",
                      f"`argmap explain {scheme.id}` says what each asks; tag the claim that answers one "
                      f"with its id (tags {open_[0].question.id})")
