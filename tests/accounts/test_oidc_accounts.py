"""Around an OpenID Connect login: logout at the provider, linking, the login page, the
admin's view of login methods, and staff password login switched off."""

import httpx
import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.urls import reverse

from accounts.oidc import OIDC_SESSION_KEY
from tests.accounts.factories import TEST_PASSWORD, AdministratorFactory, UserFactory
from tests.accounts.mfa_helpers import add_totp
from tests.accounts.oidc_helpers import (
    configure,
    oidc_login,
    oidc_server,  # noqa: F401
    provider_entry,
    query,
    set_provider_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def provider(settings, oidc_server):  # noqa: F811
    configure(
        settings,
        provider_entry(oidc_server),
        provider_entry(
            oidc_server, id="mitid", name="Log ind med MitID", email_verified=False, staff=False
        ),
    )
    return oidc_server


# --- logout -----------------------------------------------------------------------------


def test_logout_ends_the_session_at_the_provider(client, provider):
    user = UserFactory(email="medlem@test.example")
    set_provider_user(provider, "sub-m", email=user.email, email_verified=True)
    oidc_login(client, "sub-m")
    id_token = client.session[OIDC_SESSION_KEY]["id_token"]

    response = client.post(reverse("account_logout"))

    assert SESSION_KEY not in client.session
    location = response["Location"]
    assert location.startswith(f"{provider}/oauth2/end_session?")
    params = query(location)
    assert params["id_token_hint"] == id_token
    assert params["post_logout_redirect_uri"] == "http://testserver/"
    # At the provider: the end-session page, then back to the portal's start page.
    page = httpx.get(location)
    assert page.status_code == 200
    confirmed = httpx.post(
        f"{provider}/oauth2/end_session/confirm",
        data={"redirect_uri": params["post_logout_redirect_uri"]},
    )
    assert confirmed.status_code == 302
    assert confirmed.headers["location"] == "http://testserver/"


def test_logout_after_a_password_login_stays_in_the_portal(client, provider):
    user = UserFactory()
    client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})
    response = client.post(reverse("account_logout"))
    assert response["Location"] == "/"


def test_logout_without_end_session_endpoint_stays_in_the_portal(client, settings, oidc_server):  # noqa: F811
    entry = provider_entry(oidc_server)
    configure(settings, entry)
    settings.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"][0]["settings"][
        "openid_configuration_overrides"
    ] = {"end_session_endpoint": ""}
    user = UserFactory(email="medlem@test.example")
    set_provider_user(oidc_server, "sub-m", email=user.email, email_verified=True)
    oidc_login(client, "sub-m")
    assert client.post(reverse("account_logout"))["Location"] == "/"


# --- linking ------------------------------------------------------------------------------


def test_a_member_with_a_password_links_their_mitid_login(client, provider):
    member = UserFactory()
    client.force_login(member)
    set_provider_user(provider, "mitid-uuid-1")  # a MitID broker: no e-mail

    response = oidc_login(client, "mitid-uuid-1", provider_id="mitid", process="connect")

    assert response.status_code == 302
    assert SocialAccount.objects.get(user=member).uid == "mitid-uuid-1"
    client.logout()
    oidc_login(client, "mitid-uuid-1", provider_id="mitid")
    assert client.session[SESSION_KEY] == str(member.pk)


def test_a_login_linked_to_someone_else_cannot_be_linked_again(client, provider):
    owner = UserFactory()
    SocialAccount.objects.create(user=owner, provider="mitid", uid="mitid-uuid-2")
    other = UserFactory()
    client.force_login(other)
    set_provider_user(provider, "mitid-uuid-2")
    oidc_login(client, "mitid-uuid-2", provider_id="mitid", process="connect")
    assert SocialAccount.objects.get(uid="mitid-uuid-2").user == owner
    assert not SocialAccount.objects.filter(user=other).exists()


def test_the_connections_page_is_in_the_account_menu_and_danish(client, provider):
    client.force_login(UserFactory())
    password_page = client.get(reverse("account_change_password")).content.decode()
    assert f'href="{reverse("socialaccount_connections")}"' in password_page
    page = client.get(reverse("socialaccount_connections")).content.decode()
    assert "Tilknyttede logins" in page
    assert "Tilknyt: Log ind med MitID" in page
    assert 'name="process" value="connect"' in page


def test_without_providers_the_account_menu_has_no_connections_link(client):
    client.force_login(UserFactory())
    page = client.get(reverse("account_change_password")).content.decode()
    assert reverse("socialaccount_connections") not in page


def test_unlinking_the_last_login_method_is_refused(client, provider):
    user = UserFactory()
    user.set_unusable_password()
    user.save()
    account = SocialAccount.objects.create(user=user, provider="mitid", uid="u-1")
    client.force_login(user)
    response = client.post(reverse("socialaccount_connections"), {"account": account.pk})
    assert SocialAccount.objects.filter(pk=account.pk).exists()
    assert response.status_code == 200
    assert response.context["form"].errors


def test_unlinking_is_allowed_when_a_password_remains(client, provider):
    user = UserFactory()
    account = SocialAccount.objects.create(user=user, provider="mitid", uid="u-2")
    client.force_login(user)
    client.post(reverse("socialaccount_connections"), {"account": account.pk})
    assert not SocialAccount.objects.filter(pk=account.pk).exists()


# --- staff password login switched off ----------------------------------------------------


def _password_login(client, user):
    return client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})


def test_staff_with_a_municipal_login_cannot_use_a_password_when_switched_off(
    client, settings, provider
):
    settings.PORTAL_OIDC_DISABLE_STAFF_PASSWORD = True
    staff = AdministratorFactory()
    SocialAccount.objects.create(user=staff, provider="kommune", uid="s-1")
    response = _password_login(client, staff)
    assert response.status_code == 200
    assert "Log ind med kommunens login" in response.content.decode()
    assert SESSION_KEY not in client.session


@pytest.mark.parametrize("case", ["setting-off", "no-link", "member", "member-provider"])
def test_password_login_still_works_for_everyone_else(client, settings, provider, case):
    settings.PORTAL_OIDC_DISABLE_STAFF_PASSWORD = case != "setting-off"
    user = UserFactory() if case == "member" else AdministratorFactory()
    if case in ("setting-off", "member"):
        SocialAccount.objects.create(user=user, provider="kommune", uid="s-2")
    if case == "member-provider":
        SocialAccount.objects.create(user=user, provider="mitid", uid="s-3")
    assert _password_login(client, user).status_code == 302
    assert client.session[SESSION_KEY] == str(user.pk)


# --- the login page -------------------------------------------------------------------------


def test_without_providers_the_login_page_is_as_before(client):
    html = client.get(reverse("account_login")).content.decode()
    assert "/konto/oidc/" not in html
    assert "Eller log ind" not in html
    # The login form, and the header's language switcher and search box.
    assert html.count("<form") == 3
    assert html.count('method="post"') == 2
    assert 'class="btn btn-primary">Log ind</button>' in html


def test_with_providers_the_login_page_has_one_post_form_per_provider(client, provider):
    html = client.get(reverse("account_login") + "?next=/raad/").content.decode()
    for provider_id, text in [
        ("kommune", "Log ind med kommunens login"),
        ("mitid", "Log ind med MitID"),
    ]:
        action = reverse("openid_connect_login", kwargs={"provider_id": provider_id})
        assert f'<form method="post" action="{action}?next=%2Fraad%2F"' in html
        assert f">{text}</button>" in html


# --- the administrator's view ---------------------------------------------------------------


def test_user_admin_shows_the_login_methods(client, provider):
    admin = AdministratorFactory()
    person = UserFactory()
    add_totp(person)
    SocialAccount.objects.create(user=person, provider="mitid", uid="u-9")
    client.force_login(admin)
    html = client.get(reverse("admin:accounts_user_change", args=[person.pk])).content.decode()
    assert "Adgangskode: ja" in html
    assert "Godkendelsesapp (TOTP): ja" in html
    assert "Tilknyttede logins: Log ind med MitID" in html


def test_administrator_registers_a_subject_for_a_member(client, provider):
    admin = AdministratorFactory()
    person = UserFactory()
    client.force_login(admin)
    url = reverse("admin:accounts_user_change", args=[person.pk])
    form = client.get(url).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update(
        {
            "email": person.email,
            "full_name": person.full_name,
            "is_active": "on",
            "socialaccount_set-TOTAL_FORMS": "1",
            "socialaccount_set-INITIAL_FORMS": "0",
            "socialaccount_set-0-provider": "mitid",
            "socialaccount_set-0-uid": "mitid-uuid-9",
        }
    )
    data.pop("password", None)
    data.pop("last_login", None)
    data.pop("date_joined", None)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert SocialAccount.objects.get(user=person).uid == "mitid-uuid-9"


def test_staff_must_pass_the_second_factor_before_linking_a_login(client, settings, provider):
    # Otherwise a stolen password could link the thief's MitID, whose strong login would then
    # stand in for the second factor.
    settings.PORTAL_REQUIRE_STAFF_MFA = True
    staff = AdministratorFactory()
    add_totp(staff)
    client.force_login(staff)  # no second factor in this session
    set_provider_user(provider, "thief-mitid")
    response = client.post(
        reverse("openid_connect_login", kwargs={"provider_id": "mitid"}), {"process": "connect"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))
    assert not SocialAccount.objects.exists()


def test_the_csp_lets_forms_lead_to_the_configured_providers(client, provider):
    """Chromium applies form-action to the redirect after the login button's POST."""
    policy = client.get(reverse("account_login"))["Content-Security-Policy"]
    form_action = next(p for p in policy.split(";") if p.strip().startswith("form-action"))
    assert "'self'" in form_action
    origin = "/".join(provider.split("/")[:3])
    assert origin in form_action


def test_without_providers_forms_lead_nowhere_else(client):
    policy = client.get(reverse("account_login"))["Content-Security-Policy"]
    form_action = next(p for p in policy.split(";") if p.strip().startswith("form-action"))
    assert form_action.strip() == "form-action 'self'"
