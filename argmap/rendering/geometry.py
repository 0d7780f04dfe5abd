"""How readable a diagram's geometry is, measured from the SVG Graphviz wrote.

:func:`measure` gives

* **size** in points and the **aspect** ratio, width : height (1.0 is
  square; a screen is about 1.6);
* **edge length per node**: the summed length of every drawn edge path,
  divided by the number of boxes (how far an eye travels along a line);
* **crossings**: points where two edges' paths cross, not counting those
  within a few points of an end (edges meeting at a box or junction);
* **cuts**: times an edge passes through a box that is neither of its ends.

Nodes and edges of the legend (ids ``legend...``) are left out; the boxes
of folded subtrees count like any other box.  Curves are flattened to 8
straight pieces per cubic Bézier; crossings are counted by testing every
pair of pieces of different edges whose bounding boxes meet (the standard
orientation test, as in Cormen et al., *Introduction to Algorithms*, 33.1).
:mod:`argmap.rendering.search` uses it to choose between layouts, and
``bench/diagram_metrics.py`` to report on the seed maps.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import attrs


@attrs.frozen
class Metrics:
    """What :func:`measure` finds in one drawing (sizes and lengths in points)."""

    width: float
    height: float
    aspect: float
    nodes: int
    edges: int
    length_per_node: float
    crossings: int
    cuts: int


NS = "{http://www.w3.org/2000/svg}"
Point = tuple[float, float]
Segment = tuple[Point, Point]
#: Intersections this close to an edge's end are its meeting with a box, not a crossing.
END_SLACK = 4.0


def _numbers(text: str) -> list[float]:
    return [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", text)]


def path_points(d: str, pieces: int = 8) -> list[Point]:
    """The polyline of a Graphviz edge path (``M x,y C x,y x,y x,y ...``), curves flattened."""
    nums = _numbers(d)
    pts = list(zip(nums[0::2], nums[1::2]))
    if not pts:
        return []
    out = [pts[0]]
    for i in range(1, len(pts) - 2, 3):
        p0, p1, p2, p3 = out[-1], pts[i], pts[i + 1], pts[i + 2]
        for k in range(1, pieces + 1):
            t = k / pieces
            u = 1 - t
            out.append((u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
                        u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1]))
    return out


def _orient(a: Point, b: Point, c: Point) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def _cross_point(s: Segment, t: Segment) -> Point | None:
    """Where segments *s* and *t* properly cross, or None."""
    (a, b), (c, d) = s, t
    d1, d2, d3, d4 = _orient(c, d, a), _orient(c, d, b), _orient(a, b, c), _orient(a, b, d)
    if ((d1 > 0) != (d2 > 0)) and ((d3 > 0) != (d4 > 0)) and d1 and d2 and d3 and d4:
        r = d1 / (d1 - d2)
        return a[0] + r * (b[0] - a[0]), a[1] + r * (b[1] - a[1])
    return None


def _bbox(pts) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def _meet(a, b) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _near(p: Point, q: Point) -> bool:
    return abs(p[0] - q[0]) <= END_SLACK and abs(p[1] - q[1]) <= END_SLACK


def _title(g) -> str:
    t = g.find(f"{NS}title")
    return (t.text or "") if t is not None else ""


def _read(svg: str | bytes):
    """The SVG's size, its boxes by node name, and its edges' (tail, head, polyline, DOT id)."""
    root = ET.fromstring(svg.encode() if isinstance(svg, str) else svg)
    width, height = (float(_numbers(root.get(k, "0"))[0]) for k in ("width", "height"))
    boxes: dict[str, tuple[float, float, float, float]] = {}
    edges: list[tuple[str, str, list[Point], str]] = []
    for g in root.iter(f"{NS}g"):
        gid, cls = g.get("id", ""), g.get("class", "")
        if gid.startswith("legend"):
            continue
        if cls == "node":
            pts = []
            for shape in g:
                if shape.tag in (f"{NS}polygon", f"{NS}path", f"{NS}polyline"):
                    nums = _numbers(shape.get("points") or shape.get("d") or "")
                    pts += list(zip(nums[0::2], nums[1::2]))
                elif shape.tag == f"{NS}ellipse":
                    cx, cy, rx, ry = (float(shape.get(k)) for k in ("cx", "cy", "rx", "ry"))
                    pts += [(cx - rx, cy - ry), (cx + rx, cy + ry)]
            if pts:
                boxes[_title(g)] = _bbox(pts)
        elif cls == "edge":
            ends = re.split(r"->|&#45;&gt;", _title(g))
            ends = [re.sub(r":.*$", "", e) for e in ends]  # a port (n3:s) is its node
            for path in g.findall(f"{NS}path"):
                pts = path_points(path.get("d", ""))
                if len(pts) > 1:
                    edges.append((ends[0], ends[-1], pts, gid))
    return width, height, boxes, edges


def _crossings(edges, boxes_of) -> dict[tuple[int, int], int]:
    """How many times each pair of edges (by index, the lower first) crosses, for pairs that do."""
    out: dict[tuple[int, int], int] = {}
    for i in range(len(edges)):
        pi = edges[i][2]
        for j in range(i + 1, len(edges)):
            if not _meet(boxes_of[i], boxes_of[j]):
                continue
            pj = edges[j][2]
            ends = (pi[0], pi[-1], pj[0], pj[-1])
            for s in zip(pi, pi[1:]):
                sb = _bbox(s)
                if not _meet(sb, boxes_of[j]):
                    continue
                for t in zip(pj, pj[1:]):
                    x = _cross_point(s, t)
                    if x is not None and not any(_near(x, e) for e in ends):
                        out[i, j] = out.get((i, j), 0) + 1
    return out


def crossings_by_edge(svg: str | bytes) -> dict[str, int]:
    """How many crossings each edge of the drawing takes part in, by the edge's id in the SVG (its DOT
    ``id``); edges that cross nothing are left out."""
    _, _, _, edges = _read(svg)
    out: dict[str, int] = {}
    for (i, j), n in _crossings(edges, [_bbox(e[2]) for e in edges]).items():
        for k in (i, j):
            out[edges[k][3]] = out.get(edges[k][3], 0) + n
    return out


def lengths_by_edge(svg: str | bytes) -> dict[str, float]:
    """The drawn length of each edge, in points, by its id in the SVG (the pieces of one id summed)."""
    out: dict[str, float] = {}
    for _, _, pts, gid in _read(svg)[3]:
        out[gid] = out.get(gid, 0.0) + sum(math.dist(p, q) for p, q in zip(pts, pts[1:]))
    return out


def measure(svg: str | bytes) -> Metrics:
    """The metrics of one SVG drawing Graphviz wrote (see the module's docstring)."""
    width, height, boxes, edges = _read(svg)
    length = sum(math.dist(p, q) for _, _, pts, _ in edges for p, q in zip(pts, pts[1:]))
    boxes_of = [_bbox(e[2]) for e in edges]
    crossings = sum(_crossings(edges, boxes_of).values())
    cuts = 0
    for (a, b, pts, _), eb in zip(edges, boxes_of):
        for name, nb in boxes.items():
            if name in (a, b) or not _meet(eb, nb):
                continue
            x0, y0, x1, y1 = nb
            inside = [p for p in pts[1:-1] if x0 + 2 < p[0] < x1 - 2 and y0 + 2 < p[1] < y1 - 2]
            cuts += bool(inside)
    return Metrics(width, height, width / height if height else 0.0, len(boxes), len(edges),
                   length / len(boxes) if boxes else 0.0, crossings, cuts)
