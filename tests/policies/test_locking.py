"""Acceptance 3: two people edit the same goal; the second save is refused, nothing is lost."""

import pytest
from django.test import Client
from django.urls import reverse

from policies.models import UnitGoal
from policies.services import FieldDifference, StaleGoal, save_goal
from tests.policies.helpers import goal_post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_editors(world, caseworker, administrator):
    first, second = Client(), Client()
    first.force_login(caseworker)
    second.force_login(administrator)
    return first, second


def test_second_of_two_concurrent_edits_is_refused_and_the_first_kept(world, two_editors):
    goal = world["goal"]
    url = reverse("policies:goal_edit", args=[goal.pk])
    first, second = two_editors
    # Both open the form while the goal is at version 1.
    assert first.get(url).context["form"]["version"].value() == 1
    assert second.get(url).context["form"]["version"].value() == 1

    first_saves = first.post(url, goal_post_data(goal, target="Mindst fire møder.", status="met"))
    assert first_saves.status_code == 302

    second_saves = second.post(
        url,
        goal_post_data(goal, target="Mindst tre møder og et referat.", organisation="Hver måned."),
    )
    assert second_saves.status_code == 409
    goal.refresh_from_db()
    # Nothing of the first edit is lost, nothing of the second written.
    assert goal.target == "Mindst fire møder."
    assert goal.status == "met"
    assert goal.organisation == "To møder om året i brugerrådet."
    assert goal.version == 2
    assert goal.history.count() == 2

    page = second_saves.content.decode()
    assert "Målet er ændret af en anden, mens du redigerede" in page
    # Their text beside the saved text.
    assert "Mindst tre møder og et referat." in page
    assert "Mindst fire møder." in page
    differences = {d.name: d for d in second_saves.context["differences"]}
    assert differences["target"].changed_by == FieldDifference.BOTH
    assert differences["organisation"].changed_by == FieldDifference.THEIRS
    assert differences["status"].changed_by == FieldDifference.CURRENT
    assert set(differences) == {"target", "organisation", "status"}

    # The merge form starts from the saved goal plus the second person's own changes.
    merge = second_saves.context["form"]
    assert merge["version"].value() == 2
    assert merge["status"].value() == "met"
    assert merge["organisation"].value() == "Hver måned."
    assert merge["target"].value() == "Mindst tre møder og et referat."

    # They merge the two texts and save: now it goes through.
    merged = goal_post_data(
        goal,
        target="Mindst fire møder og et referat.",
        organisation="Hver måned.",
        version=2,
    )
    assert second.post(url, merged).status_code == 302
    goal.refresh_from_db()
    assert goal.target == "Mindst fire møder og et referat."
    assert goal.organisation == "Hver måned."
    assert goal.status == "met"
    assert goal.version == 3


def test_a_form_based_on_an_old_version_is_refused_again_after_a_third_save(world, two_editors):
    goal = world["goal"]
    url = reverse("policies:goal_edit", args=[goal.pk])
    first, second = two_editors
    assert first.post(url, goal_post_data(goal, title="A")).status_code == 302
    assert first.post(url, goal_post_data(goal, title="B", version=2)).status_code == 302
    response = second.post(url, goal_post_data(goal, title="C", version=1))
    assert response.status_code == 409
    goal.refresh_from_db()
    assert (goal.title, goal.version) == ("B", 3)


def test_missing_version_is_refused(client, world, caseworker):
    goal = world["goal"]
    client.force_login(caseworker)
    data = goal_post_data(goal, title="Uden version")
    del data["version"]
    response = client.post(reverse("policies:goal_edit", args=[goal.pk]), data)
    assert response.status_code == 200
    assert response.context["form"].errors["version"]
    goal.refresh_from_db()
    assert goal.title == "Brugerrådet er med"


def test_service_refuses_a_stale_save(world, caseworker):
    goal = world["goal"]
    copy = UnitGoal.objects.get(pk=goal.pk)
    goal.title = "Først"
    save_goal(goal=goal, based_on_version=1)
    copy.title = "Sidst"
    with pytest.raises(StaleGoal) as raised:
        save_goal(goal=copy, based_on_version=1)
    assert raised.value.current.title == "Først"
    assert UnitGoal.objects.get(pk=goal.pk).title == "Først"
