"""Drafting on a Dask cluster: real worker processes on 127.0.0.1.

The driver plans and saves; workers only turn batches into drafts.  These
tests hold the cluster path to the single-process one (the same drafts byte
for byte), and make the faults happen for real: a worker killed with
SIGKILL mid-run, the scheduler killed mid-run, a worker without the model.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from helpers import run_cli

from l10n.drafting.cluster import DaskExecutor  # noqa: E402  (after the importorskip)
from l10n.drafting.executor import LocalExecutor
from l10n.engines import EngineInfo
from l10n.errors import L10nError
from l10n.po.read import read_catalog
from l10n.project.config import load_settings
from l10n.translate import translate_languages, translate_project

REPO = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent


class TaggedEngine:
    """A deterministic engine for any pair: ``[lang] source``; optionally slow."""

    def __init__(self, target: str, delay: float = 0.0) -> None:
        self.info = EngineInfo(name="tagged", model=f"tagged-{target}", keeps_placeholders=True)
        self.target = target
        self.delay = delay

    def translate_batch(self, sentences):
        time.sleep(self.delay)
        return [f"[{self.target}] {s}" for s in sentences]


def tagged(choice):
    """Engine factory the workers import by name (module level, picklable)."""
    return TaggedEngine(choice.target)


def slow_tagged(choice):
    return TaggedEngine(choice.target, delay=0.15)


def copy_seed_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    (project / "seeds").mkdir(parents=True)
    shutil.copy(REPO / "seeds" / "zhejiang-stories.txt", project / "seeds")
    shutil.copytree(REPO / "glossary", project / "glossary")
    (project / "pyproject.toml").write_text('[tool.l10n]\ntarget-languages = ["zh"]\nignore-lines = ["read more"]\n')
    return project


def po_text(project: Path, lang: str = "zh") -> str:
    """The catalogue without its date lines (a clock, not a draft)."""
    text = (project / f"locales/{lang}/LC_MESSAGES/zhejiang-stories.po").read_text(encoding="utf-8")
    dates = ('"PO-Revision-Date:', '"POT-Creation-Date:')
    return "".join(line for line in text.splitlines(True) if not line.startswith(dates))


def drafted_entries(project: Path, lang: str = "zh"):
    return [e for e in read_catalog(project / f"locales/{lang}/LC_MESSAGES/zhejiang-stories.po").active if e.msgstr]


@pytest.fixture(scope="module")
def cluster():
    """One local cluster of two worker processes for the module's tests."""
    with DaskExecutor(workers=2) as executor:
        yield executor


def test_two_workers_draft_the_seed_exactly_as_one_process_loading_the_model_once_each(tmp_path, argos_home):
    """The tiny argos model: n-best reranking, repair and verification run on the workers."""
    single, distributed = copy_seed_project(tmp_path / "a"), copy_seed_project(tmp_path / "b")
    one = translate_project(load_settings(single), "zh", engine="argos", batch_size=4)
    with DaskExecutor(workers=2) as executor:  # started after argos_home: the workers see the model
        two = translate_project(load_settings(distributed), "zh", engine="argos", batch_size=4, executor=executor)
        loads = executor.model_loads()
    assert one.drafted == two.drafted == 226  # 57 batches
    assert (one.terms_enforced, one.terms_missing) == (two.terms_enforced, two.terms_missing)
    assert po_text(single) == po_text(distributed)
    assert len(loads) == 2 and all(n <= 1 for n in loads.values()) and sum(loads.values()) >= 1


def test_a_worker_killed_mid_run_loses_nothing_and_drafts_each_entry_once(tmp_path):
    project = copy_seed_project(tmp_path)
    killed = []
    with DaskExecutor(workers=2, in_flight=4) as executor:
        pids = executor.client.run(os.getpid)

        def kill_one(done, total):
            if done >= 40 and not killed:
                victim = sorted(pids.values())[0]
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)

        summary = translate_project(
            load_settings(project), "zh", batch_size=4, build_engine=slow_tagged, executor=executor, progress=kill_one
        )
    assert killed
    assert summary.drafted == 226
    entries = drafted_entries(project)
    assert len(entries) == 226
    for entry in entries:
        assert entry.fuzzy
        assert sum(c.startswith("l10n: ") for c in entry.translator_comments) == 1
    # The same drafts as a run on one process.
    reference = copy_seed_project(tmp_path / "ref")
    translate_project(load_settings(reference), "zh", batch_size=4, build_engine=tagged)
    assert po_text(project) == po_text(reference)


def test_ctrl_c_saves_what_arrived_and_a_rerun_continues(tmp_path, cluster):
    project = copy_seed_project(tmp_path)
    settings = load_settings(project)

    def interrupt(done, total):
        if done >= 60:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        translate_project(settings, "zh", batch_size=8, build_engine=tagged, executor=cluster, progress=interrupt)
    po = project / "locales/zh/LC_MESSAGES/zhejiang-stories.po"
    subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(po)], check=True)
    saved = len(drafted_entries(project))
    assert 60 <= saved < 226
    again = translate_project(settings, "zh", batch_size=8, build_engine=tagged, executor=cluster)
    assert again.drafted == 226 - saved and len(drafted_entries(project)) == 226


def test_several_languages_share_one_queue_and_each_gets_its_summary(tmp_path, cluster):
    project = copy_seed_project(tmp_path)
    summaries = translate_languages(load_settings(project), ["zh", "zh_TW"], build_engine=tagged, executor=cluster)
    assert [s.lang for s in summaries] == ["zh", "zh_TW"] and all(s.drafted == 226 for s in summaries)
    assert all(e.msgstr.startswith("[zh_TW] ") or "[zh_TW]" in e.msgstr for e in drafted_entries(project, "zh_TW"))

    class Recording(LocalExecutor):
        calls = 0

        def map(self, batches):
            Recording.calls += 1
            yield from super().map(batches)

    other = copy_seed_project(tmp_path / "other")
    translate_languages(load_settings(other), ["zh", "zh_TW"], build_engine=tagged, executor=Recording())
    assert Recording.calls == 1  # both languages' batches go through one map: no language waits for another


@pytest.fixture
def scheduler(tmp_path):
    """A real ``dask scheduler`` process on 127.0.0.1; yields (address, process)."""
    info = tmp_path / "scheduler.json"
    proc = subprocess.Popen(
        [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
         "--scheduler-file", str(info), "--no-dashboard"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not info.exists() or not info.read_text().strip():
        assert time.monotonic() < deadline and proc.poll() is None, "the scheduler did not start"
        time.sleep(0.1)
    workers = []

    def add_worker(env: dict[str, str] | None = None):
        environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), str(REPO)]), **(env or {})}
        workers.append(subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1", "--host", "127.0.0.1",
             "--no-dashboard", "--no-nanny"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment,
        ))

    address = json.loads(info.read_text())["address"]
    yield address, proc, add_worker
    for p in (*workers, proc):
        p.kill()
        p.wait()


def _wait_for_workers(address: str, n: int) -> None:
    from distributed import Client

    with Client(address, timeout=30, set_as_default=False) as client:
        client.wait_for_workers(n, timeout=60)


def test_the_scheduler_gone_gives_one_error_and_keeps_what_arrived(tmp_path, scheduler):
    address, proc, add_worker = scheduler
    add_worker()
    _wait_for_workers(address, 1)
    project = copy_seed_project(tmp_path)

    def kill_scheduler(done, total):
        if done >= 40 and proc.poll() is None:
            proc.kill()
            proc.wait()

    with DaskExecutor(address) as executor, pytest.raises(L10nError) as caught:
        translate_project(load_settings(project), "zh", batch_size=4, build_engine=slow_tagged, executor=executor,
                          progress=kill_scheduler)
    assert f"drafting on Dask scheduler {address} failed" in str(caught.value)
    assert "run the same command again" in str(caught.value)
    po = project / "locales/zh/LC_MESSAGES/zhejiang-stories.po"
    subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(po)], check=True)
    assert 40 <= len(drafted_entries(project)) < 226


def test_a_worker_without_the_model_is_named(tmp_path, scheduler, argos_home):
    address, _, add_worker = scheduler
    empty = tmp_path / "no-models"
    empty.mkdir()
    add_worker({"ARGOS_PACKAGES_DIR": str(empty)})
    _wait_for_workers(address, 1)
    project = copy_seed_project(tmp_path)
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    with DaskExecutor(address) as executor, pytest.raises(L10nError) as caught:
        translate_project(load_settings(project), "zh", engine="argos", executor=executor)
    message = str(caught.value)
    assert message.startswith("worker tcp://127.0.0.1:") and "no argos model for en→zh" in message
    assert "l10n model install" in message  # the hint travels with the error
    after = {p: p.read_bytes() for p in project.rglob("*") if p.is_file() and p.name != ".l10n.lock"}
    assert after == before  # refused before the first write: no template, no catalogue


def test_no_scheduler_at_the_address_is_a_clear_error(tmp_path):
    with pytest.raises(L10nError) as caught:
        DaskExecutor("tcp://127.0.0.1:9", connect_timeout=2).start()
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in str(caught.value)


def _cli(monkeypatch, capsys, project: Path, *args: str) -> tuple[int, str]:
    result = run_cli(["--root", str(project), *args], capsys, monkeypatch)
    return result.code, result.text


def test_cli_workers_drafts_on_a_local_cluster(tmp_path, monkeypatch, capsys):
    project = copy_seed_project(tmp_path)
    code, output = _cli(monkeypatch, capsys, project, "translate", "--to", "zh", "--engine", "fallback", "--workers", "2")
    assert code == 0, output
    assert "drafted on: local Dask cluster of 2 workers" in output and "drafted by fallback: 226 new" in output
    assert "Traceback" not in output


def test_cli_without_dask_installed_says_how_to_install_it(tmp_path, monkeypatch, capsys):
    project = copy_seed_project(tmp_path)
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    monkeypatch.delitem(sys.modules, "l10n.drafting.cluster", raising=False)
    code, output = _cli(monkeypatch, capsys, project, "translate", "--to", "zh", "--workers", "2")
    assert code == 2 and "drafting on a cluster needs Dask" in output and "[cluster]" in output
    assert "Traceback" not in output and not (project / "locales").exists()


def test_cli_unreachable_scheduler_writes_nothing(tmp_path, monkeypatch, capsys):
    project = copy_seed_project(tmp_path)
    (project / "pyproject.toml").write_text('[tool.l10n]\ncluster = "tcp://127.0.0.1:9"\n')
    code, output = _cli(monkeypatch, capsys, project, "translate", "--to", "zh")
    assert code == 2 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in output
    assert "Traceback" not in output and not (project / "locales").exists()
