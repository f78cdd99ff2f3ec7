"""Only the member consents to being named in public; the admin cannot do it for them."""

import pytest
from django.urls import reverse

from councils.models import Membership, SeatRule

pytestmark = pytest.mark.django_db


def _membership_form(membership, **overrides):
    data = {
        "council": membership.council_id,
        "user": membership.user_id,
        "seat_type": membership.seat_type,
        "organisation": membership.organisation_id or "",
        "description": "Ændret af forvaltningen",
        "start": membership.start.isoformat(),
        "end": "",
        "substitute_for": "",
        "listed_publicly": "on",
    }
    return {**data, **overrides}


def test_admin_change_form_does_not_set_consent(client, administrator, world):
    membership = world["membership"]
    assert not membership.listed_publicly
    client.force_login(administrator)
    url = reverse("admin:councils_membership_change", args=[membership.pk])
    page = client.get(url).content.decode()
    assert 'name="listed_publicly"' not in page
    response = client.post(url, _membership_form(membership))
    assert response.status_code == 302  # the rest of the form was saved…
    membership.refresh_from_db()
    assert membership.description == "Ændret af forvaltningen"
    assert membership.listed_publicly is False  # …but not the consent


def test_admin_change_form_does_not_withdraw_consent(client, administrator, world):
    membership = world["membership"]
    Membership.objects.filter(pk=membership.pk).update(listed_publicly=True)
    client.force_login(administrator)
    url = reverse("admin:councils_membership_change", args=[membership.pk])
    data = _membership_form(membership)
    del data["listed_publicly"]  # an unticked box is simply absent from a POST
    assert client.post(url, data).status_code == 302
    membership.refresh_from_db()
    assert membership.listed_publicly is True


def test_admin_add_form_cannot_give_consent(client, administrator, world, outsider):
    client.force_login(administrator)
    data = _membership_form(world["membership"], user=outsider.pk)
    client.post(reverse("admin:councils_membership_add"), data)
    added = Membership.objects.get(council=world["council"], user=outsider)
    assert added.listed_publicly is False


def test_council_inline_does_not_set_consent(client, administrator, world):
    council = world["council"]
    client.force_login(administrator)
    url = reverse("admin:councils_council_change", args=[council.pk])
    page = client.get(url).content.decode()
    assert 'name="memberships-0-listed_publicly"' not in page
    memberships = list(council.memberships.order_by("pk"))
    rules = list(SeatRule.objects.filter(council=council).order_by("pk"))
    data = {
        "name": council.name,
        "kind": council.kind,
        "unit": council.unit_id,
        "administration": "",
        "summary": council.summary,
        "mandate": council.mandate,
        "term_start": "",
        "term_end": "",
        "seat_rules-TOTAL_FORMS": len(rules),
        "seat_rules-INITIAL_FORMS": len(rules),
        "memberships-TOTAL_FORMS": len(memberships),
        "memberships-INITIAL_FORMS": len(memberships),
    }
    for i, rule in enumerate(rules):
        data |= {
            f"seat_rules-{i}-id": rule.pk,
            f"seat_rules-{i}-council": council.pk,
            f"seat_rules-{i}-seat_type": rule.seat_type,
            f"seat_rules-{i}-required_count": rule.required_count,
        }
    for i, m in enumerate(memberships):
        data |= {
            f"memberships-{i}-id": m.pk,
            f"memberships-{i}-council": council.pk,
            f"memberships-{i}-user": m.user_id,
            f"memberships-{i}-seat_type": m.seat_type,
            f"memberships-{i}-organisation": m.organisation_id or "",
            f"memberships-{i}-start": m.start.isoformat(),
            f"memberships-{i}-listed_publicly": "on",
        }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not council.memberships.filter(listed_publicly=True).exists()
