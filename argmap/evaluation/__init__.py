"""evaluate: which claims stand once every attack is counted."""
