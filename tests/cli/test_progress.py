import io

from corpus_align.cli.progress import DelayedProgress, terminal_progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal():
    assert terminal_progress(io.StringIO()) is None
    assert isinstance(terminal_progress(_Terminal()), DelayedProgress)


def test_progress_bar_appears_after_the_delay_and_names_the_stage():
    stream = _Terminal()
    bar = DelayedProgress(stream, delay=0.0)
    bar("aligning sentences", 0.5)
    bar.close()
    assert "aligning sentences" in stream.getvalue() and "50%" in stream.getvalue()


def test_progress_bar_stays_hidden_for_short_work():
    stream = _Terminal()
    bar = DelayedProgress(stream, delay=3600.0)
    bar("aligning sentences", 0.5)
    bar.close()
    assert stream.getvalue() == ""


def test_progress_reaches_the_callback_from_the_api():
    from corpus_align import align

    seen = []
    align("我去了重庆。他很高兴。", "I went to Chongqing. He was happy.", progress=lambda stage, fraction: seen.append(fraction))
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
