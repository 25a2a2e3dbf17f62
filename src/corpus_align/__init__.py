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

__all__ = [
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
