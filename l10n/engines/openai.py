"""The ``openai`` engine: drafts from an OpenAI-compatible chat-completions server.

Made for local servers (Ollama, llama.cpp's ``llama-server``, vLLM), which all
speak ``POST {base-url}/chat/completions``.  Configured in ``pyproject.toml``::

    [tool.l10n.engine.openai]
    base-url = "http://127.0.0.1:11434/v1"
    model = "qwen2.5:7b-instruct"

Rules this module keeps:

- Text goes to ``base-url`` and nowhere else: no proxies from the environment,
  no redirects followed.  A plain-HTTP host that is not this machine is
  reported as a warning before anything is sent.
- The API key is read from the environment only (``OPENAI_API_KEY``, or the
  variable ``api-key-env`` names), sent in the Authorization header, and
  never written to a file, a message or the provenance.
- One sentence in, one sentence out: each sentence is its own request, and
  the answer is cleaned of thinking blocks, code fences, "Translation:"
  labels, wrapping quotes and trailing explanations (``clean_reply``).
- Requests run concurrently (at most ``concurrency`` daemon threads pulling
  from a queue bounded by the batch), each with a timeout; 429, 5xx, timeouts
  and refused connections are retried with exponential backoff; anything
  else, or running out of retries, raises L10nError and the whole batch is
  dropped, so no partial result is written.
- Glossary terms go to the model as required renderings
  (``translate_with_terms``); the translate stage then verifies and repairs
  as for any engine and asks once more, insisting, for a draft missing a term.
"""

from __future__ import annotations

import ipaddress
import json
import os
import queue
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Mapping, Sequence

from l10n.engines import EngineInfo
from l10n.engines.registry import Coverage, Option, OptionValue
from l10n.errors import L10nError
from l10n.text.languages import language_name

RETRY_STATUS = {408, 409, 425, 429, 500, 502, 503, 504}
Terms = Sequence[tuple[str, str]]  # (source term, required target)


class _Retry(Exception):
    """A failure worth another attempt (rate limit, server error, timeout, refused connection)."""

    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102 - urllib's hook
        return None  # urllib then raises HTTPError for the 3xx


def is_loopback(host: str) -> bool:
    """Return True when ``host`` is this machine (localhost or a loopback address)."""
    if host.lower() in ("localhost", "localhost.localdomain") or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(url: str) -> tuple[str, tuple[str, ...]]:
    """Return the normalised base URL and its warnings; L10nError when it is not an http(s) URL."""
    parsed = urllib.parse.urlsplit(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise L10nError(
            f"base-url {url!r} is not an http:// or https:// URL",
            hint='set it in [tool.l10n.engine.openai], e.g. base-url = "http://127.0.0.1:11434/v1"',
        )
    if parsed.username or parsed.password:
        raise L10nError("base-url must not hold a user name or password", hint="put the key in OPENAI_API_KEY (or the variable api-key-env names)")
    warnings = ()
    if parsed.scheme == "http" and not is_loopback(parsed.hostname):
        warnings = (
            f"the openai engine will send source text unencrypted (plain HTTP) to {parsed.hostname}, "
            "which is not this machine; use https:// or a server on 127.0.0.1",
        )
    return url.strip().rstrip("/"), warnings


_THINK = re.compile(r"<(think|thinking|reasoning)>.*?</\1>", re.S | re.I)
_OPEN_THINK = re.compile(r"<(?:think|thinking|reasoning)>.*", re.S | re.I)  # never closed: all thinking
_FENCE = re.compile(r"^```[\w-]*\n?(.*?)\n?```$", re.S)
_LABEL = re.compile(
    r"^\s*(?:\*\*)?(?:translation|translated text|target|output|answer|译文|翻译|中文|chinese)(?:\*\*)?\s*[:：]\s*(?:\*\*)?",
    re.I,
)
_INTRO = re.compile(r"^(?:here(?:'s| is)|sure|certainly|okay|ok)\b.*[:：]$", re.I)
_AFTERWORD = re.compile(r"\s*[(（](?:note|explanation|translator'?s note|注|说明)[^)）]*[)）]\s*$", re.I)
_QUOTES = [('"', '"'), ("“", "”"), ("'", "'"), ("‘", "’"), ("「", "」"), ("『", "』"), ("«", "»")]


def clean_reply(reply: str, source: str) -> str:
    """Return the translation inside a model's reply, "" when there is none.

    Keeps as many non-empty lines as the source has (one for a sentence), drops
    thinking blocks, code fences, a "Translation:" label or "Here is…:" line,
    wrapping quotes the source does not have, and a trailing "(Note: …)".
    """
    text = _THINK.sub("", reply)
    if "</think>" in text.lower():  # some servers drop the opening tag
        text = text[text.lower().rindex("</think>") + len("</think>") :]
    text = _OPEN_THINK.sub("", text).strip()
    fenced = _FENCE.match(text)
    if fenced:
        text = fenced.group(1).strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    while lines and (_INTRO.match(lines[0]) or _LABEL.fullmatch(lines[0])):
        lines.pop(0)
    wanted = max(1, len([line for line in source.splitlines() if line.strip()]))
    lines = lines[:wanted]
    if not lines:
        return ""
    lines[0] = _LABEL.sub("", lines[0], count=1)
    text = "\n".join(lines).strip()
    text = _AFTERWORD.sub("", text).strip()
    stripped = source.strip()
    for left, right in _QUOTES:
        if len(text) >= 2 and text.startswith(left) and text.endswith(right) and not (
            stripped.startswith(left) and stripped.endswith(right)
        ):
            text = text[len(left) : -len(right)].strip()
            break
    return text


def prompt_name(code: str) -> str:
    """Return the name the prompt gives a language: its English name, or the code CLDR does not know."""
    try:
        return language_name(code)
    except L10nError:
        return code


class OpenAIEngine:
    """Sentence-by-sentence drafts from one model on an OpenAI-compatible server."""

    def __init__(
        self,
        source: str,
        target: str,
        *,
        base_url: str,
        model: str,
        api_key_env: str = "OPENAI_API_KEY",
        timeout: float = 60.0,
        retries: int = 3,
        backoff: float = 1.0,
        concurrency: int = 4,
        temperature: float = 0.0,
        max_tokens: int = 1024,
    ) -> None:
        self.base_url, _ = check_base_url(base_url)
        self.url = self.base_url + "/chat/completions"
        self.model = model
        self.timeout, self.retries, self.backoff = timeout, retries, backoff
        self.concurrency = max(1, concurrency)
        self.temperature, self.max_tokens = temperature, max_tokens
        self._key_env = api_key_env
        self._source_name, self._target_name = prompt_name(source), prompt_name(target)
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())
        self.info = EngineInfo(
            name="openai", model=model, quality="draft", keeps_placeholders=False, settings=f"temp{temperature:g}"
        )

    # -- the engine protocol --------------------------------------------------

    def translate_batch(self, sentences: Sequence[str]) -> list[str]:
        """Return one draft per sentence ("" for a blank sentence or an empty answer)."""
        return self.translate_with_terms(sentences, [()] * len(sentences))

    def translate_with_terms(self, sentences: Sequence[str], terms: Sequence[Terms], insist: bool = False) -> list[str]:
        """Return one draft per sentence, each asked to use its required term renderings.

        ``insist`` asks again more firmly (a retry for drafts that missed a term).
        Raises L10nError when the server cannot be used; then nothing is returned.
        """
        jobs: queue.Queue = queue.Queue()
        for job in ((i, s, t) for i, (s, t) in enumerate(zip(sentences, terms)) if s.strip()):
            jobs.put(job)
        out = [""] * len(sentences)
        count = jobs.qsize()
        if not count:
            return out
        stop = threading.Event()
        finished = threading.Semaphore(0)
        errors: list[BaseException] = []

        def work() -> None:
            while not stop.is_set():
                try:
                    index, sentence, wanted = jobs.get_nowait()
                except queue.Empty:
                    return
                try:
                    out[index] = self._translate_one(sentence, wanted, insist, stop)
                except BaseException as exc:  # handed to the caller's thread
                    errors.append(exc)
                    stop.set()
                finally:
                    finished.release()

        # Daemon threads: after Ctrl-C or a failure nobody waits for a request
        # still in flight (the process may exit at once); the rest stop retrying.
        for _ in range(min(self.concurrency, count)):
            threading.Thread(target=work, name="l10n-openai", daemon=True).start()
        try:
            for _ in range(count):
                finished.acquire()
                if errors:
                    raise errors[0]
        finally:
            stop.set()
        return out

    # -- one request ----------------------------------------------------------

    def _messages(self, sentence: str, terms: Terms, insist: bool) -> list[dict]:
        system = (
            f"You are a professional translator. Translate the user's text from {self._source_name} "
            f"into {self._target_name}. Reply with the translation only, on one line per line of "
            "input: no quotation marks, no notes, no explanations, no alternatives."
        )
        user = ""
        if terms:
            rules = "\n".join(f"- {src} → {tgt}" for src, tgt in dict(terms).items())
            must = "You MUST use exactly these renderings" if insist else "Use these required renderings"
            user = f"{must} (glossary):\n{rules}\n\nText to translate:\n"
        return [{"role": "system", "content": system}, {"role": "user", "content": user + sentence}]

    def _translate_one(self, sentence: str, terms: Terms, insist: bool, stop: threading.Event | None = None) -> str:
        body = {
            "model": self.model,
            "messages": self._messages(sentence, terms, insist),
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
            "stream": False,
        }
        empty_tries = 0
        for attempt in range(self.retries + 1):
            try:
                text = clean_reply(self._post(body), sentence)
            except _Retry as problem:
                if attempt == self.retries:
                    raise L10nError(
                        f"the LLM server at {self.base_url} failed {attempt + 1} times ({problem.reason})",
                        hint="check that the server is running and serves the model, or raise timeout/retries "
                        "in [tool.l10n.engine.openai]; drafts finished before this were saved",
                    ) from None
                pause = problem.wait if problem.wait is not None else self.backoff * 2**attempt
                if stop is not None and stop.wait(pause):
                    return ""  # the batch failed elsewhere or was interrupted: give up quietly
                if stop is None:
                    time.sleep(pause)
                continue
            if text or empty_tries >= 1:
                return text
            empty_tries += 1  # an empty answer: ask once more, then leave the entry untranslated
        return ""

    def _post(self, body: dict) -> str:
        """Return the reply text of one chat-completions request; _Retry or L10nError on failure."""
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        key = os.environ.get(self._key_env, "")
        if key:
            headers["Authorization"] = f"Bearer {key}"
        request = urllib.request.Request(self.url, data=json.dumps(body).encode("utf-8"), headers=headers, method="POST")
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                raw = response.read(16 * 1024 * 1024)
        except urllib.error.HTTPError as exc:
            raise self._http_error(exc, key) from None
        except (TimeoutError, ConnectionError) as exc:
            raise _Retry(f"{type(exc).__name__}: {exc}") from None
        except urllib.error.URLError as exc:
            raise _Retry(f"cannot connect: {exc.reason}") from None
        except OSError as exc:  # a reset mid-read, a broken pipe
            raise _Retry(f"connection failed: {exc}") from None
        try:
            data = json.loads(raw)
            content = data["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            raise _Retry("the reply is not a chat-completions JSON object") from None
        if content is None:
            return ""
        if not isinstance(content, str):
            raise _Retry("the reply's message content is not text")
        return content

    def _http_error(self, exc: urllib.error.HTTPError, key: str) -> Exception:
        try:
            detail = exc.read(300).decode("utf-8", "replace").strip()
        except OSError:
            detail = ""
        if key:
            detail = detail.replace(key, "***")
        status = exc.code
        if status in RETRY_STATUS:
            after = exc.headers.get("Retry-After") if exc.headers else None
            wait_for = float(after) if after and after.strip().isdigit() else None
            return _Retry(f"HTTP {status}", None if wait_for is None else min(wait_for, 30.0))
        if 300 <= status < 400:
            return L10nError(
                f"the LLM server at {self.base_url} redirected the request (HTTP {status}); "
                "l10n sends text only to the configured address",
                hint="set base-url to the address the server really answers on",
            )
        hints = {
            401: f"the server wants an API key: set it in the environment variable {self._key_env}",
            403: f"the server refused the API key in {self._key_env}",
            404: f"no model {self.model!r} or no chat-completions endpoint at {self.url}; base-url usually ends in /v1",
        }
        return L10nError(
            f"the LLM server at {self.base_url} answered HTTP {status}" + (f": {detail[:200]}" if detail else ""),
            hint=hints.get(status, "check base-url and model in [tool.l10n.engine.openai]"),
        )


class OpenAIProvider:
    """Registry row of the ``openai`` engine."""

    name = "openai"
    summary = "an OpenAI-compatible chat-completions server (Ollama, llama.cpp server, vLLM) set in [tool.l10n.engine.openai]"
    auto_rank = 100  # when configured, the project asked for it
    options = (
        Option("base-url", str, "the server's API root, e.g. http://127.0.0.1:11434/v1"),
        Option("model", str, "the model name the server knows"),
        Option("api-key-env", str, "environment variable holding the API key (default OPENAI_API_KEY)"),
        Option("timeout", float, "seconds per request", minimum=0.01),
        Option("retries", int, "retries after a 429, 5xx, timeout or refused connection", minimum=0),
        Option("backoff", float, "seconds before the first retry (doubles each time)", minimum=0),
        Option("concurrency", int, "requests at once", minimum=1),
        Option("temperature", float, "sampling temperature (0: most deterministic)", minimum=0),
        Option("max-tokens", int, "longest answer in tokens", minimum=1),
    )

    def covers(self, source: str, target: str, options: Mapping[str, OptionValue]) -> Coverage:
        """Covered when base-url and model are set; the server is not contacted."""
        missing = [key for key in ("base-url", "model") if not options.get(key)]
        if missing:
            return Coverage(False, f"the openai engine is not configured ({' and '.join(missing)} missing in [tool.l10n.engine.openai])")
        url, warnings = check_base_url(str(options["base-url"]))
        return Coverage(True, f"the LLM server set in [tool.l10n.engine.openai] (model {options['model']} at {url})", warnings)

    def build(self, source: str, target: str, options: Mapping[str, OptionValue]) -> OpenAIEngine:
        """Return the engine (no request is made until the first batch)."""
        coverage = self.covers(source, target, options)
        if not coverage.ok:
            raise L10nError(coverage.reason, hint='set base-url and model, e.g. --engine-option base-url=http://127.0.0.1:11434/v1')
        kwargs = {key.replace("-", "_"): value for key, value in options.items()}
        return OpenAIEngine(source, target, **kwargs)


PROVIDER = OpenAIProvider()
