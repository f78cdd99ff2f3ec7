from tests.permissions.matrix import Row, public

# Search is for everyone; what each role finds is tested in tests/search/test_visibility.py.
ROWS = [
    Row("search:results", public(200)),
    Row("search:results", public(200), data={"q": "åbningstider"}, label="query"),
    Row(
        "search:results",
        public(200),
        data=lambda w: {
            "q": "møde",
            "type": "meeting",
            "raad": w["council"].pk,
            "enhed": w["unit"].pk,
            "aar": 2026,
            "sorter": "dato",
        },
        label="filters",
    ),
    # The word-part search (råd in brugerråd) and every kind at once.
    Row("search:results", public(200), data={"q": "råd"}, label="parts"),
]
