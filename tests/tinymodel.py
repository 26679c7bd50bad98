"""Build a tiny English→Chinese argos package with random weights, at test time.

No real English→Chinese model can be obtained on the build machines, so tests
and benchmarks exercise the real argos code path (SentencePiece + CTranslate2
+ the ``.argosmodel`` layout) with a model whose weights are random.  Its
output is nonsense by design; only mechanics can be asserted on.

Nothing here needs torch: the SentencePiece model is trained from generated
sentences, and the CTranslate2 Transformer is described by a
``TransformerSpec`` filled with small numpy arrays and saved through a
``Converter`` subclass.

    python tests/tinymodel.py OUT_DIR     # writes OUT_DIR/translate-en_zh-tiny.argosmodel
"""

from __future__ import annotations

import io
import json
import shutil
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# Word lists of our own; sentences are every combination, so the training
# corpus is a few hundred lines and the build stays well under a second.
_EN_SUBJECTS = [
    "The city", "Our village", "The new museum", "A small company", "The river",
    "Every school", "The local government", "Young farmers", "The old bridge",
    "Visitors from abroad", "The digital platform", "The tea garden",
]
_EN_PREDICATES = [
    "opened a library in 2020.", "has grown quickly over ten years.",
    "welcomes 8,000 visitors each month.", "is famous for its green hills.",
    "helped people find better jobs.", "invested 2 billion yuan in clean water.",
    "was rebuilt after the flood.", "now sells products online.",
    "protects the forest and the lake.", "trains doctors for rural clinics.",
    "connects the island to the coast.", "won a national award last year.",
]
_ZH_SUBJECTS = [
    "这座城市", "我们的村庄", "新博物馆", "一家小公司", "这条河", "每所学校",
    "当地政府", "年轻的农民", "那座老桥", "外国游客", "数字平台", "茶园",
]
_ZH_PREDICATES = [
    "在2020年开了一家图书馆。", "十年来发展很快。", "每个月接待8000名游客。",
    "以青山闻名。", "帮助人们找到更好的工作。", "在清洁水源上投资了20亿元。",
    "在洪水之后重建了。", "现在在网上销售产品。", "保护森林和湖泊。",
    "为农村诊所培训医生。", "把海岛和海岸连接起来。", "去年获得了全国奖项。",
]

SPECIAL_TOKENS = ("<unk>", "<s>", "</s>")


@dataclass(frozen=True)
class TinyConfig:
    """Size of the random model; the defaults build in well under a second."""

    from_code: str = "en"
    to_code: str = "zh"
    vocab_size: int = 400
    d_model: int = 64
    num_heads: int = 4
    ffn: int = 128
    layers: int = 2
    seed: int = 7
    eos_bias: float = 2.25  # pushes </s> up so random outputs stay short
    quantization: str | None = "int8"  # argos packages ship int8 weights
    version: str = "0.1"
    target_prefix: str = ""  # written to metadata.json; must be a vocabulary piece
    name: str = ""  # package folder name; default "translate-<from>_<to>-tiny"
    pad_vocabulary_to: int = 0  # add placeholder pieces up to this many (a ~32k vocabulary)
    extra_training_lines: tuple[str, ...] = ()  # more text for the tokenizer (e.g. the seed)

    @property
    def package_name(self) -> str:
        """Return the folder name inside the archive."""
        return self.name or f"translate-{self.from_code}_{self.to_code}-tiny"


def transformer_base(extra_training_lines: tuple[str, ...] = ()) -> TinyConfig:
    """Return the size of argos's en→zh package: Transformer-base, 6+6 layers, d_model 512, 8 heads, FFN 2048, 32k vocabulary.

    The tokenizer is trained on the generated lines plus ``extra_training_lines``
    (a small corpus cannot fill 32k pieces), and the model's vocabulary is
    padded with placeholder pieces to 32,000, so embedding and output layers
    have the real size.  ``eos_bias`` keeps most random drafts short; decoding
    must still be capped (``max_decoding_length``).
    """
    return TinyConfig(
        vocab_size=8000,
        d_model=512,
        num_heads=8,
        ffn=2048,
        layers=6,
        eos_bias=4.0,
        pad_vocabulary_to=32000,
        extra_training_lines=tuple(extra_training_lines),
        name="translate-en_zh-base-random",
        version="0.1",
    )


def training_sentences() -> list[str]:
    """Return the generated English and Chinese lines the tokenizer learns from."""
    english = [f"{s} {p}" for s in _EN_SUBJECTS for p in _EN_PREDICATES]
    chinese = [s + p for s in _ZH_SUBJECTS for p in _ZH_PREDICATES]
    return english + chinese


def train_sentencepiece(config: TinyConfig) -> bytes:
    """Return a serialised SentencePiece unigram model trained on generated lines."""
    import sentencepiece as spm

    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(training_sentences() + list(config.extra_training_lines)),
        model_writer=buffer,
        vocab_size=config.vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        num_threads=1,
        minloglevel=2,
    )
    return buffer.getvalue()


def _spec(config: TinyConfig, vocabulary: list[str]):
    """Return a validated-ready TransformerSpec filled with random weights."""
    from ctranslate2.specs import TransformerSpec

    rng = np.random.default_rng(config.seed)
    d, f, v = config.d_model, config.ffn, len(vocabulary)

    def weight(rows: int, cols: int) -> np.ndarray:
        return (rng.standard_normal((rows, cols)) / np.sqrt(cols)).astype(np.float32)

    def zeros(n: int) -> np.ndarray:
        return np.zeros(n, dtype=np.float32)

    def norm(layer_norm) -> None:
        layer_norm.gamma = np.ones(d, dtype=np.float32)
        layer_norm.beta = zeros(d)

    def linear(spec, rows: int, cols: int) -> None:
        spec.weight = weight(rows, cols)
        spec.bias = zeros(rows)

    def attention(spec, self_attention: bool) -> None:
        norm(spec.layer_norm)
        if self_attention:
            linear(spec.linear[0], 3 * d, d)  # fused query/key/value
            linear(spec.linear[1], d, d)
        else:
            linear(spec.linear[0], d, d)  # query
            linear(spec.linear[1], 2 * d, d)  # fused key/value of the memory
            linear(spec.linear[2], d, d)

    def ffn(spec) -> None:
        norm(spec.layer_norm)
        linear(spec.linear_0, f, d)
        linear(spec.linear_1, d, f)

    spec = TransformerSpec.from_config(config.layers, config.num_heads)
    embeddings = weight(v, d)
    spec.encoder.embeddings[0].weight = embeddings
    spec.decoder.embeddings.weight = embeddings
    norm(spec.encoder.layer_norm)
    norm(spec.decoder.layer_norm)
    for layer in spec.encoder.layer:
        attention(layer.self_attention, True)
        ffn(layer.ffn)
    for layer in spec.decoder.layer:
        attention(layer.self_attention, True)
        attention(layer.attention, False)
        ffn(layer.ffn)
    spec.decoder.projection.weight = weight(v, d)
    bias = zeros(v)
    bias[vocabulary.index("</s>")] = config.eos_bias
    bias[vocabulary.index("<unk>")] = -10.0  # keep replace_unknowns out of the picture
    spec.decoder.projection.bias = bias
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    return spec


def _converter(spec):
    """Return a CTranslate2 Converter whose model is the given spec."""
    from ctranslate2.converters import Converter

    class _SpecConverter(Converter):
        def _load(self):
            return spec

    return _SpecConverter()


def build_package_dir(config: TinyConfig, root: Path) -> Path:
    """Write the unpacked package folder under ``root``; return its path."""
    import sentencepiece as spm

    package = root / config.package_name
    package.mkdir(parents=True)
    sp_bytes = train_sentencepiece(config)
    (package / "sentencepiece.model").write_bytes(sp_bytes)
    processor = spm.SentencePieceProcessor(model_proto=sp_bytes)
    vocabulary = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    assert vocabulary[:3] == list(SPECIAL_TOKENS), vocabulary[:3]
    vocabulary += [f"<pad{i}>" for i in range(max(0, config.pad_vocabulary_to - len(vocabulary)))]
    if config.target_prefix and config.target_prefix not in vocabulary:
        raise ValueError(f"target prefix {config.target_prefix!r} is not a vocabulary piece")
    _converter(_spec(config, vocabulary)).convert(
        str(package / "model"), quantization=config.quantization
    )
    metadata = {
        "package_version": config.version,
        "argos_version": "1.9",
        "from_code": config.from_code,
        "from_name": "English" if config.from_code == "en" else config.from_code,
        "to_code": config.to_code,
        "to_name": "Chinese" if config.to_code == "zh" else config.to_code,
        "type": "translate",
        "links": [],
    }
    if config.target_prefix:
        metadata["target_prefix"] = config.target_prefix
    (package / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    (package / "README.md").write_text(
        "Tiny random-weight test model built by l10n's tests. Output is nonsense.\n",
        encoding="utf-8",
    )
    return package


def zip_package(package: Path, archive: Path) -> Path:
    """Zip a package folder (folder name as the archive's top level); return ``archive``."""
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(package.rglob("*")):
            zf.write(path, path.relative_to(package.parent).as_posix())
    return archive


def build_argosmodel(out_dir: Path, config: TinyConfig | None = None) -> Path:
    """Build the tiny package as ``out_dir/<name>.argosmodel``; return its path."""
    config = config or TinyConfig()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="tinymodel-", dir=out_dir))
    try:
        package = build_package_dir(config, work)
        return zip_package(package, out_dir / f"{config.package_name}.argosmodel")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    import time

    start = time.perf_counter()
    path = build_argosmodel(Path(sys.argv[1] if len(sys.argv) > 1 else "."))
    print(f"{path} ({path.stat().st_size} bytes) in {time.perf_counter() - start:.2f}s")
