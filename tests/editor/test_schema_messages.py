"""The schemas as editors read them: ajv compiles each in strict mode, and
yaml-language-server (the YAML extension's server, driven over stdio) shows
Vietnamese messages for a bad enum value, a bad pattern and a missing field;
every field has a description, and no hover repeats a title or a value."""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

from kehoach.schema_text import EDITOR_KEYWORDS

from ..conftest import REPO_ROOT

NODE_MODULES = REPO_ROOT / "node_modules"
SCHEMAS = sorted((REPO_ROOT / "schema").glob("*.schema.json"))
SERVER = NODE_MODULES / "yaml-language-server/bin/yaml-language-server"


def _require(path: Path) -> None:
    assert path.exists(), f"{path} is missing: run 'make test-tools' (npm ci) first"


def test_ajv_strict_compiles_every_schema() -> None:
    _require(NODE_MODULES / "ajv")
    ran = subprocess.run(
        ["node", str(Path(__file__).with_name("ajv_compile.js")), ",".join(EDITOR_KEYWORDS), *map(str, SCHEMAS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert ran.stdout.count("ok ") == len(SCHEMAS) >= 4


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for child in node.values():
            yield from _walk(child)
    elif isinstance(node, list):
        for child in node:
            yield from _walk(child)


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_field_described_every_refusal_in_vietnamese(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    for node in _walk(schema):
        for name, field in (node.get("properties") or {}).items():
            assert field.get("description"), f"{path.name}: '{name}' has no description"
        if "pattern" in node:
            assert node.get("patternErrorMessage"), node
        if "enum" in node:
            assert node.get("errorMessage") and "markdownEnumDescriptions" not in node, node
            assert all(str(v) in node["errorMessage"] for v in node["enum"])
        for branch in node.get("anyOf", []):
            for key in ("title", "description"):
                assert key not in node or branch.get(key) != node[key], f"{path.name}: {key} repeated in a hover"
        for message in (node.get("errorMessage"), node.get("patternErrorMessage")):
            assert message is None or not message.isascii(), message


class Server:
    """A yaml-language-server process spoken to in JSON-RPC over stdio."""

    def __init__(self, root: Path) -> None:
        self.process = subprocess.Popen(
            ["node", str(SERVER), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=root
        )
        self.next_id = 0
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}

    def send(self, payload: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **payload}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        wanted = self.next_id
        self.send({"id": wanted, "method": method, "params": params})
        while True:
            message = self.read()
            if message.get("id") == wanted and "method" not in message:
                return message.get("result")

    def read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        length = 0
        while True:
            line = self.process.stdout.readline()
            assert line, "yaml-language-server stopped"
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        message = json.loads(self.process.stdout.read(length))
        if message.get("method") == "textDocument/publishDiagnostics":
            self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
        elif "method" in message and "id" in message:  # a request from the server: settings and the like
            result: Any = None
            if message["method"] == "workspace/configuration":
                result = [self.settings for _ in message["params"]["items"]]
            self.send({"id": message["id"], "result": result})
        return message

    settings: ClassVar[dict[str, Any]] = {"validate": True, "hover": True, "completion": True, "yamlVersion": "1.2"}

    def open(self, path: Path, text: str) -> str:
        uri = path.as_uri()
        self.diagnostics.pop(uri, None)
        self.send(
            {
                "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
            }
        )
        return uri

    def diagnose(self, path: Path, text: str) -> list[dict[str, Any]]:
        uri = self.open(path, text)
        deadline = time.monotonic() + 60
        while uri not in self.diagnostics or not self.diagnostics[uri]:
            assert time.monotonic() < deadline, "no diagnostics from yaml-language-server"
            self.read()
        return self.diagnostics[uri]

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    _require(SERVER)
    running = Server(REPO_ROOT)
    running.request(
        "initialize",
        {"processId": None, "rootUri": REPO_ROOT.as_uri(), "capabilities": {"workspace": {"configuration": True}}},
    )
    running.send({"method": "initialized", "params": {}})
    running.send({"method": "workspace/didChangeConfiguration", "params": {"settings": {"yaml": Server.settings}}})
    yield running
    running.close()


TASK = REPO_ROOT / "records/plans/binh-thuan-2021-12-kh-bdvtu/tasks/binh-thuan-2021-12-kh-bdvtu-nv29.yaml"


@pytest.mark.parametrize(
    ("change", "line", "expected"),
    [
        (("timeframe:", "status: xong\ntimeframe:"), "status: xong", "giá trị không hợp lệ; chọn một trong: planned"),
        (
            ("  - binh-thuan-ban-dan-van-lanh-dao-ban", "  - Ban Lãnh đạo"),
            "  - Ban Lãnh đạo",
            "Mã định danh chỉ gồm chữ thường không dấu",
        ),
        (("section: III\n", ""), None, "cần đủ các trường bắt buộc (id, plan, section, order, text)"),
    ],
    ids=["enum", "pattern", "missing field"],
)
def test_the_editor_says_it_in_vietnamese(
    server: Server, change: tuple[str, str], line: str | None, expected: str
) -> None:
    text = TASK.read_text(encoding="utf-8")
    assert change[0] in text
    edited = text.replace(change[0], change[1], 1)
    found = server.diagnose(TASK.with_name(f"{TASK.stem}-{len(expected)}.yaml"), edited)  # one document each
    messages = [d["message"] for d in found]
    assert any(expected in m for m in messages), messages
    assert not any(word in m for m in messages for word in ("Value is not accepted", "does not match", "Missing"))
    if line is not None:
        number = edited.splitlines().index(line)
        assert any(d["range"]["start"]["line"] == number and expected in d["message"] for d in found), found


DIRECTIVE = REPO_ROOT / "records/directives/binh-thuan-2016-14-ct-tu.yaml"


@pytest.mark.parametrize(("path", "key"), [(DIRECTIVE, "number"), (DIRECTIVE, "type"), (TASK, "plan")])
def test_hovers_say_each_thing_once(server: Server, path: Path, key: str) -> None:
    text = path.read_text(encoding="utf-8")
    uri = server.open(path.with_name(f"hover-{key}-{path.name}"), text)
    line = next(i for i, row in enumerate(text.splitlines()) if row.startswith(f"{key}:"))
    hover = server.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": line, "character": 1}}
    )
    shown = hover["contents"]["value"] if isinstance(hover["contents"], dict) else str(hover["contents"])
    assert shown.strip(), hover
    assert "||" not in shown, shown
    assert "Example" not in shown, shown  # the examples are in the (Vietnamese) description
    assert not any(f"`{v}`: **{v}**" in shown for v in ("chi-thi", "done", "planned")), shown
