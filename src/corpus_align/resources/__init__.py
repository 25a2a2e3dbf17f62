"""Data files shipped with corpus-align (read with importlib.resources)."""
