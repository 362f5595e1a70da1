"""kehoach: plans-as-code for Vietnamese party and state committees.

A record flows: load (files -> data with positions) -> model (pydantic) ->
index (all records by id) -> rules (findings) -> report; the site reads the index.
``read`` runs the first two stages over a repository (cached, in parallel);
``check`` runs the whole flow."""

__version__ = "0.1.0"
