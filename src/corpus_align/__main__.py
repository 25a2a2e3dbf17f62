"""``python -m corpus_align``: the same as the ``corpus-align`` command."""

from .cli import run

if __name__ == "__main__":
    run()
