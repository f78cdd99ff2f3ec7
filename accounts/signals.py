"""Keeps allauth's records in step with the user model."""

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from django.db.models.signals import post_save
from django.dispatch import receiver

from accounts.models import User
from accounts.services import sync_email_address


@receiver(post_save, sender=User, dispatch_uid="accounts.sync_email_address")
def _sync_email_address(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and "email" not in update_fields):
        return
    sync_email_address(instance)


@receiver(authenticator_added, dispatch_uid="accounts.totp_activation_is_a_second_factor")
def _totp_activation_is_a_second_factor(sender, request, user, authenticator, **kwargs):
    # Activating TOTP means typing a valid code in this session: that session has passed the
    # second factor, so a newly set-up administrator need not log in again to continue, and
    # may see the recovery codes that allauth shows right after.
    if authenticator.type == Authenticator.Type.TOTP and request is not None:
        record_authentication(
            request,
            user,
            "mfa",
            id=authenticator.pk,
            type=authenticator.type,
            reauthenticated=True,
        )
        # allauth sends this signal on commit, which may come after the response has
        # stored the session.
        request.session.save()
