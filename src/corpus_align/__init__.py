"""corpus-align: align and check Chinese–English translations.

The public API mirrors the command line::

    >>> import corpus_align
    >>> zh, en = corpus_align.load_bilingual(corpus_align.SourceText("a", "你好。\\nHello.", "utf-8"))
    >>> [s.original for s in corpus_align.segment(zh).sentences]
    ['你好。']

Heavy libraries (jieba, OpenCC, nltk) load on first use, not on import.
"""

from __future__ import annotations

from .errors import CorpusAlignError, InputError, UsageError
from .io.read import decode_bytes, read_text, split_languages
from .model import Damage, Document, Paragraph, Sentence, SourceText
from .normalize import detect_script, normalize_en, normalize_zh
from .pipeline import load_bilingual, load_documents, segment_file, split_file
from .segment import presegmented, segment
from .segment.tokens import pos_tag_zh, tokenize_en, tokenize_zh

__version__ = "0.1.0"

# The align stage pulls in NumPy and the dictionary; load it on first use.
_LAZY = {"align": "alignment", "align_documents": "alignment", "align_files": "alignment",
         "read_glossary": "io.glossary", "Alignment": "model", "Bead": "model", "GlossaryEntry": "model",
         "Finding": "model", "check_alignment": "qa", "check_file": "qa", "run_batch": "batch",
         "BatchSettings": "batch", "discover": "batch", "render": "io.writers", "extract_terms": "terms",
         "extract_terms_from_path": "terms", "extract_terms_from_files": "terms", "TermCandidate": "terms",
         "diff_alignments": "diff", "diff_files": "diff", "diff_releases": "diff",
         "finding_fingerprint": "baseline", "load_baseline": "baseline"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'corpus_align' has no attribute {name!r}")

__all__ = [
    "Alignment",
    "BatchSettings",
    "Bead",
    "Finding",
    "GlossaryEntry",
    "TermCandidate",
    "check_alignment",
    "check_file",
    "diff_alignments",
    "diff_files",
    "diff_releases",
    "discover",
    "extract_terms",
    "extract_terms_from_files",
    "extract_terms_from_path",
    "finding_fingerprint",
    "load_baseline",
    "run_batch",
    "align",
    "align_documents",
    "align_files",
    "read_glossary",
    "render",
    "CorpusAlignError",
    "Damage",
    "Document",
    "InputError",
    "Paragraph",
    "Sentence",
    "SourceText",
    "UsageError",
    "__version__",
    "decode_bytes",
    "detect_script",
    "load_bilingual",
    "load_documents",
    "normalize_en",
    "normalize_zh",
    "pos_tag_zh",
    "presegmented",
    "read_text",
    "segment",
    "segment_file",
    "split_file",
    "split_languages",
    "tokenize_en",
    "tokenize_zh",
]
