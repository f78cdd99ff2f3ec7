"""The overview, the goal list, the CSV export and the caseworker's start-page panel."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from organisation.models import FocusArea
from policies.models import GoalStatus, InvolvementLevel, UnitGoal
from tests.policies.factories import UnitGoalFactory

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("policies:overview")
GOALS = reverse("policies:goal_list")
EXPORT = reverse("policies:goal_export")


def _add_goals(world, count):
    """Goals spread over years, areas, units, statuses and levels (bulk: no history)."""
    areas = list(FocusArea.objects.all())
    units = [world["unit"], world["other_unit"]]
    statuses, levels = list(GoalStatus), list(InvolvementLevel)
    template = world["goal"]
    UnitGoal.objects.bulk_create(
        UnitGoal(
            unit=units[i % 2],
            year=2010 + i % 3,
            policy=world["policy"],
            focus_area=areas[i % len(areas)],
            title=f"Mål {i}",
            involved_in=template.involved_in,
            organisation=template.organisation,
            level=levels[i % 4],
            primary_users="Brugerne",
            indicator="Indikator",
            target="Mål",
            deadline=datetime.date(2012, 12, 31),
            status=statuses[(i // 4) % 4],
        )
        for i in range(count)
    )


def test_overview_counts_by_status_and_level(client, world):
    unit = world["unit"]
    area = FocusArea.objects.get(number=2)
    for status, level in [
        ("met", "control"),
        ("met", "involvement"),
        ("not_met", "involvement"),
    ]:
        UnitGoalFactory(
            unit=unit,
            policy=world["policy"],
            year=2015,
            focus_area=area,
            status=status,
            level=level,
            deadline=datetime.date(2015, 12, 31),
        )
    response = client.get(OVERVIEW, {"year": 2015})
    [table] = response.context["tables"]
    assert table.year == 2015
    [group] = table.areas
    assert group.name == "2) Børnefamilier med særlige behov"
    [row] = group.rows
    assert row.name == unit.name
    assert row.counts.total == 3
    # Statuses: ikke startet, i gang, opfyldt, ikke opfyldt.
    assert row.counts.statuses == [0, 0, 2, 1]
    # Levels: brugerstyring, brugerindflydelse, brugerinddragelse, brugerdeltagelse.
    assert row.counts.levels == [1, 0, 2, 0]
    page = response.content.decode()
    assert "Ikke opfyldt" in page and "Brugerstyring" in page


def test_overview_for_the_public_leaves_out_internal_goals(client, world):
    response = client.get(OVERVIEW)
    total = sum(t.counts.total for t in response.context["tables"])
    assert total == UnitGoal.objects.public().count() == 3


def test_goal_list_filters(client, world, caseworker):
    response = client.get(GOALS, {"unit": world["other_unit"].pk, "year": 2011})
    assert list(response.context["page_obj"]) == [world["other_goal"]]
    response = client.get(GOALS, {"status": "in_progress", "level": "involvement"})
    assert world["goal"] in response.context["page_obj"]
    client.force_login(caseworker)
    mine = client.get(GOALS, {"mine": "on"})
    assert set(mine.context["page_obj"]) == {world["goal"], world["draft_goal"]}
    # A bad filter value is ignored, not an error page.
    assert client.get(GOALS, {"year": "abc", "unit": "999999"}).status_code == 200


def test_goal_list_paginates_by_50(client, world):
    _add_goals(world, 60)
    response = client.get(GOALS)
    assert len(response.context["page_obj"]) == 50
    assert response.context["page_obj"].paginator.num_pages == 2


@pytest.mark.parametrize("url", [OVERVIEW, GOALS, EXPORT])
def test_query_count_is_constant_between_10_and_500_goals(
    client, world, caseworker, django_assert_num_queries, url
):
    """Acceptance 5."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(caseworker)
    _add_goals(world, 10 - UnitGoal.objects.count())
    assert UnitGoal.objects.count() == 10
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _add_goals(world, 490)
    assert UnitGoal.objects.count() == 500
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
        if url == EXPORT:
            response.content  # noqa: B018 - the rows are written while iterating
    assert response.status_code == 200


def test_csv_export_opens_with_danish_letters_intact(client, world):
    """Acceptance 6: UTF-8 with BOM, Danish headers, one row per goal."""
    response = client.get(EXPORT)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:5] == ["Enhed", "År", "Fokusområde", "Politik", "Mål"]
    assert "Trin på inddragelsestrappen" in rows[0]
    assert "Primære brugere" in rows[0]
    body = rows[1:]
    assert len(body) == UnitGoal.objects.public().count()
    by_title = {row[4]: row for row in body}
    row = by_title["Beboermøder hver måned"]
    assert row[0] == "Bostedet"
    assert row[2] == "Voksne med særlige behov"
    assert row[rows[0].index("Trin på inddragelsestrappen")] == "Brugerinddragelse"
    assert row[rows[0].index("Sekundære brugere")] == "Pårørende."


def test_csv_export_follows_the_filters(client, world):
    response = client.get(EXPORT, {"year": 2010})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 2
    assert rows[1][1] == "2010"
    assert 'filename="enhedsmaal-2010.csv"' in response["Content-Disposition"]


def test_caseworker_start_page_shows_this_years_goals_of_own_units(client, world, caseworker):
    year = timezone.localdate().year
    own = UnitGoalFactory(
        unit=world["unit"],
        policy=world["policy"],
        year=year,
        title="Årets mål",
        deadline=datetime.date(year, 12, 31),
    )
    UnitGoalFactory(
        unit=world["other_unit"],
        policy=world["policy"],
        year=year,
        title="Andres mål",
        deadline=datetime.date(year, 12, 31),
    )
    client.force_login(caseworker)
    page = client.get("/").content.decode()
    assert "Mine enheders mål i år" in page
    assert own.title in page
    assert "Andres mål" not in page
    assert world["goal"].title not in page  # an earlier year


def test_start_page_panel_is_only_for_caseworkers(client, world, member):
    assert "Mine enheders mål i år" not in client.get("/").content.decode()
    client.force_login(member)
    assert "Mine enheders mål i år" not in client.get("/").content.decode()


def test_overview_shows_50_units_a_page_with_totals_for_every_unit(client, world):
    from organisation.models import Unit

    administration = world["unit"].administration
    units = Unit.objects.bulk_create(
        Unit(name=f"Enhed {n:03d}", administration=administration) for n in range(60)
    )
    area = FocusArea.objects.get(number=1)
    template = world["goal"]
    UnitGoal.objects.bulk_create(
        UnitGoal(
            unit=unit,
            year=2040,
            policy=world["policy"],
            focus_area=area,
            title="Mål",
            involved_in=template.involved_in,
            organisation=template.organisation,
            level="control",
            primary_users="Brugerne",
            indicator="Indikator",
            target="Mål",
            deadline=datetime.date(2040, 12, 31),
            status="met",
        )
        for unit in units
    )
    first = client.get(OVERVIEW, {"year": 2040})
    [table] = first.context["tables"]
    assert len(table.areas[0].rows) == 50
    assert [row.name for row in table.areas[0].rows][:2] == ["Enhed 000", "Enhed 001"]
    assert table.counts.total == 60 and table.areas[0].counts.total == 60
    assert first.context["page_obj"].paginator.num_pages == 2
    second = client.get(OVERVIEW, {"year": 2040, "page": 2})
    [table] = second.context["tables"]
    assert [row.name for row in table.areas[0].rows] == [f"Enhed {n:03d}" for n in range(50, 60)]
    assert table.counts.total == 60
    assert "Viser enhed 51–60 af 60" in second.content.decode()
