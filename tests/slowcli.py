"""Run the real ``l10n`` console entry point with test hooks, for interrupt and lock tests.

    python tests/slowcli.py translate --to zh ...

The engine the CLI builds (argos, fallback) is wrapped so that it sleeps
``L10N_TEST_DELAY`` seconds per sentence and appends one line per call to
the marks file ``L10N_TEST_MARKS`` (``batch <n> <msgid>`` lines, tab
separated), so a test knows when drafting is under way and which sentences
reached the engine.  ``L10N_TEST_SLOW_SAVE`` makes every ``fsync`` (inside
an atomic write: the temp file is written, not yet renamed) announce itself
(``save``) and sleep that long, so a test can kill a run mid-save.
``L10N_TEST_LOCK_TIMEOUT`` shortens the wait for the project lock.

Everything else is the shipped code path: ``l10n.cli.app.main``, the lock, the
saving schedule, the KeyboardInterrupt handling.
"""

from __future__ import annotations

import functools
import os
import sys
import time


def _mark(line: str) -> None:
    path = os.environ.get("L10N_TEST_MARKS")
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")
            handle.flush()


class _Slow:
    """An engine that delegates to ``inner`` after sleeping ``delay`` per sentence."""

    def __init__(self, inner, delay: float) -> None:
        self.inner = inner
        self.info = inner.info
        self.delay = delay
        self.calls = 0
        if hasattr(inner, "hypotheses_batch"):
            self.hypotheses_batch = self._hypotheses

    def _note(self, sentences) -> None:
        self.calls += 1
        time.sleep(self.delay * len(sentences))
        for sentence in sentences:
            _mark(f"batch\t{self.calls}\t{sentence}")

    def translate_batch(self, sentences):
        out = self.inner.translate_batch(sentences)
        self._note(sentences)
        return out

    def _hypotheses(self, sentences, n):
        out = self.inner.hypotheses_batch(sentences, n)
        self._note(sentences)
        return out


def _install_hooks() -> None:
    from l10n.engines.registry import EngineChoice

    delay = float(os.environ.get("L10N_TEST_DELAY", "0"))
    real_build = EngineChoice.build

    def build(self):
        return _Slow(real_build(self), delay)

    EngineChoice.build = build

    slow_save = float(os.environ.get("L10N_TEST_SLOW_SAVE", "0"))
    if slow_save:
        real_fsync = os.fsync

        def fsync(fd):
            _mark("save")
            time.sleep(slow_save)
            return real_fsync(fd)

        os.fsync = fsync

    timeout = os.environ.get("L10N_TEST_LOCK_TIMEOUT")
    if timeout:
        import l10n.project.lock
        import l10n.translate

        shorter = functools.partial(l10n.project.lock.project_lock, timeout=float(timeout))
        l10n.translate.project_lock = shorter
        l10n.project.lock.project_lock = shorter


if __name__ == "__main__":
    _install_hooks()
    from l10n.cli.app import main

    sys.argv[0] = "l10n"
    main()
