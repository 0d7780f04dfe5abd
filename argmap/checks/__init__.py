"""check: the rules a map is checked against, and the runner that applies them."""
