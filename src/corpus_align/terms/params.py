"""Constants of term extraction (:mod:`corpus_align.terms`), each with what it was chosen on and its figure.

None was fitted: each was set by reasoning and the examples named, before the hand-built lists of
``benchmarks/data/terms`` existed; ``python benchmarks/term_extraction.py`` measures what they give
(precision of the top candidates and recall of those lists, per document and pooled): on 2026-12-02,
precision of the top 100 (or all, when fewer) 0.59 pooled over five documents (0.38-0.71), recall 0.66.
"""

# A pair must meet in this share of the Chinese's rows: the translator renders it this way "in most of its rows".
# Chosen on: reasoning (a majority), as LEARNED_RENDERING_SHARE of the entity check. Figure: benchmarks/term_extraction.py.
TERM_SHARE = 0.6
# A name the English spells in pinyin is evidence enough in fewer of its rows (the others say "he", "her mother").
# Chosen on: reasoning. Figure: benchmarks/term_extraction.py.
NAME_SHARE = 0.3
# The pair's share of the Chinese's rows over the English's share of all rows: *said* is in a third of a novel's rows.
# Not the entity check's 3 (LEARNED_RENDERING_LIFT): a main character is in 40% of a chapter's rows (韦小宝 → Trinket
# in 83 of 236), which caps the lift at 2.5.  Chosen on: that example. Figure: benchmarks/term_extraction.py.
TERM_LIFT = 1.5
# A stem next to the best one joins the phrase when the word is at least this share as likely to give it, in as many rows.
# Chosen on: reasoning (two halves of one rendering are about equally likely). Figure: benchmarks/term_extraction.py.
PHRASE_TRANSLATION_SHARE = 0.5
PHRASE_MAX_WORDS = 4
# Everyday vocabulary: a pair that CC-CEDICT gives, with a Chinese word at least this common in jieba's dictionary and
# an English word at least this common in pyspellchecker's list (男孩 956 and boy 301,260; 函数 2,648 but function 16,189).
# Chosen on: the examples above, before the benchmark lists were built. Figure: benchmarks/term_extraction.py.
EVERYDAY_ZH_FREQUENCY = 500
EVERYDAY_EN_FREQUENCY = 50_000

# The fewest rows a pair must share (--min-count): one row is chance and two are often one scene.
# Chosen on: reasoning; with 2, pooled precision 0.52 and recall 0.71 (benchmarks/term_extraction.py --min-count 2).
DEFAULT_MIN_COUNT = 3
