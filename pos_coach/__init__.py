"""POS Coach: the right words at the till, in the moment they matter."""

__version__ = "0.1.0"
