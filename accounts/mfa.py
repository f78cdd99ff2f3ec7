"""Two-factor authentication: encrypted secrets and "did this session pass a second factor".

TOTP secrets and recovery-code seeds are encrypted with Fernet keys derived from
``PORTAL_MFA_ENCRYPTION_KEY`` (see settings). Several keys may be given, comma-separated: the
first encrypts, every key decrypts, and ``manage.py rotate_mfa_encryption`` re-encrypts with
the first so an old key can then be dropped.
"""

import base64
import hashlib
import time

from allauth.account import app_settings as account_settings
from allauth.account.authentication import get_authentication_records
from allauth.mfa.adapter import DefaultMFAAdapter
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Stored values carry this prefix so that encrypted and legacy plaintext values can be told
# apart (the data migration skips what is already encrypted).
ENCRYPTED_PREFIX = "fernet:"

# Set by a login that happened with a strong second factor somewhere else, for example an
# OpenID Connect provider that asserts MFA (acr/amr). The staff-MFA check accepts it.
STRONG_LOGIN_SESSION_KEY = "portal_strong_login"

# Which authenticator data fields hold secrets, per authenticator type.
SECRET_FIELDS = {"totp": ["secret"], "recovery_codes": ["seed"]}
SECRET_LIST_FIELDS = {"recovery_codes": ["migrated_codes"]}


def _fernet_key(raw: str) -> bytes:
    # Any long random string works as a key: the Fernet key is derived from it.
    digest = hashlib.sha256(b"portal-mfa-secrets:" + raw.encode()).digest()
    return base64.urlsafe_b64encode(digest)


def _fernet() -> MultiFernet:
    keys = getattr(settings, "PORTAL_MFA_ENCRYPTION_KEYS", None)
    if not keys:
        raise ImproperlyConfigured("PORTAL_MFA_ENCRYPTION_KEY is not set.")
    return MultiFernet([Fernet(_fernet_key(key)) for key in keys])


def is_encrypted(value) -> bool:
    return isinstance(value, str) and value.startswith(ENCRYPTED_PREFIX)


def encrypt_secret(text: str) -> str:
    token = _fernet().encrypt(text.encode()).decode()
    return ENCRYPTED_PREFIX + token


def decrypt_secret(value: str) -> str:
    if not is_encrypted(value):
        raise ValueError("A two-factor secret is stored unencrypted; run the migrations.")
    try:
        return _fernet().decrypt(value[len(ENCRYPTED_PREFIX) :].encode()).decode()
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "A two-factor secret cannot be decrypted with PORTAL_MFA_ENCRYPTION_KEY: "
            "was the key changed without keeping the old one?"
        ) from exc


def _rotate(value: str) -> str:
    token = _fernet().rotate(value[len(ENCRYPTED_PREFIX) :].encode()).decode()
    return ENCRYPTED_PREFIX + token


def protect_data(type_: str, data: dict, *, rotate: bool = False) -> tuple[dict, bool]:
    """Returns the authenticator data with every secret encrypted (or re-encrypted with the
    first key when ``rotate``), and whether anything changed."""
    data = dict(data)
    changed = False

    def fix(value):
        nonlocal changed
        if not isinstance(value, str):
            return value
        if not is_encrypted(value):
            changed = True
            return encrypt_secret(value)
        if rotate:
            changed = True
            return _rotate(value)
        return value

    for field in SECRET_FIELDS.get(type_, []):
        if field in data:
            data[field] = fix(data[field])
    for field in SECRET_LIST_FIELDS.get(type_, []):
        if isinstance(data.get(field), list):
            data[field] = [fix(value) for value in data[field]]
    return data, changed


def protect_all(authenticator_model, *, rotate: bool = False) -> int:
    """Encrypts (or re-encrypts) every stored authenticator; returns how many changed."""
    count = 0
    for authenticator in authenticator_model.objects.filter(type__in=list(SECRET_FIELDS)):
        data, changed = protect_data(authenticator.type, authenticator.data, rotate=rotate)
        if changed:
            authenticator.data = data
            authenticator.save(update_fields=["data"])
            count += 1
    return count


class PortalMFAAdapter(DefaultMFAAdapter):
    def encrypt(self, text: str) -> str:
        return encrypt_secret(text)

    def decrypt(self, encrypted_text: str) -> str:
        return decrypt_secret(encrypted_text)


def mark_strong_login(request, user, *, source: str) -> None:
    """Records that this session's login was made with a second factor outside the portal
    (e.g. an OpenID Connect provider asserting MFA)."""
    request.session[STRONG_LOGIN_SESSION_KEY] = {
        "user": str(user.pk),
        "source": source,
        "at": time.time(),
    }


def session_passed_second_factor(request) -> bool:
    """Did THIS session log in (or re-authenticate) with a second factor?"""
    user = request.user
    if not user.is_authenticated:
        return False
    records = get_authentication_records(request, user)
    if any(record.get("method") == "mfa" for record in records):
        return True
    strong = request.session.get(STRONG_LOGIN_SESSION_KEY)
    return isinstance(strong, dict) and strong.get("user") == str(user.pk)


def recently_passed_second_factor(request) -> bool:
    """A re-authentication with the second factor within the re-authentication window:
    needed to see recovery codes or switch two-factor authentication off."""
    user = request.user
    if not user.is_authenticated:
        return False
    oldest = time.time() - account_settings.REAUTHENTICATION_TIMEOUT
    return any(
        record.get("method") == "mfa" and record.get("reauthenticated") and record["at"] > oldest
        for record in get_authentication_records(request, user)
    )
