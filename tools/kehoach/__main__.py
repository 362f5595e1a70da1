"""Allow ``python -m kehoach``."""

import sys

from .cli import main

sys.exit(main())
