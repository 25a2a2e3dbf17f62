"""Tuned constants of the align stage, each with the data it was chosen on and what it gave.

Bead costs estimated from gold data (type counts, length spread) live in
``resources/align_params.json``; the rest are here.
"""

# --- coarse path (coarse.py) --------------------------------------------------
# Documents whose full grid has at most this many cells are aligned by the
# exact DP over the whole grid, with no coarse stage at all.
FULL_GRID_CELLS = 250_000
# Sentences per block at the finest level of the coarse path.
FINEST_BLOCK = 4
# At most this many blocks per side at the coarsest level (its grid is scored in full).
COARSEST_BLOCKS = 1024
# A finer level searches within this many blocks of the path of the level above.
REFINE_WINDOW = 4
# Width of the count sketches of the blocks' evidence keys.
SKETCH_DIM = 512
# Random block pairs drawn to estimate the document's chance similarity.
CHANCE_SAMPLES = 20_000
# Cost of skipping a block of one side, in z-score units of the block gain: a
# diagonal step is preferred to two skips unless its similarity lies more than
# 2 * SKIP_COST spreads below the document's chance median.
SKIP_COST = 1.0
# The length model's character ratio is estimated over this many finest-level
# path steps on each side of a bead (64 steps ≈ 256 sentences each way).
RATIO_WINDOW_BLOCKS = 64
# Half-width, in sentences, of the exact DP's band around the finest coarse
# path, in addition to the blocks the path passes through.
BAND_MARGIN = 8

# --- realign pass (engine.learn_pairs) --------------------------------------------
# Word pairs are learnt from at most this many of the most confident 1-1 beads
# (a chapter has a few hundred; bounds the cost on 40,000-sentence documents).
LEARN_MAX_BEADS = 8000

# --- unsure stretches (confidence.py) -------------------------------------------
# Beads in the window whose mean score is compared with chance and with the document's beads.
CONFIDENCE_WINDOW = 9
# A stretch this long (beads) of weak or of one-sided beads is reported.
MIN_UNSURE_BEADS = 5
# Random sentence pairs drawn to estimate the chance score.
CHANCE_PAIRS = 4000
