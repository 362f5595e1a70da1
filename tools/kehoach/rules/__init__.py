"""Stage 4 of the flow: the rules, each declared once in ``registry``."""
