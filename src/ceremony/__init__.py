"""ceremony: runs a live award show from a slide script."""

__version__ = "0.1.0"
"""The version, written here only: the wheel's metadata (pyproject reads it), ``ceremony --version``, the saved
show, the remote's state and the validated-script cache's stamp all take it from here. Bump it with a new
section in CHANGELOG.md."""
