"""The openai engine against a fake chat-completions server on 127.0.0.1 that misbehaves on purpose."""

from __future__ import annotations

import json
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

import pytest
from helpers import run_cli

from l10n.engines.openai import OpenAIEngine, check_base_url, clean_reply
from l10n.engines.registry import choose_engine
from l10n.errors import L10nError
from l10n.po.read import read_catalog

REPO = Path(__file__).resolve().parent.parent
KEY = "sk-test-5ecret-key-never-written-9f3a"
TEXT = (
    "Hangzhou built the City Brain in 2016. It helps people every day.\n"
    "Qinqing Online serves 53 government departments. Firms like it.\n"
)

# A behaviour gets (request number, parsed body, headers) and returns (status, body bytes, delay seconds).
Behaviour = Callable[[int, dict, dict], tuple[int, bytes, float]]


def answer(text: str) -> bytes:
    return json.dumps({"choices": [{"message": {"role": "assistant", "content": text}}]}).encode()


def sentence_of(body: dict) -> str:
    return body["messages"][-1]["content"].rsplit("\n", 1)[-1]


def echo_zh(count: int, body: dict, headers: dict) -> tuple[int, bytes, float]:
    """A well-behaved model: '译：<sentence>', with every required rendering it was given."""
    user = body["messages"][-1]["content"]
    terms = [line[2:].split(" → ")[1] for line in user.splitlines() if line.startswith("- ")]
    return 200, answer("译：" + sentence_of(body) + "".join(terms)), 0.0


class FakeServer:
    """A ThreadingHTTPServer on 127.0.0.1 whose answers follow ``behaviour``."""

    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.requests: list[tuple[dict, dict]] = []
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length))
                with server.lock:
                    server.requests.append((body, dict(self.headers)))
                    count = len(server.requests)
                status, payload, delay = server.behaviour(count, body, dict(self.headers))
                if delay:
                    threading.Event().wait(delay)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except OSError:
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def serve():
    servers = []

    def start(behaviour: Behaviour) -> FakeServer:
        servers.append(FakeServer(behaviour))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def engine(url: str, **options) -> OpenAIEngine:
    settings = {"base_url": url, "model": "fake-7b", "timeout": 2.0, "retries": 2, "backoff": 0.01, "concurrency": 3}
    settings.update(options)
    return OpenAIEngine("en", "zh", **settings)


def test_drafts_every_sentence_in_order_concurrently(serve):
    server = serve(lambda n, body, h: (200, answer("译：" + sentence_of(body)), 0.05))
    sentences = [f"Sentence number {i}." for i in range(12)]
    assert engine(server.url).translate_batch(sentences) == ["译：" + s for s in sentences]
    assert len(server.requests) == 12
    assert server.requests[0][0]["model"] == "fake-7b" and server.requests[0][0]["temperature"] == 0.0


def test_blank_sentences_are_not_sent(serve):
    server = serve(echo_zh)
    assert engine(server.url).translate_batch(["", "  ", "Hello."]) == ["", "", "译：Hello."]
    assert len(server.requests) == 1


@pytest.mark.parametrize("status", [429, 500, 503])
def test_rate_limits_and_server_errors_are_retried(serve, status):
    server = serve(lambda n, body, h: (status, b'{"error": "busy"}', 0.0) if n <= 2 else echo_zh(n, body, h))
    assert engine(server.url, concurrency=1).translate_batch(["One."]) == ["译：One."]
    assert len(server.requests) == 3


def test_malformed_json_is_retried_then_a_clear_error(serve):
    server = serve(lambda n, body, h: (200, b"{not json", 0.0))
    with pytest.raises(L10nError, match="failed 3 times .*not a chat-completions JSON"):
        engine(server.url).translate_batch(["One.", "Two."])


def test_slow_server_times_out_and_is_retried(serve):
    server = serve(lambda n, body, h: (200, answer("慢"), 2.5 if n == 1 else 0.0))
    assert engine(server.url, timeout=1.0, concurrency=1).translate_batch(["Slow."]) == ["慢"]


def test_server_that_always_hangs_gives_a_clear_error(serve):
    server = serve(lambda n, body, h: (200, answer("x"), 2.0))
    with pytest.raises(L10nError, match="failed 2 times"):
        engine(server.url, timeout=0.5, retries=1).translate_batch(["Hang."])


def test_dead_server_gives_a_clear_error(serve):
    server = serve(echo_zh)
    url = server.url
    server.close()
    with pytest.raises(L10nError) as caught:
        engine(url, retries=1).translate_batch(["Anyone there?"])
    assert "cannot connect" in str(caught.value) and url.rsplit("/", 1)[0] in str(caught.value)


@pytest.mark.parametrize(
    "status, hint", [(401, "OPENAI_API_KEY"), (404, "ends in /v1"), (400, "base-url and model")]
)
def test_client_errors_are_not_retried(serve, status, hint):
    server = serve(lambda n, body, h: (status, b'{"error": "nope"}', 0.0))
    with pytest.raises(L10nError) as caught:
        engine(server.url).translate_batch(["One."])
    assert f"HTTP {status}" in str(caught.value) and hint in str(caught.value)
    assert len(server.requests) == 1


def test_redirects_are_not_followed(serve):
    class Redirect(BaseHTTPRequestHandler):
        pass

    server = serve(lambda n, body, h: (307, b"", 0.0))
    with pytest.raises(L10nError, match="redirected"):
        engine(server.url).translate_batch(["One."])


def test_empty_answer_is_asked_again_then_left_empty(serve):
    server = serve(lambda n, body, h: (200, answer("   "), 0.0))
    assert engine(server.url, concurrency=1).translate_batch(["Nothing?"]) == [""]
    assert len(server.requests) == 2


@pytest.mark.parametrize(
    "reply",
    [
        "<think>The user wants Chinese. 城市 means city.</think>\n这座城市很美。",
        "Translation: 这座城市很美。",
        "“这座城市很美。”",
        "Here is the translation:\n\n这座城市很美。\n\nNote: I translated 'beautiful' as 很美.",
        "```\n这座城市很美。\n```",
        "这座城市很美。 (Note: a literal rendering.)",
        "**译文：** 这座城市很美。",
        "reasoning first</think>这座城市很美。",
    ],
    ids=["think", "label", "quotes", "intro-and-note", "fence", "afterword", "bold-label", "half-think"],
)
def test_chatty_replies_become_one_sentence(reply):
    assert clean_reply(reply, "The city is beautiful.") == "这座城市很美。"


def test_quotes_the_source_has_are_kept():
    assert clean_reply("“好”", "“Good”") == "“好”"


def test_key_goes_only_in_the_header(serve, monkeypatch):
    monkeypatch.setenv("MY_KEY", KEY)
    server = serve(echo_zh)
    engine(server.url, api_key_env="MY_KEY").translate_batch(["One."])
    body, headers = server.requests[0]
    assert headers["Authorization"] == f"Bearer {KEY}"
    assert KEY not in json.dumps(body)


def test_plain_http_to_another_host_is_warned_about_and_bad_urls_refused():
    assert check_base_url("http://127.0.0.1:8080/v1/")[1] == ()
    assert check_base_url("https://llm.example.org/v1")[1] == ()
    assert "unencrypted" in check_base_url("http://10.1.2.3:8000/v1")[0:2][1][0]
    for bad in ("ftp://host/v1", "127.0.0.1:11434", "http://user:pw@host/v1"):
        with pytest.raises(L10nError):
            check_base_url(bad)


def test_auto_picks_openai_only_when_configured(monkeypatch, tmp_path):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "none"))
    assert choose_engine("auto", "en", "zh").name == "fallback"
    configured = {"openai": {"base-url": "http://127.0.0.1:9/v1", "model": "m"}}
    choice = choose_engine("auto", "en", "zh", configured=configured)
    assert choice.name == "openai" and "model m" in choice.reason
    with pytest.raises(L10nError, match="not configured"):
        choose_engine("openai", "en", "zh")


# -- end to end through the CLI ---------------------------------------------------


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "doc.txt").write_text(TEXT, encoding="utf-8")
    shutil.copytree(REPO / "glossary", root / "glossary")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-models"))
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    return root


def cli(args: list[str], capsys, monkeypatch) -> tuple[int, str]:
    """Run ``l10n ARGS`` through the console entry point; return (exit status, stdout + stderr)."""
    result = run_cli(args, capsys, monkeypatch)
    return result.code, result.text


def configure(root: Path, url: str) -> None:
    (root / "pyproject.toml").write_text(
        '[tool.l10n]\ntarget-languages = ["zh"]\n\n[tool.l10n.engine.openai]\n'
        f'base-url = "{url}"\nmodel = "fake-7b"\ntimeout = 2.0\nretries = 1\nbackoff = 0.01\n',
        encoding="utf-8",
    )


def every_file_text(root: Path) -> str:
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in root.rglob("*") if p.is_file())


def test_translate_with_a_local_llm_end_to_end(project, serve, capsys, monkeypatch):
    server = serve(echo_zh)
    configure(project, server.url)
    code, output = cli(["--root", str(project), "translate", "--to", "zh"], capsys, monkeypatch)
    assert code == 0, output
    assert "engine: openai" in output
    entries = [e for e in read_catalog(project / "locales/zh/LC_MESSAGES/doc.po").entries if not e.obsolete]
    assert entries and all(e.msgstr.startswith("译：") and e.fuzzy for e in entries)
    qinqing = [e for e in entries if "Qinqing Online" in e.msgid]
    assert qinqing and all("亲清在线" in e.msgstr for e in qinqing)  # glossary rendering asked for and verified
    from l10n.po import provenance

    assert all((provenance.find(e).engine, provenance.find(e).model) == ("openai", "fake-7b") for e in entries)
    asked = [b["messages"][-1]["content"] for b, _ in server.requests if "Qinqing" in sentence_of(b)]
    assert asked and "亲清在线" in asked[0]
    assert KEY not in output and KEY not in every_file_text(project)


def test_a_draft_missing_a_term_is_asked_again_insisting(project, serve, capsys, monkeypatch):
    def stubborn(n, body, headers):
        user = body["messages"][-1]["content"]
        if "MUST" in user:
            return echo_zh(n, body, headers)
        # a rendering repair cannot fix: neither the source term copied nor a listed variant
        return 200, answer("译：" + sentence_of(body).replace("Qinqing Online", "某平台")), 0.0

    server = serve(stubborn)
    configure(project, server.url)
    code, output = cli(["--root", str(project), "translate", "--to", "zh"], capsys, monkeypatch)
    assert code == 0, output
    assert any("MUST" in b["messages"][-1]["content"] for b, _ in server.requests)
    entries = read_catalog(project / "locales/zh/LC_MESSAGES/doc.po").entries
    assert all("亲清在线" in e.msgstr for e in entries if "Qinqing Online" in e.msgid)


def test_dead_server_exits_2_with_a_clear_message_and_no_garbage(project, serve, capsys, monkeypatch):
    server = serve(echo_zh)
    configure(project, server.url)
    server.close()
    code, output = cli(["--root", str(project), "translate", "--to", "zh"], capsys, monkeypatch)
    assert code == 2, output
    assert "cannot connect" in output and "Traceback" not in output
    po = project / "locales/zh/LC_MESSAGES/doc.po"
    if po.exists():
        assert all(not e.msgstr for e in read_catalog(po).entries)
    assert KEY not in output and KEY not in every_file_text(project)


def test_server_failing_midway_keeps_finished_batches_only(project, serve, capsys, monkeypatch):
    def dies_later(n, body, headers):
        return echo_zh(n, body, headers) if n <= 2 else (500, b"{}", 0.0)

    server = serve(dies_later)
    configure(project, server.url)
    code, output = cli(["--root", str(project), "translate", "--to", "zh", "--batch-size", "2"], capsys, monkeypatch)
    assert code == 2, output
    entries = [e for e in read_catalog(project / "locales/zh/LC_MESSAGES/doc.po").entries if not e.obsolete]
    drafted = [e for e in entries if e.msgstr]
    assert all(e.msgstr.startswith("译：") and e.fuzzy for e in drafted)
    assert len(drafted) < len(entries)


def test_plain_http_remote_host_warns_before_sending(project, capsys, monkeypatch):
    configure(project, "http://192.0.2.1:9/v1")  # TEST-NET-1: never routed

    seen = []

    def refuse(*args, **kwargs):  # stands in for the first request: what was said before it?
        seen.append(capsys.readouterr().err)
        raise L10nError("stopped by the test before sending")

    monkeypatch.setattr(OpenAIEngine, "translate_with_terms", refuse)
    code, output = cli(["--root", str(project), "translate", "--to", "zh"], capsys, monkeypatch)
    assert code == 2 and "stopped by the test" in output
    assert seen and "warning: the openai engine will send source text unencrypted (plain HTTP) to 192.0.2.1" in seen[0]


def test_ctrl_c_during_requests_keeps_a_valid_catalogue(project, serve):
    import os
    import signal

    from l10n.project.config import load_settings
    from l10n.translate import translate_project

    def interrupted(n, body, headers):
        if n == 3:
            os.kill(os.getpid(), signal.SIGINT)  # a real Ctrl-C, delivered to the main thread
            return 200, answer("译：late"), 0.3
        return echo_zh(n, body, headers)

    server = serve(interrupted)
    configure(project, server.url)
    with pytest.raises(KeyboardInterrupt):
        translate_project(load_settings(project), "zh", batch_size=2)
    entries = [e for e in read_catalog(project / "locales/zh/LC_MESSAGES/doc.po").entries if not e.obsolete]
    drafted = [e for e in entries if e.msgstr]
    assert 0 < len(drafted) < len(entries)
    assert all(e.fuzzy and e.msgstr.startswith("译：") and e.msgstr != "译：late" for e in drafted)


def test_a_server_that_echoes_the_key_in_an_error_does_not_leak_it(serve, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    server = serve(lambda n, body, h: (401, f"bad key {h.get('Authorization')}".encode(), 0.0))
    with pytest.raises(L10nError) as caught:
        engine(server.url).translate_batch(["One."])
    assert "HTTP 401" in str(caught.value) and "bad key Bearer ***" in str(caught.value)
    assert KEY not in str(caught.value)


def test_a_failure_does_not_wait_for_requests_still_in_flight(serve):
    released = threading.Event()

    def one_fails_one_hangs(n, body, headers):
        if "Bad" in sentence_of(body):
            return 400, b'{"error": "bad request"}', 0.0
        released.wait(10)  # hangs until the test lets it go
        return 200, answer("late"), 0.0

    server = serve(one_fails_one_hangs)
    try:
        with pytest.raises(L10nError, match="HTTP 400"):
            engine(server.url, timeout=30, concurrency=2).translate_batch(["Hang.", "Bad."])
        assert not released.is_set()  # the error came while the other request was still open
    finally:
        released.set()


def test_inline_codes_never_reach_the_model_and_come_back(serve):
    from l10n.drafting.guard import guard

    server = serve(echo_zh)
    guarded = guard(engine(server.url))
    (out,) = guarded.translate_with_terms(["Visit <g1>Qinqing Online</g1> today."], [[("Qinqing Online", "亲清在线")]])
    sent = sentence_of(server.requests[0][0])
    assert "<g1>" not in sent and "Qinqing Online" in sent
    assert out.count("<g1>") == 1 and out.count("</g1>") == 1 and "亲清在线" in out


def test_the_prompt_names_a_language_in_english_or_by_its_code() -> None:
    from l10n.engines.openai import prompt_name

    assert prompt_name("zh_TW") == "Chinese (Traditional, Taiwan)"
    assert prompt_name("pt-BR") == "Portuguese (Brazil)"
    assert prompt_name("xx") == "xx"  # CLDR does not know it: the engine still starts
