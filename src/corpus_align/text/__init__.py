"""The language layer that the aligner and the checks both stand on.

* :mod:`.lexicon`: CC-CEDICT's translations as English stems, the stemmer,
  stop words and accent folding;
* :mod:`.numbers`: numbers in Chinese (digits and numerals) and English
  (digits, number words, months) as comparable keys.

Nothing here imports the aligner, the checks or anything above them.
"""
