"""The argos engine: an installed argostranslate package driven through CTranslate2.

argostranslate's own ``translate()`` runs a sentence splitter first, which on
first use downloads a model (and ``argostranslate.translate`` imports stanza,
which this project does not install).  Our segments are already sentences, so
we skip that layer: we tokenise as argostranslate's tokenizer classes do
(``l10n.engines.subword``, with sentencepiece itself: argostranslate is not
needed at all) and call ``ctranslate2.Translator.translate_batch``
once for a whole batch, with the options argostranslate's
``apply_packaged_translation`` uses (beam 4, length penalty 0.2, unknown-token
replacement, the package's target prefix) and the same detokenisation, so a
sentence translates exactly as argostranslate would translate it alone.

Nothing is imported or loaded until an engine is built; nothing touches the
network.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Sequence

from l10n.engines import EngineInfo
from l10n.engines import packages as _models
from l10n.engines.package_archive import INSTALL_HINT
from l10n.engines.packages import ModelInfo, find_package
from l10n.engines.subword import Tokenizer, load_tokenizer
from l10n.errors import L10nError

__all__ = ["ArgosEngine"]

# argostranslate's defaults (settings.beam_size, and the literals in
# apply_packaged_translation); kept equal so drafts match argostranslate's.
BEAM_SIZE = 4
LENGTH_PENALTY = 0.2
# CTranslate2 truncates longer inputs; stated explicitly because the
# positional tables of converted models are sized for it.
MAX_INPUT_TOKENS = 1024
# CTranslate2's default decoding cap (256 tokens), stated so it can be set.
MAX_DECODING_LENGTH = 256


def resolve_device(device: str) -> str:
    """Return "cuda" or "cpu" for ``auto|cpu|cuda``: auto uses a GPU when CTranslate2 sees one."""
    if device not in ("auto", "cpu", "cuda"):
        raise L10nError(f"unknown device {device!r}", hint="use auto, cpu or cuda")
    if device != "auto":
        return device
    import ctranslate2

    try:
        return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    except RuntimeError:  # a CUDA driver that cannot be queried
        return "cpu"


def _cpu_count() -> int:
    # A Dask worker process runs with OMP_NUM_THREADS=1 (one core per worker):
    # honour it, or N workers on N cores would each start N threads.
    omp = os.environ.get("OMP_NUM_THREADS", "")
    if omp.isdigit() and int(omp) > 0:
        return int(omp)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


class ArgosEngine:
    """Translate batches of sentences with one installed argos package."""

    def __init__(
        self,
        model: ModelInfo,
        *,
        device: str = "cpu",
        compute_type: str | None = None,
        threads: int | None = None,
        max_batch_size: int = 32,
        batch_type: str = "examples",
        beam_size: int = BEAM_SIZE,
        max_decoding_length: int = MAX_DECODING_LENGTH,
    ) -> None:
        import ctranslate2

        self.model = model
        self.beam_size = beam_size
        self.max_batch_size = max_batch_size
        self.batch_type = batch_type
        self.max_decoding_length = max_decoding_length
        self.threads = threads or _cpu_count()
        self.device = resolve_device(device)
        # argos packages ship int8 weights: int8 on a CPU (as argostranslate
        # does), and CTranslate2's pick of the fastest type on a GPU.
        wanted = compute_type or ("int8" if self.device == "cpu" else "auto")
        self._tokenizer = _load_tokenizer(model)
        try:
            # One translation at a time, using every core for it: the
            # pipeline sends big batches, so intra-op threads pay off best.
            self._translator = ctranslate2.Translator(
                str(model.path / "model"),
                device=self.device,
                compute_type=wanted,
                inter_threads=1,
                intra_threads=self.threads,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise L10nError(
                f"cannot load the CTranslate2 model on {self.device} with compute type {wanted} ({exc})",
                path=model.path / "model",
                hint=f"try --device cpu or another --compute-type; if that fails the package is damaged: {INSTALL_HINT} again",
            ) from exc
        self.compute_type = getattr(self._translator, "compute_type", wanted)
        self.info = EngineInfo(
            name="argos", model=model.ident, quality="draft", keeps_placeholders=False, settings=self.settings()
        )

    def settings(self) -> str:
        """Return the decoding settings for provenance: ``cpu,int8,beam4``.

        Device, compute type and beam size can change the wording of a draft.
        Threads cannot, so they are left out: a Dask worker runs one thread,
        and the same draft must carry the same provenance wherever it was made.
        """
        return f"{self.device},{self.compute_type},beam{self.beam_size}"

    @classmethod
    def for_pair(cls, from_code: str, to_code: str, packages_dir: Path | None = None, **options) -> ArgosEngine:
        """Return an engine for the installed package of this pair (our codes: en, zh, zh_TW).

        Raises L10nError with an install hint when no such package is installed.
        """
        directory = Path(packages_dir) if packages_dir is not None else None
        model = find_package(from_code, to_code, directory)
        if model is None:
            raise L10nError(
                f"no argos model for {from_code}→{to_code} is installed",
                path=_models.packages_dir(directory),
                hint=INSTALL_HINT,
            )
        return cls(model, **options)

    def translate_batch(self, sentences: Sequence[str]) -> list[str]:
        """Return one translation per sentence, in order ("" for blank input)."""
        return [hyps[0] for hyps in self._run(sentences, 1)]

    def hypotheses_batch(self, sentences: Sequence[str], n: int) -> list[list[str]]:
        """Return up to ``n`` distinct translations per sentence, best first (n-best beam search)."""
        results = []
        for hyps in self._run(sentences, max(1, int(n))):
            results.append(list(dict.fromkeys(hyps)))
        return results

    def _run(self, sentences: Sequence[str], n: int) -> list[list[str]]:
        """Return exactly ``n`` hypotheses per sentence (duplicates possible)."""
        # argostranslate translates each line of its input on its own and
        # joins the results with newlines; a segment rarely has one, but the
        # same holds here.  Blank lines never reach the model, and a line that
        # repeats is translated once (results do not depend on the batch).
        units: list[list[str]] = []
        unit_of: dict[str, int] = {}
        layout: list[list[int | None]] = []
        for sentence in sentences:
            slots: list[int | None] = []
            for line in sentence.split("\n"):
                if not line.strip():
                    slots.append(None)
                    continue
                if line not in unit_of:
                    unit_of[line] = len(units)
                    units.append(self._tokenizer.encode(line))
                slots.append(unit_of[line])
            layout.append(slots)
        decoded = self._translate_units(units, n) if units else []
        out = []
        for slots in layout:
            hyps = []
            for k in range(n):
                lines = ["" if slot is None else decoded[slot][k] for slot in slots]
                hyps.append("\n".join(lines).lstrip("\n"))
            out.append(hyps)
        return out

    def _translate_units(self, units: list[list[str]], n: int) -> list[list[str]]:
        prefix = self.model.target_prefix
        results = self._translator.translate_batch(
            units,
            target_prefix=[[prefix]] * len(units) if prefix else None,
            max_batch_size=self.max_batch_size,
            batch_type=self.batch_type,
            beam_size=max(n, self.beam_size),
            num_hypotheses=n,
            length_penalty=LENGTH_PENALTY,
            replace_unknowns=True,
            max_input_length=MAX_INPUT_TOKENS,
            max_decoding_length=self.max_decoding_length,
        )
        decoded = []
        for result in results:
            hyps = [self._detokenize(tokens) for tokens in result.hypotheses]
            hyps += hyps[-1:] * (n - len(hyps))  # CTranslate2 may return fewer
            decoded.append(hyps)
        return decoded

    def _detokenize(self, tokens: list[str]) -> str:
        # The same steps as argostranslate's apply_packaged_translation.
        value = self._tokenizer.decode(tokens)
        prefix = self.model.target_prefix
        if prefix and value.startswith(prefix):
            value = value[len(prefix) :]
        if value.startswith(" "):
            value = value[1:]
        return value


def _load_tokenizer(model: ModelInfo) -> Tokenizer:
    """Return the package's tokenizer, as argostranslate's Package class picks it (no argostranslate needed)."""
    return load_tokenizer(model.path, model.from_code, model.to_code)
