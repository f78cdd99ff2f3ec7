"""Reading and writing a user's choices (the settings page and the unsubscribe link)."""

from django.db import transaction

from notifications.kinds import DEFAULTS, Frequency, Kind
from notifications.models import (
    Channel,
    Notice,
    NotificationProfile,
    NotificationSetting,
    frequencies_for,
)
from notifications.tokens import DIGEST


def current(user) -> dict[str, str]:
    return frequencies_for([user.pk])[user.pk]


def language_of(user, default="da") -> str:
    profile = NotificationProfile.objects.filter(user=user).first()
    return profile.language if profile else default


def _forget_waiting(user, kinds):
    # What waits for the digest of a kind now switched off is not sent either.
    Notice.objects.filter(
        user=user, kind__in=list(kinds), channel=Channel.DIGEST, digest__isnull=True
    ).delete()


@transaction.atomic
def save(user, frequencies: dict[str, str], *, language: str) -> None:
    """Stores the choices that differ from the default (the rest follow the default)."""
    for kind in Kind:
        chosen = frequencies[kind.value]
        if chosen == DEFAULTS[kind]:
            NotificationSetting.objects.filter(user=user, kind=kind.value).delete()
        else:
            NotificationSetting.objects.update_or_create(
                user=user, kind=kind.value, defaults={"frequency": chosen}
            )
    _forget_waiting(user, [k for k, f in frequencies.items() if f == Frequency.OFF])
    NotificationProfile.objects.update_or_create(user=user, defaults={"language": language})


def switch_off(user, kind: str) -> list[str]:
    """One kind off, or with ``DIGEST`` every kind now sent in the digest; returns the kinds."""
    if kind == DIGEST:
        kinds = [k for k, f in current(user).items() if f == Frequency.DIGEST]
    else:
        kinds = [kind]
    for name in kinds:
        NotificationSetting.objects.update_or_create(
            user=user, kind=name, defaults={"frequency": Frequency.OFF}
        )
    _forget_waiting(user, kinds)
    return kinds
