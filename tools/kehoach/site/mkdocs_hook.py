"""MkDocs hook: adds the generated pages to the build. All content comes from
``kehoach.site.pages``; this file only adapts it to MkDocs."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from kehoach.site.pages import GENERATED_PAGES


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path, render in GENERATED_PAGES.items():
        files.append(File.generated(config, path, content=render()))
    return files
