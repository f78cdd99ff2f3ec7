"""Search shows each role exactly what the pages show it: every kind, every visibility."""

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from tests.search.cases import plant
from tests.world import ROLES

URL = reverse("search:results")


def _found(client, token):
    response = client.get(URL, {"q": token})
    assert response.status_code == 200
    return [
        result
        for result in response.context["page_obj"].object_list
        if token in strip_tags(f"{result.title} {result.snippet}")
    ]


def _login(client, world, role):
    client.logout()
    if role != "anonymous":
        client.force_login(world.user(role))


@pytest.mark.parametrize("role", ROLES)
def test_each_role_finds_exactly_what_its_pages_show(role, world, client):
    cases = plant(world)
    # Where each thing lives, as the administrator finds it (the hidden comment excepted).
    _login(client, world, "administrator")
    pages = {case.token: _found(client, case.token) for case in cases}

    _login(client, world, role)
    problems = []
    for case in cases:
        found = _found(client, case.token)
        expected = role in case.roles
        if bool(found) != expected:
            problems.append(f"{case.name}: {'found' if found else 'not found'}")
            continue
        for result in found:
            if result.kind != case.kind:
                problems.append(f"{case.name}: shown as {result.kind}")
            # The result's page opens for this role and shows the matched text.
            page = client.get(result.url.split("#")[0])
            if page.status_code != 200 or case.token not in page.content.decode():
                problems.append(f"{case.name}: its page does not show it ({page.status_code})")
        if not expected:
            for result in pages[case.token]:
                page = client.get(result.url.split("#")[0])
                if page.status_code == 200 and case.token in page.content.decode():
                    problems.append(f"{case.name}: not found, but its page shows it")
    assert not problems, f"{role}: " + "; ".join(problems)


def test_hidden_comments_are_never_found_not_even_by_administrators(world, client):
    cases = {case.name: case for case in plant(world)}
    hidden = cases["hidden comment"]
    for role in ROLES:
        _login(client, world, role)
        assert _found(client, hidden.token) == [], role


def test_every_kind_is_covered_by_a_case(world):
    from search.registry import KINDS

    kinds = {case.kind for case in plant(world)}
    assert kinds == set(KINDS)
