"""brief: debate briefs for one case of a map."""
