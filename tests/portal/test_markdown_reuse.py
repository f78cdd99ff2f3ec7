from core import markdown

TEXTS = [
    "# Overskrift\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "1. a\n2. b\n\n* x\n* y",
    "[link](https://example.dk) *kursiv* **fed**\n\n> citat",
    "Fodnote[^1]\n\n[^1]: ikke slået til",
    "<script>alert(1)</script> hej",
    "",
]


def _fresh(text):
    markdown._local.converter = None
    return str(markdown.render_markdown(text))


def test_a_reused_converter_renders_like_a_fresh_one_in_any_order():
    expected = [_fresh(text) for text in TEXTS]
    markdown._local.converter = None
    assert [str(markdown.render_markdown(t)) for t in TEXTS] == expected
    assert [str(markdown.render_markdown(t)) for t in reversed(TEXTS)] == expected[::-1]
    assert "<script>" not in expected[4]
