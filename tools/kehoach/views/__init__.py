"""Records turned back into the forms an office uses: summaries by unit and
plan (``buckets``), spreadsheets (``export``), what changed between two
revisions (``diff``) and a terminal search (``find``). Every view reads the
index the checker builds (``source``) and never recomputes a derived fact."""
