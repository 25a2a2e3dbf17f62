"""Regenerate src/corpus_align/resources/common_chars.txt.

The encoding detector tells GB18030 from Big5 by how many decoded characters
are common Chinese characters. The list is the 4,000 most frequent characters
of jieba's dictionary (word frequencies summed per character) plus their
Traditional forms (OpenCC s2t, s2tw, s2hk), one line of characters.

Run: python scripts/make_common_chars.py
"""

from collections import Counter
from pathlib import Path

import jieba
import opencc

TOP = 4000

counts: Counter[str] = Counter()
dictionary = Path(jieba.__file__).with_name("dict.txt")
for line in dictionary.read_text(encoding="utf-8").splitlines():
    word, freq, *_ = line.split(" ")
    for char in word:
        if "\u4e00" <= char <= "\u9fff":
            counts[char] += int(freq)
simplified = "".join(char for char, _ in counts.most_common(TOP))
chars = set(simplified)
for config in ("s2t", "s2tw", "s2hk"):
    chars.update(opencc.OpenCC(config).convert(simplified))
out = Path(__file__).resolve().parents[1] / "src/corpus_align/resources/common_chars.txt"
out.write_text("".join(sorted(chars)) + "\n", encoding="utf-8")
print(f"{len(chars)} characters written to {out}")
