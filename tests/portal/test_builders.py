"""The builders (core/builders.py) and the demo loader's helpers (core/demo.py)."""

import datetime
from datetime import timedelta

import pytest
from django.utils import timezone

from core.builders import build, builder_for
from core.demo import DemoContext, demo_data, ensure
from councils.models import AgendaItem, Comment, Meeting
from organisation.models import Administration
from tests.factories import BuilderFactory
from tests.plugins import app_test_modules


def test_build_fills_defaults_calls_callables_and_keeps_what_is_given():
    calls = []

    def now():
        calls.append(1)
        return "later"

    built = build(dict, {"name": "given", "empty": ""}, name="default", empty="x", when=now)
    assert built == {"name": "given", "empty": "", "when": "later"}
    assert calls == [1]
    assert build(dict, {"when": "given"}, when=now) == {"when": "given"}
    assert calls == [1]


def test_every_factory_makes_its_rows_with_the_models_builder():
    list(app_test_modules("factories"))
    factories = []
    pending = [BuilderFactory]
    while pending:
        for sub in pending.pop().__subclasses__():
            pending.append(sub)
            factories.append(sub)
    assert len(factories) > 20
    missing = [f.__name__ for f in factories if builder_for(f._meta.model) is None]
    assert not missing, f"no builder for the model of {missing}"


def test_a_builder_returns_an_unsaved_row_with_sensible_defaults():
    meeting = builder_for(Meeting)(title="Møde")
    assert meeting.pk is None
    assert meeting.starts_at > timezone.now() + timedelta(days=6)
    assert meeting.comment_deadline == meeting.starts_at - timedelta(days=2)
    starts = timezone.now() + timedelta(days=1)
    assert builder_for(Meeting)(starts_at=starts).comment_deadline == starts - timedelta(days=2)
    assert builder_for(Meeting)(comment_deadline=None).comment_deadline is None


def test_demo_rows_resolve_their_moving_dates():
    ctx = DemoContext(today=datetime.date(2026, 1, 10))
    fields = ctx.fields(
        Meeting,
        {"title": "Møde", "starts_at": {"days": 2, "at": datetime.time(14)}, "items": []},
        skip={"items"},
    )
    assert fields["title"] == "Møde" and "items" not in fields
    assert timezone.localtime(fields["starts_at"]).replace(tzinfo=None) == datetime.datetime(
        2026, 1, 12, 14
    )
    assert ctx.fields(AgendaItem, {"first_put_on": {"days": -3}}) == {
        "first_put_on": datetime.date(2026, 1, 7)
    }
    created = ctx.fields(Comment, {"created_at": {"days": -1, "hours": -2}})["created_at"]
    assert abs(created - (timezone.now() - timedelta(hours=26))) < timedelta(minutes=1)


def test_every_demo_file_parses():
    for app in ["accounts", "organisation", "councils", "policies", "actionplans", "reports"]:
        assert demo_data(app)


@pytest.mark.django_db
def test_ensure_finds_the_row_before_it_makes_one():
    first, created = ensure(Administration, {"name": "Forvaltningen"})
    assert created and first.pk
    again, created = ensure(Administration, {"name": "Forvaltningen"})
    assert not created and again.pk == first.pk
