from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.db import transaction
from django.urls import reverse

from core.email import absolute_url, build_templated_mail
from outbox.registry import register
from outbox.services import enqueue


def invitation_link(user) -> str:
    path = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(user),
            "key": default_token_generator.make_token(user),
        },
    )
    return absolute_url(path)


INVITATION_MAIL = "accounts.invitation"
EMAIL_CHANGED_OLD_MAIL = "accounts.email_changed_old"
EMAIL_CHANGED_NEW_MAIL = "accounts.email_changed_new"
PASSWORD_RESET_MAIL = "accounts.password_reset"


def invite_user(*, user) -> None:
    """E-mails an appointed user a link where they choose their own password (through the
    outbox, in the caller's transaction; the link is made when the e-mail is sent)."""
    enqueue(kind=INVITATION_MAIL, recipient=user.email, payload={"user": user.pk})


def _user(message):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(pk=message.payload["user"]).first()


def build_invitation_mail(message):
    user = _user(message)
    if user is None or not user.is_active:
        return None
    return build_templated_mail(
        "accounts/email/invitation",
        {"user": user, "link": invitation_link(user)},
        [user.email],  # the login e-mail now, should an administrator have corrected it
    )


def sync_email_address(user) -> None:
    """The user's login e-mail is their one allauth address: primary and verified (an
    administrator set it). Other addresses are removed."""
    with transaction.atomic():
        EmailAddress.objects.filter(user=user).exclude(email__iexact=user.email).delete()
        address, created = EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"primary": True, "verified": True}
        )
        if not created and not (address.primary and address.verified):
            address.primary = address.verified = True
            address.save(update_fields=["primary", "verified"])


def notify_email_changed(*, user, old_email: str) -> None:
    """Tells both the old and the new address that the login e-mail was changed, so that a
    change nobody asked for is noticed. Written to the outbox in the caller's transaction:
    the notices go out exactly when the change commits."""
    payload = {"user": user.pk, "old_email": old_email, "new_email": user.email}
    enqueue(kind=EMAIL_CHANGED_OLD_MAIL, recipient=old_email, payload=payload)
    enqueue(kind=EMAIL_CHANGED_NEW_MAIL, recipient=user.email, payload=payload)


def _email_changed_builder(prefix):
    def build(message):
        user = _user(message)
        if user is None:
            return None
        context = {
            "user": user,
            "old_email": message.payload["old_email"],
            "new_email": message.payload["new_email"],
        }
        return build_templated_mail(prefix, context, [message.recipient])

    return build


build_email_changed_old_mail = _email_changed_builder("accounts/email/email_changed_old")
build_email_changed_new_mail = _email_changed_builder("accounts/email/email_changed_new")


def build_password_reset_mail(message):
    """allauth's reset e-mail, rendered when it is sent with a token made then.

    The token is not stored: it is derived from the user's current state (password,
    last login), so one made at sending is as valid as one made at the request — and no
    working reset link sits in the database while the e-mail waits.
    """
    from allauth.account.adapter import get_adapter

    from accounts.adapter import portal_site

    user = _user(message)
    if user is None or not user.is_active:
        return None
    adapter = get_adapter()
    key = f"{user_pk_to_url_str(user)}-{default_token_generator.make_token(user)}"
    context = {
        "user": user,
        "email": message.recipient,
        "password_reset_url": adapter.get_reset_password_from_key_url(key),
        "current_site": portal_site(),
    }
    return adapter.render_mail("account/email/password_reset_key", message.recipient, context)


def register_mails() -> None:
    register(INVITATION_MAIL, build_invitation_mail)
    register(EMAIL_CHANGED_OLD_MAIL, build_email_changed_old_mail)
    register(EMAIL_CHANGED_NEW_MAIL, build_email_changed_new_mail)
    register(PASSWORD_RESET_MAIL, build_password_reset_mail)
