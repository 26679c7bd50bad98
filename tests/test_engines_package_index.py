"""Models by pair: `l10n model search` / `install SOURCE TARGET` against a local index server on 127.0.0.1."""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from helpers import run_cli

from l10n.engines.package_index import fetch_index, install_pair, parse_index, search
from l10n.engines.packages import STAGING_PREFIX, install_model, installed_models
from l10n.errors import L10nError

TOP = "translate-en_zh-tiny"


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    delay: float = 0.0
    send: int | None = None  # send only this many bytes of body, then close (Content-Length stays full)


class IndexServer:
    """Serves ``routes`` (path → Route) on 127.0.0.1; records the paths asked for."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.asked: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                server.asked.append(self.path)
                route = server.routes.get(self.path, Route(b"not found", 404))
                if route.delay:
                    threading.Event().wait(route.delay)
                try:
                    self.send_response(route.status)
                    self.send_header("Content-Length", str(len(route.body)))
                    self.end_headers()
                    self.wfile.write(route.body if route.send is None else route.body[: route.send])
                    self.wfile.flush()
                except OSError:
                    pass
                self.close_connection = True

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def publish(self, packages: dict[str, tuple[bytes, dict]]) -> str:
        """Serve an index listing each package (path → (bytes, index fields)); return the index URL."""
        index = []
        for path, (data, fields) in packages.items():
            self.routes.setdefault(path, Route(data))
            entry = {
                "package_version": "0.1", "argos_version": "1.9", "from_code": "en", "from_name": "English",
                "to_code": "zh", "to_name": "Chinese", "type": "translate", "links": [self.base + path],
            }
            entry.update(fields)
            index.append(entry)
        index.append({"type": "sbd", "from_code": "en", "links": [self.base + "/sbd"]})  # not a translation package
        index.append({"from_code": "en", "to_code": "de", "package_version": "1.0", "links": [self.base + "/de"]})
        self.routes["/index.json"] = Route(json.dumps(index).encode())
        return self.base + "/index.json"


@pytest.fixture
def server():
    running = IndexServer()
    yield running
    running.httpd.shutdown()
    running.httpd.server_close()


@pytest.fixture
def packages(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "argos" / "packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder))
    return folder


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def snapshot(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_search_lists_translation_packages_by_pair(server, tiny_argosmodel):
    url = server.publish({"/m.argosmodel": (tiny_argosmodel.read_bytes(), {})})
    entries = fetch_index(url, timeout=5)
    assert [(e.from_code, e.to_code) for e in entries] == [("en", "zh"), ("en", "de")]
    assert [e.to_code for e in search(entries, "en")] == ["de", "zh"]
    assert [e.version for e in search(entries, "en", "zh_CN")] == ["0.1"]
    assert search(entries, "en", "zh_TW") == []


def test_install_by_pair_verifies_and_installs(server, tiny_argosmodel, packages):
    data = tiny_argosmodel.read_bytes()
    url = server.publish({"/m.argosmodel": (data, {"size": len(data), "sha256": sha(data)})})
    entry, result = install_pair("en", "zh", index=url, timeout=5)
    assert entry.version == "0.1" and result.model.name == TOP
    assert [m.name for m in installed_models(packages)] == [TOP]
    assert sorted(p.name for p in packages.iterdir()) == [TOP]  # download and staging cleaned up


def test_newest_version_wins(server, tiny_argosmodel, packages):
    data = tiny_argosmodel.read_bytes()
    url = server.publish({"/old": (data, {"package_version": "0.1"}), "/new": (data, {"package_version": "0.10"})})
    entry, _ = install_pair("en", "zh", index=url, timeout=5)
    assert entry.version == "0.10" and server.asked[-1] == "/new"


@pytest.mark.parametrize(
    "case, route, fields, message",
    [
        ("truncated", {"send": 5000}, {}, "broke off|truncated"),
        ("wrong-size", {}, {"size": 1234}, "index says 1,234"),
        ("404", {"status": 404}, {}, "HTTP 404"),
        ("hangs", {"delay": 4.0}, {}, "timed out"),
        ("corrupt-with-checksum", {"corrupt": True}, {"sha256": "0" * 64}, "SHA-256"),
        ("corrupt-no-checksum", {"corrupt": True}, {}, "could not install|cannot be loaded|damaged"),
    ],
)
def test_bad_download_leaves_the_previous_model_intact(case, route, fields, message, server, tiny_argosmodel, packages):
    install_model(tiny_argosmodel, packages)
    before = snapshot(packages)
    data = tiny_argosmodel.read_bytes()
    if route.pop("corrupt", False):
        middle = len(data) // 2
        data = data[:middle] + bytes(b ^ 0x5A for b in data[middle : middle + 64]) + data[middle + 64 :]
    server.routes["/pkg"] = Route(data, **route)
    url = server.publish({"/pkg": (data, fields)})
    with pytest.raises(L10nError, match=message) as caught:
        install_pair("en", "zh", index=url, timeout=1.0)
    assert "l10n model install translate-en_zh.argosmodel" in str(caught.value) or "damaged" in str(caught.value)
    assert snapshot(packages) == before
    assert not [p for p in packages.iterdir() if p.name.startswith(STAGING_PREFIX)]


def test_pair_missing_from_the_index(server, tiny_argosmodel, packages):
    url = server.publish({"/m": (tiny_argosmodel.read_bytes(), {})})
    with pytest.raises(L10nError, match="no package for en→fr"):
        install_pair("en", "fr", index=url, timeout=5)
    assert not packages.exists()


@pytest.mark.parametrize("body", [b"{not json", b'{"a": 1}', b"[" * 200_000])
def test_broken_index_is_one_clear_error(body):
    with pytest.raises(L10nError, match="model index"):
        parse_index(body, "http://127.0.0.1/index.json")


def test_index_from_a_local_file(tmp_path, tiny_argosmodel, packages):
    data = tiny_argosmodel.read_bytes()
    (tmp_path / "m.argosmodel").write_bytes(data)
    index = [{"from_code": "en", "to_code": "zh", "package_version": "0.1", "links": [(tmp_path / "m.argosmodel").as_uri()]}]
    (tmp_path / "index.json").write_text(json.dumps(index))
    entry, result = install_pair("en", "zh", index=str(tmp_path / "index.json"))
    assert result.model.name == TOP


def test_index_and_package_over_their_caps_are_refused(tmp_path, tiny_argosmodel, packages, monkeypatch):
    from l10n.engines import package_index

    data = tiny_argosmodel.read_bytes()
    (tmp_path / "m.argosmodel").write_bytes(data)
    link = (tmp_path / "m.argosmodel").as_uri()
    index = [{"from_code": "en", "to_code": "zh", "package_version": "0.1", "size": len(data) - 1, "links": [link]}]
    (tmp_path / "index.json").write_text(json.dumps(index))
    with pytest.raises(L10nError, match=f"{link} sends more than the {len(data) - 1:,} bytes expected"):
        install_pair("en", "zh", index=str(tmp_path / "index.json"))
    assert not [p for p in packages.iterdir() if p.name.startswith(STAGING_PREFIX)]
    monkeypatch.setattr(package_index, "MAX_INDEX_BYTES", 10)
    with pytest.raises(L10nError, match="the model index at .* is larger than 10 bytes"):
        fetch_index(str(tmp_path / "index.json"))


# -- the CLI --------------------------------------------------------------------


def cli(args: list[str], capsys, monkeypatch) -> tuple[int, str]:
    result = run_cli(args, capsys, monkeypatch)
    return result.code, result.text


def test_cli_offline_fails_at_once_with_the_file_command_and_writes_nothing(tmp_path, packages, capsys, monkeypatch):
    import socket

    def offline(*args, **kwargs):
        raise socket.gaierror(-3, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", offline)
    monkeypatch.delenv("L10N_MODEL_INDEX", raising=False)
    monkeypatch.chdir(tmp_path)
    code, output = cli(["model", "install", "en", "zh"], capsys, monkeypatch)
    assert code == 2 and "Traceback" not in output
    assert "cannot reach the model index" in output
    assert "l10n model install translate-en_zh.argosmodel" in output
    assert not packages.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["argos"] or not (tmp_path / "argos").exists()


def test_cli_index_from_config_env_and_flag(server, tiny_argosmodel, tmp_path, packages, capsys, monkeypatch):
    url = server.publish({"/m": (tiny_argosmodel.read_bytes(), {})})
    project = tmp_path / "project"
    (project / "seeds").mkdir(parents=True)
    (project / "pyproject.toml").write_text(f'[tool.l10n]\ntarget-languages = ["zh"]\nmodel-index = "{url}"\n')
    monkeypatch.delenv("L10N_MODEL_INDEX", raising=False)
    code, output = cli(["--root", str(project), "model", "search", "en"], capsys, monkeypatch)
    assert code == 0 and "en→zh 0.1 English → Chinese  (l10n model install en zh)" in output
    monkeypatch.setenv("L10N_MODEL_INDEX", server.base + "/nowhere.json")
    code, output = cli(["--root", str(project), "model", "search", "en"], capsys, monkeypatch)
    assert code == 2 and "HTTP 404" in output
    code, output = cli(["--root", str(project), "model", "install", "en", "zh", "--index", url], capsys, monkeypatch)
    assert code == 0, output
    assert f"installed en→zh {TOP} 0.1" in output
