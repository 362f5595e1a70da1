"""The site stage: pages generated from the records and the rule catalogue,
added to MkDocs by a thin hook."""
