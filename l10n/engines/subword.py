"""The subword tokenizers of argos packages, without argostranslate.

An argos package ships its tokenizer next to the CTranslate2 model: a
``sentencepiece.model`` (nearly every package) or a ``bpe.model`` (subword-nmt
merge codes, applied after Moses tokenisation).  argostranslate wraps both in
small classes (``argostranslate.tokenizer``); importing that package pulls in
its settings module, and installing it with its dependencies pulls in torch,
stanza and spaCy.  These classes give the same tokens and the same text back
as argostranslate 1.11's, using only the libraries underneath:

- SentencePiece: ``sentencepiece`` (a dependency of l10n).  Pieces out with
  ``out_type=str``; back with ``decode_pieces``, then U+2581 and ``_`` become
  spaces, as argostranslate does.
- BPE: ``sacremoses`` (normalise, tokenise, detokenise) and ``subword-nmt``'s
  ``apply_bpe.BPE``, of which ``argostranslate.apply_bpe`` is a copy.  Both are
  optional: ``pip install 'l10n-pipeline[bpe]'``.

Nothing is imported until a tokenizer is built.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from l10n.engines.package_archive import INSTALL_HINT
from l10n.errors import L10nError

__all__ = ["BPE_INSTALL", "BPETokenizer", "SentencePieceTokenizer", "Tokenizer", "load_tokenizer", "require_bpe"]

BPE_INSTALL = "pip install 'l10n-pipeline[bpe]'"
_DAMAGED = f"the package is damaged; {INSTALL_HINT} again"


class Tokenizer(Protocol):
    """Turns one line into subword tokens and tokens back into text."""

    def encode(self, line: str) -> list[str]: ...

    def decode(self, tokens: list[str]) -> str: ...


class SentencePieceTokenizer:
    """An argos package's ``sentencepiece.model``, loaded at once."""

    def __init__(self, model_file: Path) -> None:
        import sentencepiece

        self.model_file = Path(model_file)
        try:
            self._processor = sentencepiece.SentencePieceProcessor(model_file=str(self.model_file))
        except (OSError, RuntimeError) as exc:
            raise L10nError(f"cannot load the SentencePiece model ({exc})", path=self.model_file, hint=_DAMAGED) from exc

    def encode(self, line: str) -> list[str]:
        return list(self._processor.encode(line, out_type=str))

    def decode(self, tokens: list[str]) -> str:
        # argostranslate 1.11 turns the space marker and underscores into spaces.
        return self._processor.decode_pieces(list(tokens)).replace("\u2581", " ").replace("_", " ")


def require_bpe(path: Path) -> None:
    """Raise L10nError (with the install line) unless sacremoses and subword-nmt are importable."""
    missing = []
    for module, dist in (("sacremoses", "sacremoses"), ("subword_nmt.apply_bpe", "subword-nmt")):
        try:
            __import__(module)
        except ImportError:
            missing.append(dist)
    if missing:
        raise L10nError(
            f"this package uses a BPE tokenizer, which needs {' and '.join(missing)} (not installed)",
            path=path,
            hint=f"install them with: {BPE_INSTALL}",
        )


class BPETokenizer:
    """An argos package's ``bpe.model``: Moses tokenisation, then subword-nmt merges."""

    def __init__(self, model_file: Path, from_code: str, to_code: str) -> None:
        self.model_file = Path(model_file)
        require_bpe(self.model_file)
        from sacremoses import MosesDetokenizer, MosesPunctNormalizer, MosesTokenizer
        from subword_nmt.apply_bpe import BPE

        self._normalizer = MosesPunctNormalizer(from_code)
        self._tokenizer = MosesTokenizer(from_code)
        self._detokenizer = MosesDetokenizer(to_code)
        try:
            with self.model_file.open(encoding="utf-8") as codes:
                self._bpe = BPE(codes)
        except (OSError, UnicodeDecodeError, ValueError, IndexError) as exc:
            raise L10nError(f"cannot load the BPE codes ({exc})", path=self.model_file, hint=_DAMAGED) from exc

    def encode(self, line: str) -> list[str]:
        words = " ".join(self._tokenizer.tokenize(self._normalizer.normalize(line)))
        return list(self._bpe.segment_tokens(words.strip("\r\n ").split(" ")))

    def decode(self, tokens: list[str]) -> str:
        return self._detokenizer.detokenize(" ".join(tokens).replace("@@ ", "").split(" "))


def load_tokenizer(package: Path, from_code: str, to_code: str) -> Tokenizer:
    """Return the tokenizer of the argos package folder ``package``, chosen as argostranslate chooses it.

    ``sentencepiece.model`` wins when both files are there.  Raises L10nError
    for a damaged file, a package without either, or missing BPE libraries.
    """
    sp_model = package / "sentencepiece.model"
    if sp_model.is_file():
        return SentencePieceTokenizer(sp_model)
    bpe_model = package / "bpe.model"
    if bpe_model.is_file():
        return BPETokenizer(bpe_model, from_code, to_code)
    raise L10nError(
        "the package has no tokenizer (sentencepiece.model or bpe.model)",
        path=package,
        hint=_DAMAGED,
    )
