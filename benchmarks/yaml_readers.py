"""Per-file cost of reading a record's YAML: the project's own reader
(``load.fastyaml``: data and the line and column of every key and value)
against what a C-backed parser gives for the same files.

- PyYAML's libyaml binding (``CSafeLoader``): events only (the least it can
  give, no positions taken), and ``compose`` (nodes carrying their start
  marks, before any of our own construction);
- ``yamlsafe`` (libyaml's C parser, events with their start marks, and our
  own construction of data and positions: what a file fastyaml declines gets);
- rapidyaml (``ryml``), when installed: parsing into its tree, then walking it
  into dicts and lists of text, or having it write JSON for ``json.loads``
  (its Python binding gives no line or column of a node, so either is less
  than fastyaml returns);
- libfyaml, when installed (a beta binding that can keep a start marker on
  every node): parsing with markers, then walking its nodes into dicts and
  lists and positions (line, column of every key and value).

A C-backed parser is worth adopting only if it (plus our construction of data
and positions from it) costs less per file than fastyaml does in all. Every
time is the best of ``--repeat`` passes over the files, in one process.

Usage: .venv/bin/python benchmarks/yaml_readers.py [--size 10000] [--files 5000] [--repeat 3] [--repo FOLDER]"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

from kehoach.load import fastyaml, yamlsafe
from kehoach.load.files import walk
from kehoach.synth import synthesise


def per_file(read: Callable[[Any], object], items: Sequence[Any], repeat: int) -> float:
    """Microseconds a file, the best of ``repeat`` passes."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for item in items:
            read(item)
        best = min(best, time.process_time() - start)
    return best / len(items) * 1e6


def libyaml_events(text: str) -> None:
    loader = yaml.CSafeLoader(text)
    try:
        while loader.check_event():
            loader.get_event()
    finally:
        loader.dispose()


def libyaml_compose(text: str) -> None:
    loader = yaml.CSafeLoader(text)
    try:
        loader.get_single_node()
    finally:
        loader.dispose()


def ryml_readers() -> dict[str, Callable[[bytes], object]]:
    try:
        import ryml  # type: ignore[import-not-found]
    except ImportError:
        return {}
    tree = ryml.Tree()

    def build(node: int) -> object:
        if tree.is_map(node):
            mapping = {}
            child = tree.first_child(node)
            while child != ryml.NONE:
                mapping[bytes(tree.key(child)).decode()] = build(child)
                child = tree.next_sibling(child)
            return mapping
        if tree.is_seq(node):
            items = []
            child = tree.first_child(node)
            while child != ryml.NONE:
                items.append(build(child))
                child = tree.next_sibling(child)
            return items
        return bytes(tree.val(node)).decode()

    def parse(data: bytes) -> None:
        tree.clear()
        tree.clear_arena()
        ryml.parse_in_arena(data, tree)

    def parse_and_build(data: bytes) -> object:
        parse(data)
        return build(tree.root_id())

    def parse_through_json(data: bytes) -> object:
        parse(data)
        return json.loads(ryml.emit_json(tree))

    return {
        "rapidyaml: parse only": parse,
        "rapidyaml: parse + dicts of text walked from Python (no positions)": parse_and_build,
        "rapidyaml: parse + its JSON text + json.loads (data only: no positions)": parse_through_json,
    }


def libfyaml_readers() -> dict[str, Callable[[str], object]]:
    try:
        import libfyaml  # type: ignore[import-not-found]
    except ImportError:
        return {}

    def parse(text: str) -> object:
        return libfyaml.loads(text, create_markers=True)

    def build(node: Any, path: tuple[Any, ...], keys: dict[Any, Any], values: dict[Any, Any]) -> object:
        marker = node.get_marker()
        values[path] = (marker[1] + 1, marker[2] + 1)
        if node.is_mapping():
            mapping = {}
            for key, value in node.items():
                name = key.to_python()
                marker = key.get_marker()
                keys[(*path, name)] = (marker[1] + 1, marker[2] + 1)
                mapping[name] = build(value, (*path, name), keys, values)
            return mapping
        if node.is_sequence():
            return [build(item, (*path, i), keys, values) for i, item in enumerate(node)]
        return node.to_python()

    def parse_and_build(text: str) -> object:
        keys: dict[Any, Any] = {}
        values: dict[Any, Any] = {}
        return build(parse(text), (), keys, values), keys, values

    return {
        "libfyaml: parse with markers only": parse,
        "libfyaml: parse + data and positions walked from Python": parse_and_build,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="records in the synthetic repository")
    parser.add_argument("--files", type=int, default=5000, help="files read (every n-th of the repository's)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--repo", type=Path, help="an existing repository instead of a synthetic one")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        repo = args.repo or Path(work) / "kho"
        if args.repo is None:
            synthesise(repo, args.size, seed=1)
        listing = [rel for rel, _ in walk(repo)]
        chosen = listing[:: max(1, len(listing) // args.files)][: args.files]
        datas = [(repo / rel).read_bytes() for rel in chosen]
    texts = [data.decode("utf-8") for data in datas]
    gc.disable()  # as in a check
    declined = sum(fastyaml.read(text) is None for text in texts)
    print(f"{len(texts)} files, {sum(map(len, datas)) / len(datas):.0f} bytes a file; fastyaml declines {declined}")
    rows: list[tuple[str, float]] = [
        ("fastyaml: data + positions (what a check uses)", per_file(fastyaml.read, texts, args.repeat)),
        ("libyaml: events only", per_file(libyaml_events, texts, args.repeat)),
        ("libyaml: compose (nodes with marks)", per_file(libyaml_compose, texts, args.repeat)),
        ("yamlsafe: libyaml events with marks + our construction", per_file(yamlsafe.parse, texts, args.repeat)),
    ]
    rows += [(name, per_file(read, texts, args.repeat)) for name, read in libfyaml_readers().items()]
    rows += [(name, per_file(read, datas, args.repeat)) for name, read in ryml_readers().items()]
    for name, micro in rows:
        print(f"{micro:8.1f} us/file  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
