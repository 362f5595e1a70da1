"""``kehoach import``: a plan written as text or Word becomes draft records.

The flow, one module per stage: ``source`` (file -> clean lines and paragraphs)
-> ``header`` (issuer, number, date, title) -> ``document`` (a report or a plan?)
-> ``structure`` (sections, work items, ``tables``, who leads them and when)
-> ``citations`` (documents cited) -> ``units`` (names matched against the
registry) -> ``draft`` (a plan's records to write, each doubtful value with a
note; ``report`` builds on it for a report's results, ``figures`` and programme)
-> ``write`` (YAML files, never overwriting).
"""
