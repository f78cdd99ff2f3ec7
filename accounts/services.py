from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
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
