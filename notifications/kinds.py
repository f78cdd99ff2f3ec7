"""The kinds of notification a member can set, their delivery choices and the defaults.

The defaults (documented in docs/NOTIFICATIONS.md) keep what was sent before the settings
existed — the agenda e-mail at once — and send at once what needs acting on soon (a moved or
cancelled meeting, a comment deadline in two days); the rest is collected in the daily digest.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    AGENDA_PUBLISHED = "agenda_published", _("Dagsorden offentliggjort")
    COMMENT_DEADLINE = "comment_deadline", _("Frist for kommentarer om 2 dage")
    NEW_COMMENTS = "new_comments", _("Nye kommentarer på punkter, du har kommenteret")
    RESPONSE = "response", _("Forvaltningen har svaret på rådets udtalelse")
    MINUTES_APPROVED = "minutes_approved", _("Referat godkendt")
    MEETING_CHANGED = "meeting_changed", _("Møde flyttet eller aflyst")


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Med det samme")
    DIGEST = "digest", _("I den daglige oversigt")
    OFF = "off", _("Slået fra")


DEFAULTS = {
    Kind.AGENDA_PUBLISHED: Frequency.IMMEDIATELY,
    Kind.COMMENT_DEADLINE: Frequency.IMMEDIATELY,
    Kind.NEW_COMMENTS: Frequency.DIGEST,
    Kind.RESPONSE: Frequency.DIGEST,
    Kind.MINUTES_APPROVED: Frequency.DIGEST,
    Kind.MEETING_CHANGED: Frequency.IMMEDIATELY,
}

HELP = {
    Kind.AGENDA_PUBLISHED: _("Når sekretæren offentliggør eller opdaterer en dagsorden."),
    Kind.COMMENT_DEADLINE: _(
        "To dage før fristen, hvis du endnu ikke har kommenteret nogen punkter på mødet."
    ),
    Kind.NEW_COMMENTS: _("Når andre skriver på et punkt, du selv har kommenteret."),
    Kind.RESPONSE: _("Når forvaltningen svarer på en udtalelse fra dit råd."),
    Kind.MINUTES_APPROVED: _("Når referatet af et møde i dit råd er godkendt."),
    Kind.MEETING_CHANGED: _(
        "Når et møde får nyt tidspunkt eller sted eller bliver aflyst. "
        "E-mailen har en opdateret kalenderfil med."
    ),
}
