"""Run the kehoach CLI from the repository's own source tree.

pre-commit's hook environment installs only the pinned dependencies from the
package registry (see .pre-commit-config.yaml), not this repository, so the
hook puts tools/ on the import path and calls the same ``main`` as the CLI."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kehoach.cli import main

sys.exit(main())
