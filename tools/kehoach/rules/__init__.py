"""Stage 4 of the flow: the rules. Each rule has a stable code in the catalogue."""

from .catalog import RULES

__all__ = ["RULES"]
