"""Danish without traces of the framework: select placeholders, dates, Markdown help."""

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from core.dates import format_date, format_datetime
from core.forms import MARKDOWN_HELP, choose_label
from tests.permissions.matrix import all_rows
from tests.world import ROLES

GET_ROWS = [
    row for row in all_rows() if row.method == "get" and not row.url_name.startswith("admin:")
]
ROOT = Path(settings.BASE_DIR)


@pytest.mark.django_db
def test_no_select_on_any_page_offers_dashes(world, client):
    seen_selects = 0
    for row in GET_ROWS:
        for role in ROLES:
            if row.expect[role] != 200:
                continue
            with transaction.atomic():
                client.logout()
                if world.user(role):
                    client.force_login(world.user(role))
                kwargs = row.kwargs(world) if callable(row.kwargs) else row.kwargs
                data = row.data(world) if callable(row.data) else row.data
                response = client.get(reverse(row.url_name, kwargs=kwargs), data or {})
                if response.streaming or "html" not in response.get("Content-Type", ""):
                    transaction.set_rollback(True)
                    break
                html = response.content.decode(errors="replace")
                seen_selects += html.count("<select")
                assert "---------" not in html, f"{row.id} as {role} shows '---------'"
                transaction.set_rollback(True)
            break
    assert seen_selects > 5


def test_choose_label_names_what_to_choose():
    with translation.override("da"):
        assert choose_label("Enhed") == "Vælg enhed"
        assert choose_label("") == "Vælg …"


def test_no_template_hard_codes_a_date_format():
    offenders = []
    for path in ROOT.glob("**/templates/**/*.*"):
        if ".venv" in path.parts or path.suffix not in (".html", ".txt"):
            continue
        for match in re.finditer(r'\|date:"([^"]*)"', path.read_text()):
            if match.group(1) not in ("c", "Y-m-d"):
                offenders.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
    assert not offenders, offenders


@pytest.mark.parametrize(
    ("language", "date_text", "datetime_text"),
    [
        ("da", "16. oktober 2026", "fredag 16. oktober 2026 kl. 14:30"),
        ("nb", "16. oktober 2026", "fredag 16. oktober 2026 kl. 14:30"),
        ("en", "Oct. 16, 2026", "Friday Oct. 16, 2026 at 2:30 p.m."),
    ],
)
def test_one_date_format_per_language(language, date_text, datetime_text):
    when = datetime(2026, 10, 16, 14, 30, tzinfo=ZoneInfo(settings.TIME_ZONE))
    with translation.override(language):
        assert format_date(when) == date_text
        assert format_datetime(when, weekday=True) == datetime_text


def test_every_markdown_field_shares_the_plain_danish_help():
    from actionplans.forms import ActionPlanForm
    from councils.forms import AgendaItemForm, MinutesForm
    from policies.forms import PolicyVersionForm

    fields = [
        AgendaItemForm.base_fields["body"],
        MinutesForm.base_fields["minutes"],
        *[ActionPlanForm.base_fields[n] for n in ["problem", "solution", "effect"]],
        *[f for n, f in PolicyVersionForm.base_fields.items() if n not in ("title", "summary")][:1],
    ]
    for field in fields:
        assert str(MARKDOWN_HELP) in str(field.help_text), field.label
    with translation.override("da"):
        help_text = str(MARKDOWN_HELP)
    for word in ("overskrift", "liste", "fed", "link"):
        assert word in help_text.lower()
    assert "markdown" not in help_text.lower()
