from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.db import transaction
from django.urls import reverse

from portal.email import absolute_url, send_templated_mail


def invitation_link(user) -> str:
    path = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(user),
            "key": default_token_generator.make_token(user),
        },
    )
    return absolute_url(path)


def invite_user(*, user) -> None:
    """E-mails an appointed user a link where they choose their own password."""
    send_templated_mail(
        "accounts/email/invitation",
        {"user": user, "link": invitation_link(user)},
        [user.email],
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
    change nobody asked for is noticed. Sent after the change is committed."""
    context = {"user": user, "old_email": old_email, "new_email": user.email}

    def send():
        send_templated_mail("accounts/email/email_changed_old", context, [old_email])
        send_templated_mail("accounts/email/email_changed_new", context, [user.email])

    transaction.on_commit(send)
