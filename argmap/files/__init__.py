"""Reading and writing files: bounded reads, atomic writes, loading maps and the maps they use."""
