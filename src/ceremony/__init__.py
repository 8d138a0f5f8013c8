"""ceremony: runs a live award show from a slide script."""

__version__ = "0.1.0"
