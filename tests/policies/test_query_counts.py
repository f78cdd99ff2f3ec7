"""Detail pages read a constant number of queries however many updates or changes they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from policies.services import save_goal
from tests.policies.factories import GoalUpdateAttachmentFactory, GoalUpdateFactory
from tests.policies.helpers import acting_as

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _grow_goal(goal, user, n):
    for i in range(n):
        GoalUpdateAttachmentFactory(update=GoalUpdateFactory(goal=goal))
        goal.title = f"Titel {goal.version + 1}"
        goal.status = ["in_progress", "met"][i % 2]
        with acting_as(user):
            save_goal(goal=goal, based_on_version=goal.version)


@pytest.mark.parametrize("persona", ["anonymous", "caseworker"])
def test_goal_page(client, world, persona, django_assert_num_queries):
    goal = world["goal"]
    if persona != "anonymous":
        client.force_login(world.users[persona])
    url = goal.get_absolute_url()
    _grow_goal(goal, world.users["caseworker"], 2)
    small = _queries(client, url)
    _grow_goal(goal, world.users["administrator"], 25)
    with django_assert_num_queries(small):
        client.get(url)


def test_update_page(client, world, caseworker, django_assert_num_queries):
    update = world["update"]
    client.force_login(caseworker)
    url = update.get_absolute_url()
    small = _queries(client, url)
    for i in range(20):
        GoalUpdateAttachmentFactory(update=update, original_name=f"bilag-{i}.pdf")
        update.what_changed = f"Ændring {i}"
        update.save()
    with django_assert_num_queries(small):
        client.get(url)


def test_policy_page(client, world, administrator, django_assert_num_queries):
    from policies.services import adopt_version, start_revision

    policy = world["policy"]
    url = reverse("policies:policy_detail", args=[policy.policy_id])
    client.force_login(administrator)
    small = _queries(client, url)
    version = policy
    for i in range(5):
        with acting_as(administrator):
            draft = start_revision(version=version)
            draft.why = f"Tekst {i}"
            draft.save()
            version = adopt_version(
                version=draft,
                adopting_body="city_council",
                committee=None,
                adopted_on=policy.adopted_on,
            )
    with django_assert_num_queries(small):
        client.get(url)
