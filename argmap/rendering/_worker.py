"""The embedded renderer's worker process (see :class:`argmap.rendering.engines._Worker`)."""

from __future__ import annotations

import pickle
import struct
import sys


def serve(stdin=None, stdout=None) -> None:
    """Answer length-prefixed pickled (source, format, engine) requests until stdin closes."""
    from argmap.rendering.engines import RenderError, render_in_process

    stdin = stdin or sys.stdin.buffer
    stdout = stdout or sys.stdout.buffer
    while True:
        head = stdin.read(8)
        if len(head) < 8:
            return
        (size,) = struct.unpack("!Q", head)
        source, format, engine = pickle.loads(stdin.read(size))
        try:
            answer = (True, render_in_process(source, format, engine))
        except RenderError as exc:
            answer = (False, exc.message)
        body = pickle.dumps(answer)
        stdout.write(struct.pack("!Q", len(body)) + body)
        stdout.flush()


def main() -> None:
    import os

    # Keep the protocol's stream for ourselves: anything the WebAssembly
    # module prints to fd 1 goes to stderr instead of corrupting answers.
    channel = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    serve(sys.stdin.buffer, channel)


if __name__ == "__main__":
    main()
