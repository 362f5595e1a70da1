"""Office documents in Word (.docx): the report drafted from the records and a
plan written back in its own layout, both through one layout module."""
