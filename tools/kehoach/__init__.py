"""kehoach: plans-as-code for Vietnamese party and state committees.

A record flows: load (files -> data with positions) -> model (pydantic) ->
index (all records by id) -> rules (findings) -> report; the site reads the index.
``pipeline.check`` runs the whole flow over a source (``sources``: the working
tree, read cached and in parallel by ``read``; a git revision; drafts in memory);
``check`` is the CLI's working-tree check."""

__version__ = "0.1.0"
