"""``kehoach import``: a plan written as text or Word becomes draft records.

The flow, one module per stage: ``source`` (file -> clean lines and paragraphs)
-> ``header`` (issuer, number, date, title) -> ``structure`` (sections, work
items, who leads them and when) -> ``citations`` (documents cited) -> ``units``
(names matched against the registry) -> ``draft`` (the records to write, each
doubtful value with a note) -> ``write`` (YAML files, never overwriting).
"""
