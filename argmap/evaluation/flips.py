"""Grounded labelling of one graph, and how one node's label changes when others are held fixed.

The rules (S213) and the deciding-claims analysis ask the same question many
times over one graph: would this node still be OUT if that one were IN (or
OUT)?  :class:`Grounded` labels the graph once and answers each question on
the part of the graph that can reach the node.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence

from argmap.evaluation.dung import IN, LABELS, OUT, UNDEC, Label, grounded_codes


class Grounded:
    """The grounded labelling of a graph and what one thesis depends on, for many flips."""

    def __init__(self, succ: Sequence[Sequence[int]], thesis: int):
        self.succ = succ
        self.thesis = thesis
        self.lab, self.reason = grounded_codes(succ)
        pred: list[list[int]] = [[] for _ in succ]
        for a, targets in enumerate(succ):
            for b in targets:
                pred[b].append(a)
        self.pred = pred
        reached = bytearray(len(succ))
        reached[thesis] = 1
        todo = [thesis]
        while todo:
            for prev in pred[todo.pop()]:
                if not reached[prev]:
                    reached[prev] = 1
                    todo.append(prev)
        self.ancestors = reached

    def proof(self) -> set[int] | None:
        """The nodes of the thesis's grounded proof; None when the thesis is UNDEC."""
        lab, reason, pred = self.lab, self.reason, self.pred
        if lab[self.thesis] == UNDEC:
            return None
        found = {self.thesis}
        todo = [self.thesis]
        while todo:
            v = todo.pop()
            for x in (pred[v] if lab[v] == IN else (reason[v],)):
                if x not in found:
                    found.add(x)
                    todo.append(x)
        return found

    def flipped(self, fixed: Mapping[int, int]) -> Label:
        """The thesis's label with the nodes of *fixed* held at the given labels (IN or OUT)."""
        succ, pred, lab, anc, thesis = self.succ, self.pred, self.lab, self.ancestors, self.thesis
        if thesis in fixed:
            return LABELS[fixed[thesis]]
        cone: set[int] = set()
        todo = [v for v in fixed if anc[v]]
        for v in todo:
            for w in succ[v]:
                if anc[w] and w not in cone and w not in fixed:
                    cone.add(w)
                    todo.append(w)
        if thesis not in cone:
            return LABELS[lab[thesis]]

        def outside(x: int) -> int:
            return fixed.get(x, lab[x]) if x not in cone else -1

        new: dict[int, int] = {}
        live: dict[int, int] = {}
        queue: deque[int] = deque()
        for v in cone:
            count = 0
            for x in pred[v]:
                got = outside(x)
                if got == IN:
                    count = -1
                    break
                if got != OUT:  # in the cone, or UNDEC around it
                    count += 1
            if count < 0:
                new[v] = OUT
                queue.append(v)
            else:
                live[v] = count
                if count == 0:
                    new[v] = IN
                    queue.append(v)
        while queue:
            v = queue.popleft()
            if v == thesis:
                return LABELS[new[v]]
            if new[v] == IN:
                for w in succ[v]:
                    if w in cone and w not in new:
                        new[w] = OUT
                        queue.append(w)
            else:
                for w in succ[v]:
                    if w in cone and w not in new:
                        live[w] -= 1
                        if live[w] == 0:
                            new[w] = IN
                            queue.append(w)
        return Label.UNDEC
