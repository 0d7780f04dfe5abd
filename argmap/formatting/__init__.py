"""The canonical text of a map: the writer behind `argmap fmt` and :func:`argmap.dumps`."""
