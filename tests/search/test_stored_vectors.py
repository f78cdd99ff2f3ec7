"""The stored tsvector columns (search/migrations/0002) on PostgreSQL: always exactly the
weighted vector of the kind's current text, kept by the database on every write."""

from importlib import import_module

import pytest
from django.db import connection, transaction
from django.urls import reverse

from councils.models import AgendaItem, Council
from search.engine import Search, planner_settings, search_transaction
from search.indexes import column_name, vector_sql
from search.registry import KINDS
from tests.councils.factories import AgendaItemFactory, CouncilFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stored search vectors are PostgreSQL only"
)

URL = reverse("search:results")
INDEXED = import_module("search.migrations.0002_stored_vectors").INDEXED


def _mismatches(key):
    table, weights = INDEXED[key]
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT count(*), count(*) FILTER (WHERE "{column_name(key)}" IS DISTINCT FROM '
            f'{vector_sql(weights)}) FROM "{table}"'
        )
        return cursor.fetchone()


@pytest.mark.parametrize("key", sorted(KINDS))
def test_every_kind_stores_exactly_the_vector_it_searches(key, world):
    CouncilFactory(name="Zqxråd", unit=world["unit"])
    AgendaItemFactory(title="Zqxpunkt", body="Zqx tekst.")
    rows, wrong = _mismatches(key)
    assert wrong == 0, f"{key}: {wrong} of {rows} rows hold a stale or missing vector"


def _found(client, text):
    response = client.get(URL, {"q": text, "type": "item"})
    assert response.status_code == 200
    return [r.title for r in response.context["page_obj"].object_list]


def test_the_stored_vector_follows_every_kind_of_write(client, world):
    item = AgendaItemFactory(
        meeting__council__unit=world["unit"], title="Zqxfyrtårn", body="Om zqxgammel."
    )
    item.meeting.council.meetings_public = True
    item.meeting.council.save()
    item.meeting.status = "published"
    item.meeting.save()
    assert _found(client, "zqxgammel")

    item.body = "Om zqxgemt."  # save(): every column written
    item.save()
    assert _found(client, "zqxgemt") and not _found(client, "zqxgammel")

    AgendaItem.objects.filter(pk=item.pk).update(body="Om zqxopdateret.")  # one column
    assert _found(client, "zqxopdateret") and not _found(client, "zqxgemt")

    AgendaItem.objects.filter(pk=item.pk).update(number=99)  # no searched column
    assert _found(client, "zqxopdateret")
    assert _mismatches("item")[1] == 0


def test_a_phrase_is_checked_on_the_stored_vector_without_parsing_text(world):
    """GIN cannot check word order: the re-check must read the stored vector (was ~0.5 s)."""
    search = Search(world.user("administrator"), '"modtaget forslag"')
    for key in KINDS:
        sql, params = search.branch_sql(KINDS[key], with_parts=False)
        with search_transaction(), connection.cursor() as cursor:
            planner_settings(cursor)
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert "to_tsvector" not in plan, (key, plan)
        # The match is made on the stored vector. Whether its index or the parent's key drives
        # the plan depends on the test tables' statistics (a handful of rows); index use at
        # realistic size: test_every_kind_reads_its_full_text_index and bench/search.py.
        assert f"search_vector_{key}" in plan or f"search_fts_{key}" in plan, (key, plan)


def test_the_other_apps_can_still_alter_a_searched_column(world):
    """A trigger, not a generated column: PostgreSQL refuses to alter a column that a
    generated column depends on, which would block the other apps' AlterField."""
    with pytest.raises(RuntimeError), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the fixtures' deferred checks
            cursor.execute('ALTER TABLE "councils_council" ALTER COLUMN "name" TYPE text')
            cursor.execute('ALTER TABLE "councils_agendaitem" ALTER COLUMN "body" TYPE text')
            # The trigger still works on the altered columns (no plan cached over them).
            cursor.execute('UPDATE "councils_council" SET "name" = "name" || \' zqx\'')
            cursor.execute('UPDATE "councils_agendaitem" SET "body" = "body" || \' zqx\'')
        assert _mismatches("council")[1] == 0 and _mismatches("item")[1] == 0
        assert Council.objects.filter(name__endswith=" zqx").exists()
        raise RuntimeError("roll back")
