"""Login through OpenID Connect against a real provider running on a thread."""

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.urls import reverse

from accounts.mfa import STRONG_LOGIN_SESSION_KEY
from accounts.models import User
from accounts.oidc import OIDC_SESSION_KEY
from tests.accounts.factories import AdministratorFactory, UserFactory
from tests.accounts.mfa_helpers import add_totp
from tests.accounts.oidc_helpers import (
    authorize,
    configure,
    oidc_login,
    oidc_server,  # noqa: F401
    provider_entry,
    query,
    set_provider_user,
    start,
    tampering_proxy,
)

pytestmark = pytest.mark.django_db

SUBSTANTIAL = "https://data.gov.dk/concept/core/nsis/loa/Substantial"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def provider(settings, oidc_server):  # noqa: F811
    configure(settings, provider_entry(oidc_server))
    return oidc_server


def _logged_in_user(client):
    user_id = client.session.get(SESSION_KEY)
    return User.objects.get(pk=user_id) if user_id else None


def _stored():
    return (
        User.objects.count(),
        SocialAccount.objects.count(),
        EmailAddress.objects.count(),
    )


def _assert_nothing_of_the_login_in_session(client):
    session = dict(client.session.items())
    assert SESSION_KEY not in session
    assert OIDC_SESSION_KEY not in session
    assert not any("sociallogin" in key for key in session), session
    assert not any(value for key, value in session.items() if key.startswith("socialaccount")), (
        session
    )


# --- the authorization request ---------------------------------------------------------


def test_authorization_request_is_code_flow_with_pkce_state_and_nonce(client, provider):
    url = start(client)
    params = query(url)
    assert url.startswith(f"{provider}/oauth2/authorize?")
    assert params["response_type"] == "code"
    assert params["code_challenge_method"] == "S256"
    assert len(params["code_challenge"]) >= 43
    assert len(params["state"]) >= 12
    assert len(params["nonce"]) >= 32
    assert params["client_id"] == "portal-test-client"
    assert params["redirect_uri"] == "http://testserver/konto/oidc/kommune/login/callback/"
    assert set(params["scope"].split()) == {"openid", "email", "profile"}


def test_starting_a_login_requires_post(client, provider):
    url = reverse("openid_connect_login", kwargs={"provider_id": "kommune"})
    assert client.get(url).status_code == 405


def test_an_unconfigured_provider_is_404(client, provider):
    url = reverse("openid_connect_login", kwargs={"provider_id": "ukendt"})
    assert client.post(url).status_code == 404


# --- who may log in -----------------------------------------------------------------------


def test_code_flow_logs_in_an_existing_user_by_verified_email_and_stores_the_subject(
    client, provider
):
    admin = AdministratorFactory(email="leder@kommune.test")
    set_provider_user(provider, "sub-leder", email="Leder@Kommune.test", email_verified=True)

    response = oidc_login(client, "sub-leder")

    assert response.status_code == 302
    assert _logged_in_user(client) == admin
    account = SocialAccount.objects.get(user=admin)
    assert (account.provider, account.uid) == ("kommune", "sub-leder")
    home = client.get(reverse("home"))
    assert home.context["user"] == admin
    assert [role.label for role in home.context["portal_roles"]] == ["Administrator"]


def test_a_second_login_is_matched_on_the_stored_subject(client, provider):
    member = UserFactory(email="medlem@test.example")
    set_provider_user(provider, "sub-medlem", email="medlem@test.example", email_verified=True)
    oidc_login(client, "sub-medlem")
    client.logout()
    # The provider now sends another e-mail (or none): the subject still identifies them.
    set_provider_user(provider, "sub-medlem", email="andet@test.example", email_verified=True)

    response = oidc_login(client, "sub-medlem")

    assert response.status_code == 302
    assert _logged_in_user(client) == member
    assert SocialAccount.objects.filter(user=member).count() == 1
    assert not User.objects.filter(email="andet@test.example").exists()


def test_an_unknown_person_is_refused_and_nothing_is_stored(client, provider):
    UserFactory(email="kendt@test.example")
    set_provider_user(provider, "sub-ukendt", email="ukendt@test.example", email_verified=True)
    before = _stored()

    response = oidc_login(client, "sub-ukendt")

    assert response.status_code == 403
    html = response.content.decode()
    assert "Du kan ikke logge ind endnu" in html
    assert "kontakt" in html.lower()
    assert _stored() == before
    _assert_nothing_of_the_login_in_session(client)


def test_a_person_with_an_unverified_email_claim_is_refused(client, provider):
    UserFactory(email="medlem@test.example")
    set_provider_user(provider, "sub-x", email="medlem@test.example", email_verified=False)
    before = _stored()
    assert oidc_login(client, "sub-x").status_code == 403
    assert _stored() == before


def test_a_deactivated_user_is_refused_also_on_the_subject(client, provider):
    user = UserFactory(email="gammel@test.example", is_active=False)
    SocialAccount.objects.create(user=user, provider="kommune", uid="sub-gammel")
    set_provider_user(provider, "sub-gammel", email="gammel@test.example", email_verified=True)
    assert oidc_login(client, "sub-gammel").status_code == 403
    assert _logged_in_user(client) is None


def test_unverified_email_provider_matches_only_on_a_registered_subject(
    client,
    settings,
    oidc_server,  # noqa: F811
):
    # Entra ID: the e-mail claim is not verified; the subject (oid) is registered by an admin.
    configure(
        settings,
        provider_entry(oidc_server, id="entra", email_verified=False, uid_claim="oid"),
    )
    user = UserFactory(email="sagsbehandler@kommune.test")
    set_provider_user(oidc_server, "sub-entra", email="sagsbehandler@kommune.test", oid="oid-123")
    before = _stored()
    assert oidc_login(client, "sub-entra", provider_id="entra").status_code == 403
    assert _stored() == before

    SocialAccount.objects.create(user=user, provider="entra", uid="oid-123")
    assert oidc_login(client, "sub-entra", provider_id="entra").status_code == 302
    assert _logged_in_user(client) == user


def test_staff_domain_creates_a_plain_user_without_a_role(client, settings, provider):
    settings.PORTAL_OIDC_STAFF_DOMAINS = ["kommune.test"]
    set_provider_user(
        provider, "sub-ny", email="ny.medarbejder@kommune.test", email_verified=True, name="Ny M"
    )

    assert oidc_login(client, "sub-ny").status_code == 302

    user = User.objects.get(email="ny.medarbejder@kommune.test")
    assert _logged_in_user(client) == user
    assert (user.full_name, user.is_administrator, user.has_usable_password()) == (
        "Ny M",
        False,
        False,
    )
    assert SocialAccount.objects.get(user=user).uid == "sub-ny"
    assert client.get(reverse("home")).context["portal_roles"] == []


def test_staff_domain_is_not_used_for_a_member_provider(client, settings, oidc_server):  # noqa: F811
    configure(settings, provider_entry(oidc_server, id="mitid", staff=False))
    settings.PORTAL_OIDC_STAFF_DOMAINS = ["kommune.test"]
    set_provider_user(oidc_server, "sub-m", email="x@kommune.test", email_verified=True)
    before = _stored()
    assert oidc_login(client, "sub-m", provider_id="mitid").status_code == 403
    assert _stored() == before


# --- the ID token is checked ------------------------------------------------------------


def test_a_tampered_id_token_is_refused(client, settings, oidc_server):  # noqa: F811
    victim = AdministratorFactory(email="leder@kommune.test")
    UserFactory(email="angriber@test.example")
    set_provider_user(oidc_server, "sub-angriber", email="angriber@test.example")
    with tampering_proxy(
        oidc_server, token_changes={"email": victim.email, "sub": "sub-leder"}
    ) as proxy:
        configure(settings, provider_entry(proxy))
        response = oidc_login(client, "sub-angriber")
    assert _logged_in_user(client) is None
    assert "Log ind mislykkedes" in response.content.decode()
    assert not SocialAccount.objects.exists()


def test_an_id_token_for_another_login_nonce_is_refused(client, settings, oidc_server):  # noqa: F811
    user = UserFactory(email="medlem@test.example")
    set_provider_user(oidc_server, "sub-n", email=user.email, email_verified=True)
    with tampering_proxy(oidc_server, authorize_changes={"nonce": "replayed-nonce"}) as proxy:
        configure(settings, provider_entry(proxy))
        response = oidc_login(client, "sub-n")
    assert _logged_in_user(client) is None
    assert "Log ind mislykkedes" in response.content.decode()


def test_a_callback_with_a_forged_state_is_refused(client, provider):
    user = UserFactory(email="medlem@test.example")
    set_provider_user(provider, "sub-s", email=user.email, email_verified=True)
    callback = authorize(start(client), "sub-s")
    forged = callback.replace("state=", "state=x")
    response = client.get(forged)
    assert _logged_in_user(client) is None
    assert "Log ind mislykkedes" in response.content.decode()


# --- second factor ----------------------------------------------------------------------


@pytest.fixture
def staff_with_totp(settings, provider):
    settings.PORTAL_REQUIRE_STAFF_MFA = True
    admin = AdministratorFactory(email="leder@kommune.test")
    add_totp(admin)
    return admin


@pytest.mark.parametrize(
    "claims",
    [{"amr": ["pwd", "mfa"]}, {"acr": SUBSTANTIAL}],
    ids=["amr-mfa", "acr-substantial"],
)
def test_a_strong_login_at_the_provider_counts_as_the_second_factor(
    client, provider, staff_with_totp, claims
):
    set_provider_user(
        provider, "sub-leder", email=staff_with_totp.email, email_verified=True, **claims
    )

    response = oidc_login(client, "sub-leder")

    assert response["Location"] == reverse("home")
    assert client.session[STRONG_LOGIN_SESSION_KEY]["source"] == "oidc:kommune"
    # The staff-MFA rule lets them through: no code asked for.
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.parametrize(
    "claims",
    [{}, {"amr": ["pwd"]}, {"acr": "https://data.gov.dk/concept/core/nsis/loa/Low"}],
    ids=["none", "amr-pwd", "acr-low"],
)
def test_a_weak_login_at_the_provider_still_needs_the_portal_code(
    client, provider, staff_with_totp, claims
):
    set_provider_user(
        provider, "sub-leder", email=staff_with_totp.email, email_verified=True, **claims
    )

    response = oidc_login(client, "sub-leder")

    assert response["Location"] == reverse("mfa_authenticate")
    assert STRONG_LOGIN_SESSION_KEY not in client.session
    assert _logged_in_user(client) is None


def test_staff_without_totp_after_a_weak_login_must_set_it_up(client, settings, provider):
    settings.PORTAL_REQUIRE_STAFF_MFA = True
    admin = AdministratorFactory(email="leder@kommune.test")
    set_provider_user(provider, "sub-leder", email=admin.email, email_verified=True, amr=["pwd"])
    oidc_login(client, "sub-leder")
    assert _logged_in_user(client) == admin
    assert client.get(reverse("admin:index"))["Location"] == reverse("mfa_activate_totp")


def test_amr_is_read_from_the_signed_id_token_not_userinfo(client, settings, oidc_server):  # noqa: F811
    settings.PORTAL_REQUIRE_STAFF_MFA = True
    admin = AdministratorFactory(email="leder@kommune.test")
    add_totp(admin)
    set_provider_user(oidc_server, "sub-leder", email=admin.email, email_verified=True)
    with tampering_proxy(oidc_server, token_changes={"amr": ["mfa"]}) as proxy:
        configure(settings, provider_entry(proxy))
        oidc_login(client, "sub-leder")
    assert _logged_in_user(client) is None
    assert STRONG_LOGIN_SESSION_KEY not in client.session


def test_only_the_needed_claims_are_stored(client, provider):
    user = UserFactory(email="medlem@test.example")
    set_provider_user(
        provider, "sub-p", email=user.email, email_verified=True, cpr="0101701234", amr=["mfa"]
    )
    oidc_login(client, "sub-p")
    extra = SocialAccount.objects.get(user=user).extra_data
    stored = {key for part in extra.values() for key in part}
    assert "cpr" not in stored
    assert {"sub", "email", "amr"} <= stored
