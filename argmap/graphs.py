"""graphs: the graph algorithms more than one stage needs, on nodes numbered ``0 .. n-1``.

A base below every stage (like :mod:`argmap.diagnostics`): the rules find
support cycles with it, the gradual and Carneades evaluations order their
work by it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


def strongly_connected(roots: Iterable[int], successors: Callable[[int], Iterable[int]], n: int) -> list[list[int]]:
    """The strongly connected components of the part of a graph on ``0..n-1`` reachable from *roots*.

    Tarjan's algorithm (R. Tarjan, "Depth-first search and linear graph
    algorithms", SIAM J. Comput. 1972) with an explicit stack instead of
    recursion, so a chain of 100,000 nodes needs no deep Python stack;
    O(nodes + edges).  Roots are tried in the order given, successors in
    the order *successors* yields them, so the result depends on nothing
    else.  A component comes after every component it reaches: targets
    before sources.
    """
    index = [-1] * n
    low = [0] * n
    on_stack = bytearray(n)
    stack: list[int] = []
    found: list[list[int]] = []
    counter = 0
    for root in roots:
        if index[root] >= 0:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = 1
        work = [(root, iter(successors(root)))]
        while work:
            v, rest = work[-1]
            for w in rest:
                if index[w] < 0:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = 1
                    work.append((w, iter(successors(w))))
                    break
                if on_stack[w] and index[w] < low[v]:
                    low[v] = index[w]
            else:
                work.pop()
                if work:
                    u = work[-1][0]
                    if low[v] < low[u]:
                        low[u] = low[v]
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on_stack[w] = 0
                        comp.append(w)
                        if w == v:
                            break
                    found.append(comp)
    return found
