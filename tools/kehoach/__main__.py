"""Allow ``python -m kehoach``."""

from .cli import entry

entry()
