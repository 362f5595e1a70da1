"""What a ``kehoach`` process keeps until it ends, when it ends without freeing
anything (``cli.entry``): the records of a large repository take a tenth of the
time of reading them to free one by one (0.6 s at 100,000 records), for a
process about to end anyway. Elsewhere (tests, ``mkdocs serve``, a library
caller) nothing is kept."""

from __future__ import annotations

held: list[object] | None = None  # a list only in a process that ends with os._exit


def keep(value: object) -> None:
    """Keep ``value`` alive until the process ends, when it ends without freeing."""
    if held is not None:
        held.append(value)
