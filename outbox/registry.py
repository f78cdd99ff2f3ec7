"""How each kind of e-mail is built from its payload when it is sent.

An app registers its kinds in `AppConfig.ready()`:

    register("councils.agenda_published", build_agenda_mail)

`build(message)` gets the `outbox.models.Message` (its `payload`, `recipient`) and returns
an `EmailMessage` — or `None` when there is nothing to send any more (the meeting was
cancelled, the member already has this version). It runs inside the sending transaction,
under the row's language, so it may also record what was sent; if sending fails, that
record is rolled back with it.
"""

from collections.abc import Callable

from django.core.mail import EmailMessage

Builder = Callable[..., EmailMessage | None]

_BUILDERS: dict[str, Builder] = {}


class UnknownKind(LookupError):
    pass


def register(kind: str, build: Builder) -> None:
    if kind in _BUILDERS and _BUILDERS[kind] is not build:
        raise ValueError(f"Outbox kind {kind!r} is already registered.")
    _BUILDERS[kind] = build


def builder(kind: str) -> Builder:
    try:
        return _BUILDERS[kind]
    except KeyError:
        raise UnknownKind(kind) from None


def kinds() -> list[str]:
    return sorted(_BUILDERS)
