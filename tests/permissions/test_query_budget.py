"""Query budgets: no page's query count may grow with the data, nor pass 15.

Every GET row of the permission matrix is visited as the administrator (who
sees most) on the test world plus a generated municipality at two sizes, ten
times apart. A page whose count differs between the sizes runs a query per
row somewhere (an N+1 or an unpaginated list).
"""

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.volume import generate
from tests.permissions.matrix import all_rows
from tests.world import build_world

BUDGET = 15
SMALL, LARGE = 0.005, 0.05
ROWS = [row for row in all_rows() if row.method == "get" and row.expect["administrator"] == 200]


def _query_counts(client, scale):
    counts = {}
    with transaction.atomic():
        world = build_world()
        generate(scale=scale, seed=1)
        client.force_login(world.user("administrator"))
        for row in ROWS:
            kwargs = row.kwargs(world) if callable(row.kwargs) else row.kwargs
            data = row.data(world) if callable(row.data) else row.data
            url = reverse(row.url_name, kwargs=kwargs)
            # The first visit fills per-process caches (content types, templates).
            client.get(url, data or {})
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url, data or {})
            assert response.status_code == 200, f"{row.id}: {response.status_code}"
            counts[row.id] = (len(queries), [q["sql"] for q in queries.captured_queries])
        transaction.set_rollback(True)
    return counts


def test_rows_cover_the_portals_lists():
    names = {row.url_name for row in ROWS}
    assert {
        "councils:list",
        "councils:meeting_detail",
        "policies:overview",
        "actionplans:plan_detail",
        "reports:archive",
    } <= names


def test_query_counts_do_not_grow_with_the_data(db, client):
    small = _query_counts(client, SMALL)
    large = _query_counts(client, LARGE)
    problems = []
    for row_id, (count, queries) in large.items():
        grown = count - small[row_id][0]
        if grown > 0 or count > BUDGET:
            problems.append(
                f"{row_id}: {small[row_id][0]} → {count} queries"
                + ("\n    " + "\n    ".join(q[:200] for q in queries) if count > BUDGET else "")
            )
    assert not problems, "Pages over the query budget:\n" + "\n".join(problems)
