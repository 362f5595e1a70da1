"""The writing side of kehoach: canonical rendering of records (``canonical``),
the round-trip settings for minimal edits (``yamlrt``) and the authoring
commands built on them (``fmt``, ``status``, ``new``). Nothing here writes a
file whose re-read data differs from what was meant to be written."""
