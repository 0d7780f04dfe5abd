"""Queries over a checked map, for debate preparation."""
