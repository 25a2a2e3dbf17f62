"""Which language a file is written in: Han characters against English words, markup and code left out.

Chinese files whose lines carry markup, code or many product names are Chinese; an English file
given as the Chinese is still refused, and the one-line error says how each file was judged.
"""

from __future__ import annotations

import pytest

from corpus_align import align
from corpus_align._lazy import opencc_converter
from corpus_align.errors import InputError
from corpus_align.io.read import script_lang
from corpus_align.text.language import language_evidence, prose
from tests.conftest import run_cli

CHINESE_WITH_MARKUP = (
    '<p class="intro">他在会上说：<b>这个计划很好</b>。</p>\n'
    '<p><span style="font-weight:bold;color:#c00">注意</span>：请'
    '<a href="https://example.com/plan/2021/details.html" target="_blank">点击这里</a>查看详情。</p>\n'
    '<div class="footer"><em>编辑</em>：<strong>王广成</strong></div>'
)

CHINESE_WITH_CODE_AND_URLS = """运行 `pip install --upgrade corpus-align` 安装，然后执行 `corpus-align align zh.txt en.txt --format jsonl`。
文档见 https://github.com/example/corpus-align/blob/main/docs/checks.md ，问题请发邮件至 maintainer.team@example.org。
消息模板为 "{count} rows checked in %s seconds"，其中 {count} 是行数，变量 max_input_bytes 限制大小。"""

# More letters than four per Han character (the old weighing), fewer English words than Han characters.
CHINESE_WITH_PRODUCT_NAMES = """用 Terraform 创建 Microsoft Azure Kubernetes Service 集群。
通过 Prometheus 和 Grafana 监控 PostgreSQL 与 Elasticsearch 的性能。
在 CloudFormation 模板里配置 Amazon CloudWatch 告警。"""

ENGLISH = """Both Associations agreed to continue strengthening exchanges and cooperation.
They will jointly integrate the people-to-people amity resources in Sichuan and Chongqing.
The heads of both associations participated in the meeting."""

ENGLISH_WITH_MARKUP_AND_A_CHINESE_QUOTE = """<p>The <b>Belt and Road</b> initiative (一带一路) was announced in 2013.</p>
<p>See <a href="https://example.com/bri">the official site</a> for the <code>full_text</code> of the plan.</p>"""

CHINESE = {"markup": CHINESE_WITH_MARKUP, "code and URLs": CHINESE_WITH_CODE_AND_URLS,
           "product names": CHINESE_WITH_PRODUCT_NAMES}


def _in_script(text: str, script: str) -> str:
    return opencc_converter("s2t").convert(text) if script == "traditional" else text


@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("kind", sorted(CHINESE))
def test_language_chinese_with_markup_code_or_product_names_is_chinese(kind, script):
    text = _in_script(CHINESE[kind], script)
    assert script_lang(text) == "zh", language_evidence(text)


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_language_chinese_with_markup_is_aligned_not_refused(script):
    result = align(_in_script(CHINESE_WITH_MARKUP, script), "He said at the meeting: this plan is very good.")
    assert result.beads


@pytest.mark.parametrize("text", [ENGLISH, ENGLISH_WITH_MARKUP_AND_A_CHINESE_QUOTE])
def test_language_english_stays_english(text):
    assert script_lang(text) == "en"


def test_language_markup_and_code_are_not_counted():
    assert prose('<a href="https://x.org/a_b">链接</a> `x = f(y)` {name} %s a@b.cn').split() == ["链接"]
    assert language_evidence(CHINESE_WITH_MARKUP).english_words == 0


def test_language_english_file_given_as_chinese_is_refused_saying_how_it_was_judged(tmp_path):
    zh, en = tmp_path / "a.zh.txt", tmp_path / "b.en.txt"
    zh.write_text(ENGLISH, "utf-8")
    en.write_text(ENGLISH, "utf-8")
    result = run_cli("align", str(zh), str(en), "-o", str(tmp_path / "out.tsv"))
    err = result.stderr.decode()
    assert result.returncode == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert err == (f"corpus-align: error: {zh}: looks English (0 Han characters, 30 English words), like {en}: "
                   "both inputs are English; the Chinese file must be the first argument (corpus-align align ZH_FILE EN_FILE)\n")


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_language_swapped_files_name_both_judgements(script):
    chinese = _in_script("雙方一致同意繼續加強交流與合作。", script)
    with pytest.raises(InputError) as raised:
        align(ENGLISH, chinese)
    message = str(raised.value)
    assert "looks English (0 Han characters, 30 English words)" in message
    assert "looks Chinese (15 Han characters, 0 English words)" in message and "seem swapped" in message
