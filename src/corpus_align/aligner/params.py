"""Constants of the align stage, each with the data it was chosen on and what it gave.

The bead-cost constants (the defaults of ``scores.CostParams``, first below) were re-checked on the union of the
development sets by ``benchmarks/align_tune.py``: every distinct MAC-Dev and
NewDomains-Dev document plus joined-lines and deleted-lines variants, strict
F1 pooled per domain, objective the mean over the four domains.  The current
values are the grid's choice or within 0.002 of it (mean 0.952), and for each domain the choice
made *without* it scores within 0.007 of it there (leave-one-domain-out; see
docs/alignment.md).  Bead-type counts and the length spread are estimated
from gold ladders (``resources/align_params.json``).

The coarse-path constants below are not fitted to a benchmark: what counts
as a match is decided by z-scores against each document's own chance level.
They set resolution and cost.  They were checked on the same union: the
22,215-line concatenation of every distinct dev document aligns at strict
F1 0.990 pooled over its parts, the six MAC-Dev chapters joined ten times at
0.856 (before pronouns were evidence), and the 40,000 + 30,000 scale document at 0.951; the 28 complete dev
documents raise no unsure region (``benchmarks/align_quality.py``,
``benchmarks/align_scale.py``).

The bead-probability constants (last below) turn a bead's evidence into the
probability that it is right, the ``score`` every output shows; the
coefficients are refitted by ``benchmarks/bead_calibration.py --write``, on
the same union plus documents with replaced lines.  They are computed after
the path is final and change no alignment.
"""

# --- bead cost (scores.CostParams) ------------------------------------------------
# Weight of the lexical cost: uncovered evidence weight (above chance) in units of the
# mean sentence weight.  Chosen on the union, stage 2 of benchmarks/align_tune.py (lexical
# weight 4 / 6 / 8 x prior scale 0.75 / 1 / 1.5), re-run when personal pronouns became evidence:
# 6 and 8 with prior scale 1 lead, mean over the four domains 0.952 and 0.954 (literary 0.837 and
# 0.843, the rest within 0.001; 4 with 1.5: 0.922).  6 is kept: on the concatenation of every
# distinct dev document (which the grid does not see) its literary chapters score as they do
# alone, while with 8 they lose 0.014 (MAC-Dev alone 0.879 with 6, 0.877 with 8).  Left out of
# the choice, each domain within 0.007 (literary: null cost 4, 0.836).
LEXICAL_WEIGHT = 6.0
# Weight of the Gale-Church length cost d^2 / (2 sigma^2).  Chosen on the union, stage 1 of
# benchmarks/align_tune.py (null cost 2 / 3 / 4 x length weight 0.25 / 0.5): 0.25, mean 0.952
# (0.5: 0.945).  A length spread that grows for short sentences (sigma^2 = a + b / chars, which
# the gold of every domain shows) was tried at weights 0.5-2: MAC-Dev 0.842-0.859, below 0.862.
LENGTH_WEIGHT = 0.25
# Cost of a null bead (1-0 or 0-1) on top of its sentence's lexical cost.  Chosen with the
# length weight (stage 1): 3, mean 0.952 (4: 0.952, literary 0.836 against 0.837; 2: 0.945,
# and 0.25 % one-sided beads on complete documents against 0.06 %).
NULL_COST = 3.0
# Scale of the bead-type prior -log P(k-l).  Chosen with the lexical weight (stage 2): 1.0.
PRIOR_SCALE = 1.0
# The split pass (engine.split_unsupported): an edge sentence of a bead is split off as a null
# bead when its chance-corrected covered share is below SPLIT_SHARE_TAU and removing it brings
# the bead's log length ratio closer to the document's by SPLIT_LEN_SIGMAS sigmas; sentences
# need SPLIT_MIN_TOKENS evidence tokens to be judged.  Chosen by a small grid (sigmas 0.01-1.5,
# share 0.05-0.3, tokens 3-8) maximising deletion recovery (benchmarks/align_deletions.py)
# subject to MAC-Dev pooled strict F1 >= 0.86: recovery 0.356, F1 0.862; the region is flat
# (F1 0.860-0.863, recovery 0.30-0.36).
SPLIT_LEN_SIGMAS = 0.5
SPLIT_SHARE_TAU = 0.15
SPLIT_MIN_TOKENS = 8

# The lexical cost counts uncovered evidence in units of a mean sentence weight of the side, taken
# over this many sentences around the bead (scores.mean_sentence_weight); shorter sides use their own
# mean, so every dev document of up to 1,024 lines is unchanged.  A document joined from unlike parts
# then costs each part in its own unit.  On the concatenation of every distinct dev document, against
# one mean over the whole: literary parts 0.854 -> 0.864 (alone 0.862; 512 sentences: 0.860), largest
# drop of a part 0.043 -> 0.036; every other set and variant within 0.0012; 40k + 30k scale
# document 0.947 -> 0.949 in the same time (benchmarks/align_quality.py, align_scale.py).
MEAN_WEIGHT_WINDOW_SENTENCES = 1024

# --- coarse path (coarse.py) --------------------------------------------------
# Documents whose full grid has at most this many cells (about 500 × 500 sentences)
# are aligned by the exact DP over the whole grid, with no coarse stage at all:
# nothing can be missed and it costs well under a second.
FULL_GRID_CELLS = 250_000
# Sentences per block at the finest level of the coarse path: the sentence band
# is then at most a few blocks wide, so the exact DP stays linear.
FINEST_BLOCK = 4
# At most this many blocks per side at the coarsest level, whose grid is scored in
# full by one matrix product (1,024² cosines of 512-wide sketches: a fraction of a second).
COARSEST_BLOCKS = 1024
# A finer level searches within this many blocks of the path of the level above
# (a block boundary of the level above is off by at most one block of the finer level).
REFINE_WINDOW = 4
# Width of the count sketches of the blocks' evidence keys (hash collisions add
# noise of about 1/sqrt(512) of the norms; block similarities of true pairs are many times that).
SKETCH_DIM = 512
# Random block pairs drawn to estimate the document's chance similarity.
CHANCE_SAMPLES = 20_000
# Cost of skipping a block of one side, in z-score units of the block gain: a
# diagonal step is preferred to two skips unless its similarity lies more than
# 2 * SKIP_COST spreads below the document's chance median, so stretches with
# no evidence stay on the diagonal, and only a passage one side lacks is skipped.
SKIP_COST = 1.0
# The length model's character ratio is estimated over this many finest-level
# path steps on each side of a bead (64 steps ≈ 256 sentences each way). In the
# concatenation above it lifted the literary chapters from 0.830 to 0.851.
RATIO_WINDOW_BLOCKS = 64
# Half-width, in sentences, of the exact DP's band around the blocks the finest
# coarse path passes through (24 instead of 8 changed nothing on the concatenation).
BAND_MARGIN = 8

# --- realign pass (engine.learn_pairs) --------------------------------------------
# Word pairs are learnt from at most this many of the most confident 1-1 beads
# (a chapter has a few hundred; bounds the cost on 40,000-sentence documents).
LEARN_MAX_BEADS = 8000
# The confident beads are the upper half of each stretch of this many 1-1 beads (a chapter is one or
# two stretches): a document joined from parts of unlike evidence learns from every part.  With one
# threshold over the whole, the concatenation of every distinct dev document learnt nothing for its
# literary chapters (MAC-Dev 003: 0.841 alone, 0.786 inside it, the same as without the second pass);
# with stretches 0.798, the literary parts of the concatenation 0.851 -> 0.854, the missing-chapter
# set 0.869 -> 0.871, every other set within 0.0005 (a chapter is one stretch: MAC-Dev unchanged).
LEARN_STRETCH_BEADS = 256
# Half-width, in sentences, of the second pass's band around the first path.
# 4 instead of 8: the same strict F1 on every dev set and variant (MAC-Dev 0.862,
# NewDomains 0.998, joined 0.975, deleted 0.974, concatenation 0.989; the removed
# blocks 92.0 % one-sided against 91.9 %), and 40k + 30k 1.3 s faster.
REALIGN_MARGIN = 4

# --- gaps: passages one side lacks (engine.realign_gaps) ---------------------------
# Inside a one-sided unsure stretch, a sentence of a two-sided bead pays
# null_cost * max(0, 1 - share / GAP_SUPPORTED_SHARE), share = its covered weight
# above chance / its weight: lines glued into the gap without evidence come out alone.
# Chosen on the block and chapter sets (benchmarks/align_quality.py --sets block,chapter:
# 8 NewDomains documents with 200 lines removed, 6 MAC-Dev books with a chapter removed):
# 0.3 / 0.5 / 0.7 give 0.978 / 0.978 / 0.983 of the blocks one-sided and 0.993 of a missing
# chapter (flat; 0.5 the middle); without the pass 0.919 and 0.744.  Complete translations
# have no such stretch, so the sets without a gap do not move.
GAP_SUPPORTED_SHARE = 0.5
# The stretch is searched again over its beads widened by this many beads each side, and by
# twice the sentences of its shorter side (lines drawn into the gap from beyond its edges
# must be able to go back); a weak stretch this close to it is part of it.
GAP_PAD_BEADS = 16
# Rounds of finding gaps and realigning them (a realigned gap may reveal more of the passage).
GAP_ROUNDS = 3
# At most this many cells in a gap's grid, searched in full (costs of 15 bead types: about 120 MB).
GAP_MAX_CELLS = 2_000_000

# --- unsure stretches (confidence.py) -------------------------------------------
# Beads in the window whose mean score is compared with chance and with the document's beads.
CONFIDENCE_WINDOW = 9
# A stretch this long (beads) of weak or of one-sided beads is reported.
MIN_UNSURE_BEADS = 5
# Random sentence pairs drawn to estimate the chance score.
CHANCE_PAIRS = 4000

# --- titles (alignment.leading_titles) --------------------------------------------
# A first line without final punctuation on one side only is a title the other side lacks (its own
# one-sided bead) unless its length is what a translation of the other side's first sentence would
# have: within this factor of it, at the document's own English/Chinese character ratio.  Of the
# gold 1-1 pairs, 1.9 % (MAC-Dev, 832 pairs) and 0.85 % (NewDomains-Dev, 20,752) are further apart
# than 3x, against 5.2 % and 3.0 % at 2x.  The sample's English headline is 6x shorter than a
# translation of the first Chinese sentence; ted2016-2357's first line, a sentence without its full
# stop on the Chinese side, is 1.02x (taken for a title, it cost that talk 0.022 strict F1).
TITLE_LENGTH_FACTOR = 3.0

# --- bead probability (probability.py) ---------------------------------------------
# Typical (median, spread) of the raw scores of a document's two-sided beads and of its random
# sentence pairs: the medians over the 28 distinct dev documents (aligned: 0.55 and 0.20, the
# documents ranging 0.37-0.83 and 0.16-0.28; chance: 0.00 and 0.10, ranging 0.00-0.06 and
# 0.05-0.14).  A small document (a paragraph aligned on its own) estimates both poorly: its own
# values are pulled towards these with the weight of PRIOR_BEADS beads (sentence pairs for chance).
TYPICAL_ALIGNED = (0.55, 0.20)
TYPICAL_CHANCE = (0.0, 0.10)
PRIOR_BEADS = 10
# The score of a sentence whose paragraph (or whole document) has no other side: the share right
# of the one-sided beads inside one-sided unsure stretches of the block and chapter sets, the
# passages one side lacks (3,306 beads, 0.99).
UNPAIRED_PROBABILITY = 0.99
# BEGIN bead probability: written by benchmarks/bead_calibration.py --write

# The logistic model's coefficients (inputs: probability.INPUTS). Fitted on 126 documents (mac, news, docs, ted,
# joined, deleted, block, chapter, replaced; seed 0), 112272 beads, each domain weighing the same, L2 1.0. Right
# among beads scored >= 0.9: pooled 0.992 (106208 beads); mac 0.959, news 1.000, docs 0.999, ted 1.000, joined
# 0.989, deleted 0.990, block 0.999, chapter 0.962, replaced 0.993. Left out of the fit (fitted on the other
# domains): literary 0.908, news 0.997, docs 0.992, ted 0.997. Brier score pooled 0.018.
BEAD_PROBABILITY: dict[str, float] = {
    "intercept": 1.9249,
    "llr": -0.0069,
    "raw": -1.8506,
    "raw_mass": -0.1528,
    "weakest": 4.9179,
    "margin": 2.1262,
    "pull": -3.1053,
    "neighbours": 0.0375,
    "length": -0.9486,
    "mass": -0.4275,
    "many": -1.0474,
    "one_sided": -2.6101,
    "one_sided_mass": 1.3772,
    "one_sided_neighbours": -0.5021,
    "unsure": -1.2157,
    "aligned_median": 4.4767,
    "nothing": 2.9925,
    "nothing_mass": -1.9702,
}
# END bead probability
