"""The CI workflow file is valid against the public schema check-jsonschema ships."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import REPO_ROOT


def test_workflows_match_the_github_workflow_schema() -> None:
    workflows = sorted((REPO_ROOT / ".github/workflows").glob("*.yml"))
    assert workflows
    tool = Path(sys.executable).with_name("check-jsonschema")
    done = subprocess.run(
        [str(tool), "--builtin-schema", "vendor.github-workflows", *map(str, workflows)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
