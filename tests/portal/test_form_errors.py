"""One error pattern on every form: every form page of the permission matrix, sent empty.

Where the page answers with the form again (errors), it must carry the shared pattern: the
page title starts with "Fejl: ", an error summary with a link to each field in error comes
first and takes the focus (data-error-summary, tabindex -1), and each field in error is
aria-invalid and described by its own error message (and its help text).
"""

import re
from html.parser import HTMLParser

import pytest
from django.db import transaction
from django.urls import reverse

from accounts.models import User
from tests.permissions.matrix import all_rows
from tests.world import ROLES

pytestmark = pytest.mark.django_db

# The Django admin is exempt: it has its own forms.
GET_ROWS = [
    row for row in all_rows() if row.method == "get" and not row.url_name.startswith("admin:")
]


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()
        self.invalid = []  # (tag, attrs) of elements with aria-invalid="true"
        self.fieldsets = []
        self.self_posting_form = False
        self.summary = None
        self.summary_links = []
        self._in_summary = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        post = (attrs.get("method") or "").lower() == "post"
        if tag == "form" and post and not attrs.get("action"):
            self.self_posting_form = True
        if attrs.get("aria-invalid") == "true":
            self.invalid.append((tag, attrs))
        if tag == "fieldset":
            self.fieldsets.append(attrs)
        if "data-error-summary" in attrs:
            self.summary = attrs
            self._in_summary = 1
        elif self._in_summary and tag == "div":
            self._in_summary += 1
        if self._in_summary and tag == "a":
            self.summary_links.append(attrs.get("href", ""))
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if self._in_summary and tag == "div":
            self._in_summary -= 1
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def _parse(html):
    page = _Page()
    page.feed(html)
    return page


def _first_role_with_page(row, world, client):
    for role in ROLES:
        if row.expect[role] == 200 and world.user(role) is not None:
            return role
    return None


def assert_error_pattern(html, where):
    page = _parse(html)
    assert page.title.strip().startswith("Fejl: "), f"{where}: title {page.title.strip()!r}"
    assert page.summary is not None, f"{where}: no error summary"
    assert page.summary.get("tabindex") == "-1", f"{where}: the summary cannot take the focus"
    assert "Der er fejl i formularen" in html, where
    assert "#}" not in html, f"{where}: a template comment leaks into the page"
    for tag, attrs in page.invalid:
        if tag == "input" and attrs.get("type") in ("radio", "checkbox"):
            continue  # described on their <fieldset>, checked below
        described = (attrs.get("aria-describedby") or "").split()
        field_id = attrs.get("id")
        assert f"{field_id}_error" in described, f"{where}: #{field_id} not described by its error"
        missing = [i for i in described if i not in page.ids]
        assert not missing, f"{where}: #{field_id} described by missing ids {missing}"
        assert f"#{field_id}" in page.summary_links, f"{where}: no summary link to #{field_id}"
    return page


def test_every_form_page_sent_empty_shows_the_one_error_pattern(world, client):
    checked = []
    for row in GET_ROWS:
        role = _first_role_with_page(row, world, client)
        if role is None:
            continue
        with transaction.atomic():
            client.logout()
            client.force_login(world.user(role))
            kwargs = row.kwargs(world) if callable(row.kwargs) else row.kwargs
            url = reverse(row.url_name, kwargs=kwargs)
            response = client.get(url, row.data(world) if callable(row.data) else row.data or {})
            if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                transaction.set_rollback(True)
                continue
            if not _parse(response.content.decode()).self_posting_form:
                transaction.set_rollback(True)
                continue
            # A stray key, so that views binding on ``request.POST or None`` see a submission.
            answer = client.post(url, {"x-empty": ""})
            html = answer.content.decode() if answer.status_code == 200 else ""
            if 'aria-invalid="true"' in html or "invalid-feedback" in html:
                assert_error_pattern(html, f"{row.id} as {role}")
                checked.append(row.id)
            transaction.set_rollback(True)
    # The walk must really have met the portal's forms, not skipped them all.
    assert len(checked) >= 10, checked


def test_comment_field_is_described_by_help_error_and_counter(world, client, member):
    client.force_login(member)
    url = reverse("councils:comment_create", args=[world["item"].pk])
    html = client.post(url, {"text": ""}).content.decode()
    page = assert_error_pattern(html, "comment")
    textarea = re.search(r"<textarea[^>]*>", html).group(0)
    described = re.search(r'aria-describedby="([^"]+)"', textarea).group(1).split()
    assert described == ["id_text_helptext", "id_text_error", "id_text_counter"]
    assert 'aria-invalid="true"' in textarea
    assert "#id_text" in page.summary_links
    # The comment page opens with the focus in the text field.
    assert "autofocus" in client.get(url).content.decode()


def test_login_errors_use_the_pattern(world, client):
    User.objects.filter(email="nobody@example.org").delete()
    response = client.post(
        reverse("account_login"), {"login": "nobody@example.org", "password": "forkert"}
    )
    assert response.status_code == 200
    assert_error_pattern(response.content.decode(), "login")


def test_radio_group_in_error_is_described_on_its_fieldset(world, client, caseworker):
    client.force_login(caseworker)
    html = client.post(reverse("policies:goal_create"), {"title": ""}).content.decode()
    page = assert_error_pattern(html, "goal")
    level = [f for f in page.fieldsets if "id_level_error" in (f.get("aria-describedby") or "")]
    assert level, "the ladder's fieldset is not described by its error"
    assert "#id_level_0" in page.summary_links


def test_page_without_form_errors_has_no_prefix(world, client, member):
    client.force_login(member)
    url = reverse("councils:comment_create", args=[world["item"].pk])
    html = client.get(url).content.decode()
    assert not _parse(html).title.strip().startswith("Fejl")
    assert "data-error-summary" not in html


@pytest.mark.parametrize("url_name", ["account_change_password", "account_reset_password"])
def test_allauth_pages_render_through_the_shared_pattern(world, client, member, url_name):
    if url_name == "account_change_password":
        client.force_login(member)
    url = reverse(url_name)
    html = client.get(url).content.decode()
    assert re.search(r'<input[^>]*class="[^"]*form-control', html)
    assert "{#" not in html and "#}" not in html
    fields = (
        {"oldpassword": "forkert", "password1": "x", "password2": "y"}
        if url_name == "account_change_password"
        else {"email": "ikke-en-adresse"}
    )
    response = client.post(url, fields)
    assert response.status_code == 200
    assert_error_pattern(response.content.decode(), url_name)


def test_mfa_pages_render_through_crispy(world, client, administrator):
    client.force_login(administrator)
    response = client.get(reverse("mfa_activate_totp"), follow=True)
    html = response.content.decode()
    assert "<p><label" not in html  # allauth's own form.as_p is gone
