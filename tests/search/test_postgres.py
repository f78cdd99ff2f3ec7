"""Danish full text on PostgreSQL: stems, compound words, weights and the indexes in use.

Run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_search.
"""

from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.postgres.search import SearchQuery
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from councils.models import AgendaItem, Council, Meeting, MeetingStatus
from search.engine import CONFIG, Search, planner_settings, search_transaction, search_vector
from search.registry import KINDS
from tests.councils.factories import AgendaItemFactory, CouncilFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Danish full-text search needs PostgreSQL"
)

URL = reverse("search:results")


@contextmanager
def index_reads_only():
    """The search's settings, with bitmap reads of an index as the only way to a row.

    On the test tables (a handful of rows) the planner rightly reads the table; this
    shows that the index serves the condition. Which index the planner picks at
    realistic size: test_a_common_word_walks_the_date_index_and_a_rare_one_does_not.
    """
    with search_transaction(), connection.cursor() as cursor:
        planner_settings(cursor)
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off")
        yield


def _explain(sql_and_params, *, analyze=False) -> str:
    sql, params = sql_and_params
    with connection.cursor() as cursor:
        cursor.execute(("EXPLAIN ANALYZE " if analyze else "EXPLAIN ") + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def _titles(client, text, **params):
    response = client.get(URL, {"q": text, **params})
    assert response.status_code == 200
    return [
        str(result.title).replace("<mark>", "").replace("</mark>", "")
        for result in response.context["page_obj"].object_list
    ]


@pytest.fixture
def councils(world):
    unit = world["unit"]
    names = {
        "brugerrådet": "Brugerrådet på Zqxvej",
        "brugerrådets": "Brugerrådets kontor på Zqxvej",
        "brugerråd": "Et brugerråd på Zqxvej",
        "pårørenderåd": "Pårørenderåd på Zqxvej",
    }
    return {
        form: CouncilFactory(name=name, unit=unit, summary="Om Zqxvej.")
        for form, name in names.items()
    }


@pytest.mark.parametrize("text", ["brugerrådet", "brugerrådets", "brugerråd", "Brugerråd"])
def test_inflected_forms_find_each_other(client, councils, text):
    found = _titles(client, f"{text} zqxvej", type="council")
    assert set(found) >= {
        "Brugerrådet på Zqxvej",
        "Brugerrådets kontor på Zqxvej",
        "Et brugerråd på Zqxvej",
    }
    assert "Pårørenderåd på Zqxvej" not in found


def test_a_word_finds_compounds_that_end_in_it(client, councils):
    found = _titles(client, "råd zqxvej", type="council")
    assert set(found) == {c.name for c in councils.values()}
    response = client.get(URL, {"q": "råd zqxvej", "type": "council"})
    assert response.context["used_parts"]
    assert "også ord, der indeholder søgeordet" in response.content.decode()


def test_the_compound_word_search_stays_out_when_full_text_finds_enough(client, world):
    for n in range(25):
        CouncilFactory(name=f"Zqxråd nummer {n}", unit=world["unit"], summary="Et råd.")
    response = client.get(URL, {"q": "råd", "type": "council"})
    assert not response.context["used_parts"]


def test_titles_rank_above_bodies(client, world):
    meeting = world["public_meeting"]
    AgendaItemFactory(meeting=meeting, number=7, title="Andet punkt", body="Om zqxbolig her.")
    AgendaItemFactory(meeting=meeting, number=8, title="Zqxbolig til alle", body="Tekst.")
    assert _titles(client, "zqxbolig") == ["Zqxbolig til alle", "Andet punkt"]


def test_stemmed_words_are_marked_in_the_snippet(client, world):
    AgendaItem.objects.filter(pk=world["public_item"].pk).update(
        body="Brugerrådets medlemmer mødes i brugerrådet."
    )
    response = client.get(URL, {"q": "brugerråd", "type": "item"})
    [result] = response.context["page_obj"].object_list
    assert "<mark>Brugerrådets</mark> medlemmer mødes i <mark>brugerrådet</mark>." in result.snippet


def test_websearch_syntax_phrases_and_exclusions(client, councils):
    assert _titles(client, '"brugerrådets kontor"', type="council") == [
        "Brugerrådets kontor på Zqxvej"
    ]
    found = _titles(client, "brugerråd zqxvej -kontor", type="council")
    assert "Brugerrådets kontor på Zqxvej" not in found and found


@pytest.mark.parametrize("key", sorted(KINDS))
def test_every_kind_reads_its_full_text_index(key, world):
    kind = KINDS[key]
    query = SearchQuery("brugerråd", config=CONFIG, search_type="websearch")
    # Bitmap reads only: on tiny test tables the planner may otherwise walk another index
    # and filter, depending on the statistics earlier tests left.
    with index_reads_only():
        plan = (
            kind.model._default_manager.annotate(v=search_vector(kind))
            .filter(v=query)
            # No default ordering: a join to the parent for sorting lets the planner on tiny
            # tables walk the foreign-key index instead, depending on earlier tests' statistics.
            .order_by()
            .values("pk")
            .explain()
        )
    assert f"search_fts_{key}" in plan, plan


def test_the_search_itself_reads_the_indexes(world):
    """The query the results page runs (not just a sample of it) is served by the index."""
    search = Search(world.user("administrator"), "brugerråd")
    for key in ("item", "comment", "council"):
        with index_reads_only():
            plan = _explain(search.branch_sql(KINDS[key], with_parts=False))
        assert f"search_fts_{key}" in plan, (key, plan)
        # ts_rank reads the stored vector of the candidates only, not the text.
        assert "to_tsvector" not in plan, (key, plan)


def test_word_parts_read_the_trigram_index(world):
    search = Search(world.user("administrator"), "råd")
    with index_reads_only():
        plan = Council.objects.filter(search._parts_match(KINDS["council"])).values("pk").explain()
    assert "search_trgm_councils_council" in plan, plan


def test_a_quoted_phrase_does_not_look_inside_words(client, councils):
    response = client.get(URL, {"q": '"råd på zqxvej"', "type": "council"})
    assert not response.context["used_parts"]
    assert list(response.context["page_obj"].object_list) == []


def test_a_search_that_takes_too_long_ends_with_a_message(client, world, monkeypatch):
    from contextlib import contextmanager

    from search import engine

    calls = []

    @contextmanager
    def slow_reads():
        calls.append(1)
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL statement_timeout = 1")
                cursor.execute("SELECT pg_sleep(0.2)")
            yield

    monkeypatch.setattr(engine, "search_transaction", slow_reads)
    response = client.get(URL, {"q": "brugerråd"})
    assert response.status_code == 200
    assert "Søgningen tog for lang tid" in response.content.decode()
    assert len(calls) == 1  # no second, word-part search after a cancelled one
    # The connection is usable afterwards.
    assert client.get(reverse("councils:list")).status_code == 200


def test_a_common_word_walks_the_date_index_and_a_rare_one_does_not(world):
    """At a realistic size, with the planner's own choice (search/migrations/0003).

    "råd" is in every agenda item of the volume data: walking the newest meetings and
    stopping after the candidates beats checking and sorting every match. A rare word's
    few matches are found first and sorted.
    """
    council = world["other_council"]  # public: the anonymous visitor sees its items
    now = timezone.now()
    meetings = Meeting.objects.bulk_create(
        Meeting(
            council=council,
            title=f"Møde {n}",
            starts_at=now - timedelta(days=n),
            status=MeetingStatus.PUBLISHED,
        )
        for n in range(400)
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting,
            number=number,
            title=f"Punkt {number}",
            kind="discussion",
            # Four items in 4,000 also have a rare word.
            body="Zqxfælles sag." + (" Zqxsjælden." if n % 100 == 0 and number == 1 else ""),
        )
        for n, meeting in enumerate(meetings)
        for number in range(1, 11)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE councils_agendaitem; ANALYZE councils_meeting")
    for role in ("anonymous", "administrator"):
        user = world.user(role) or AnonymousUser()
        common = Search(user, "zqxfælles").branch_sql(KINDS["item"], with_parts=False)
        rare = Search(user, "zqxsjælden").branch_sql(KINDS["item"], with_parts=False)
        with search_transaction(), connection.cursor() as cursor:
            planner_settings(cursor)
            common_plan = _explain(common, analyze=True)
            rare_plan = _explain(rare, analyze=True)
        assert "search_date_meeting" in common_plan, (role, common_plan)
        assert "search_fts_item" not in common_plan, (role, common_plan)
        # Walking the dates would check every row: the rare word's few matches are found
        # first (through the full-text index, or at this size by reading the table).
        assert "search_date_meeting" not in rare_plan, (role, rare_plan)
    found = Search(AnonymousUser(), "zqxfælles").results()
    assert len(found) == 200 and found.capped
    newest = sorted(
        AgendaItem.objects.filter(meeting__in=meetings).values_list("meeting__starts_at", "pk"),
        reverse=True,
    )[:200]
    assert {row["s_id"] for row in found.rows} == {pk for _, pk in newest}


def test_the_statement_timeout_cancels_the_search_itself(client, world, monkeypatch):
    """The real settings, sent in the same message as the search: a slow statement in it is
    cancelled after TIMEOUT_MS and the page says so; the connection stays usable."""
    from search import engine

    monkeypatch.setattr(engine, "TIMEOUT_MS", 50)
    monkeypatch.setattr(engine, "STEMS", "SELECT ARRAY[%s || %s || pg_sleep(0.5)::text]")
    response = client.get(URL, {"q": "brugerråd"})
    assert response.status_code == 200
    assert "Søgningen tog for lang tid" in response.content.decode()
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('statement_timeout')")
        assert cursor.fetchone()[0] != "50ms"  # rolled back with the search's savepoint
    assert client.get(reverse("councils:list")).status_code == 200
