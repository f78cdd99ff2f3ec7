import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connections, models, router
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.attachments import AttachmentBase, RandomUploadPath, attachment_file_field
from core.deletion import ProtectWhen
from core.rows import convert_value, rows
from organisation.models import Administration, RepresentedOrganisation, Unit

COMMENT_MAX_LENGTH = 5000
COMMENT_EDIT_WINDOW = timedelta(minutes=15)


def _is_admin(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_administrator)


class CouncilKind(models.TextChoices):
    USER_COUNCIL = "brugerraad", _("Brugerråd")
    RELATIVES_COUNCIL = "paaroerenderaad", _("Pårørenderåd")
    CENTRE_COUNCIL = "centerraad", _("Centerråd")
    DISABILITY_COUNCIL = "handicapraad", _("Handicapråd")
    USER_COMMITTEE = "brugerudvalg", _("Brugerudvalg")


class SeatType(models.TextChoices):
    USER = "user", _("Brugerrepræsentant")
    RELATIVE = "relative", _("Pårørenderepræsentant")
    STAFF = "staff", _("Medarbejderrepræsentant")
    POLITICIAN = "politician", _("Politiker")
    SECRETARY = "secretary", _("Sekretær (brugerombud)")
    UNIT_LEADER = "unit_leader", _("Enhedsleder")


# Seats that speak for the users; seed 004 §14: they must not be a minority.
USER_SIDE_SEATS = frozenset({SeatType.USER, SeatType.RELATIVE})


@dataclass(frozen=True)
class Rights:
    vote: bool
    speak_and_propose: bool
    must_attend: bool


# Used when a council has no seat rule for a seat type that someone holds.
DEFAULT_RIGHTS = {
    SeatType.USER: Rights(True, True, False),
    SeatType.RELATIVE: Rights(True, True, False),
    SeatType.STAFF: Rights(True, True, False),
    SeatType.POLITICIAN: Rights(True, True, False),
    SeatType.SECRETARY: Rights(False, True, True),
    SeatType.UNIT_LEADER: Rights(False, True, True),
}


class CouncilQuerySet(models.QuerySet):
    def visible_to(self, user):
        # A council's existence, mandate and composition are public; its
        # meetings, comments and member names are guarded by the other models.
        return self.all()


class Council(models.Model):
    name = models.CharField(_("navn"), max_length=200, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=CouncilKind.choices)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("enhed"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="councils",
    )
    administration = models.ForeignKey(
        Administration,
        verbose_name=_("forvaltning"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="councils",
        help_text=_("Udfyldes for råd, der hører under hele forvaltningen i stedet for en enhed."),
    )
    summary = models.TextField(
        _("kort fortalt"),
        help_text=_("Et kort resumé i et let sprog. Vises først på rådets side."),
    )
    mandate = models.TextField(
        _("kommissorium"), blank=True, help_text=_("Rådets opgaver og rammer (markdown).")
    )
    term_start = models.DateField(_("valgperiode fra"), null=True, blank=True)
    term_end = models.DateField(_("valgperiode til"), null=True, blank=True)
    quorum = models.PositiveSmallIntegerField(
        _("beslutningsdygtig med"),
        null=True,
        blank=True,
        help_text=_(
            "Det mindste antal stemmeberettigede, der skal være til stede. Tomt: mere end "
            "halvdelen af de stemmeberettigede pladser efter pladsreglerne."
        ),
    )
    meetings_public = models.BooleanField(
        _("møderne er offentlige"),
        default=False,
        help_text=_(
            "Offentlige møder: alle kan se dagsordener, bilag og referater. "
            "Ellers kun rådets medlemmer."
        ),
    )

    objects = CouncilQuerySet.as_manager()

    class Meta:
        verbose_name = _("råd")
        verbose_name_plural = _("råd")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("councils:detail", args=[self.pk])

    def clean(self):
        if self.unit_id is None and self.administration_id is None:
            raise ValidationError(_("Vælg den enhed eller forvaltning, rådet hører under."))
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError(_("Valgperioden slutter, før den begynder."))

    @property
    def owner(self):
        return self.unit or self.administration

    def in_term(self, day) -> bool:
        if self.term_start and day < self.term_start:
            return False
        return not (self.term_end and day > self.term_end)


class SeatRule(models.Model):
    """How many seats of one type a council must have, and what rights they carry."""

    council = models.ForeignKey(
        Council, verbose_name=_("råd"), on_delete=models.CASCADE, related_name="seat_rules"
    )
    seat_type = models.CharField(_("pladstype"), max_length=20, choices=SeatType.choices)
    required_count = models.PositiveSmallIntegerField(_("antal pladser"), default=1)
    can_vote = models.BooleanField(_("stemmeret"), default=True)
    can_speak_and_propose = models.BooleanField(_("tale- og forslagsret"), default=True)
    must_attend = models.BooleanField(_("mødepligt"), default=False)

    class Meta:
        verbose_name = _("pladsregel")
        verbose_name_plural = _("pladsregler")
        ordering = ["council", "seat_type"]
        constraints = [
            models.UniqueConstraint(fields=["council", "seat_type"], name="unique_seat_rule")
        ]

    def __str__(self):
        return f"{self.council}: {self.required_count} × {self.get_seat_type_display()}"

    @property
    def rights(self) -> Rights:
        return Rights(self.can_vote, self.can_speak_and_propose, self.must_attend)


class MembershipQuerySet(models.QuerySet):
    def active(self, on=None):
        day = on or timezone.localdate()
        return self.filter(Q(end__isnull=True) | Q(end__gte=day), start__lte=day)

    def regular(self):
        """Seats held in one's own right, not as a substitute (suppleant)."""
        return self.filter(substitute_for__isnull=True)


class Membership(models.Model):
    council = models.ForeignKey(
        Council, verbose_name=_("råd"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bruger"),
        on_delete=models.CASCADE,
        related_name="council_memberships",
    )
    seat_type = models.CharField(_("pladstype"), max_length=20, choices=SeatType.choices)
    organisation = models.ForeignKey(
        RepresentedOrganisation,
        verbose_name=_("repræsenterer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
    )
    description = models.CharField(
        _("beskrivelse"),
        max_length=200,
        blank=True,
        help_text=_("Fx »Politiker fra Socialudvalget« eller »Medarbejder i boligtjenesten«."),
    )
    start = models.DateField(_("fra"), default=timezone.localdate)
    end = models.DateField(_("til"), null=True, blank=True)
    substitute_for = models.ForeignKey(
        "self",
        verbose_name=_("suppleant for"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="substitutes",
    )
    listed_publicly = models.BooleanField(
        _("navnet må vises offentligt"),
        default=False,
        help_text=_("Kun medlemmet selv giver samtykke til, at navnet vises for alle."),
    )

    history = HistoricalRecords()
    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("medlemskab")
        verbose_name_plural = _("medlemskaber")
        ordering = ["council", "seat_type", "user__full_name"]

    def __str__(self):
        return f"{self.user} – {self.council} ({self.get_seat_type_display()})"

    def clean(self):
        if self.end and self.end < self.start:
            raise ValidationError(_("Medlemskabet slutter, før det begynder."))
        if self.substitute_for_id and self.substitute_for.council_id != self.council_id:
            raise ValidationError(_("En suppleant skal være suppleant i samme råd."))
        if self.pk and self._reassigned() and self.in_approved_minutes():
            raise ValidationError(
                _(
                    "Medlemskabet indgår i godkendte referater, så person og råd kan ikke "
                    "ændres. Afslut medlemskabet (udfyld »til«) og opret et nyt."
                )
            )

    def _reassigned(self) -> bool:
        before = Membership.objects.filter(pk=self.pk).values_list("user_id", "council_id").first()
        return before is not None and before != (self.user_id, self.council_id)

    def in_approved_minutes(self) -> bool:
        """Approved minutes record this seat's attendance: whose seat it is stays fixed."""
        return self.attendances.filter(meeting__status=MeetingStatus.MINUTES_APPROVED).exists()

    def is_active(self, on=None) -> bool:
        day = on or timezone.localdate()
        return self.start <= day and (self.end is None or self.end >= day)

    @property
    def is_substitute(self) -> bool:
        return self.substitute_for_id is not None

    def public_label(self) -> str:
        """What someone who may not see names sees instead of the name."""
        label = self.get_seat_type_display()
        if self.organisation_id:
            return f"{label}, {self.organisation.abbreviation or self.organisation.name}"
        return label


def active_seats(user) -> tuple["Membership", ...]:
    """The user's seats today (regular and substitute), read once per user object.

    Every request asks (the header shows the roles; visibility and permissions depend on
    the seats; the meeting page's attendance panel needs the seat itself), so the seats
    are read with one query and kept on the user object, like
    ``organisation.roles.staffed_unit_ids``, in the order of their ids. Here beside Membership, so that the querysets below and ``councils.roles`` both
    import it from the models.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return ()
    cached = getattr(user, "_active_seats", None)
    if cached is None:
        # Every logged-in page asks (the header's roles): all the user's seats in one plain
        # SELECT (a handful, ended ones included), kept if ``Membership.is_active`` today,
        # the same rule as ``MembershipQuerySet.active`` (tested to agree).
        today = timezone.localdate()
        cached = tuple(
            membership
            for membership in rows(Membership, ("user", "=", user.pk), order_by="pk")
            if membership.is_active(today)
        )
        for membership in cached:
            membership.user = user  # the user asking: no join, no second user object
        user._active_seats = cached
    return cached


def council_seats(user) -> dict[int, frozenset[str]]:
    """council id → the seat types the user holds there today (from ``active_seats``)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return {}
    cached = getattr(user, "_council_seats", None)
    if cached is None:
        found: dict[int, set[str]] = {}
        for membership in active_seats(user):
            found.setdefault(membership.council_id, set()).add(membership.seat_type)
        cached = {council_id: frozenset(types) for council_id, types in found.items()}
        user._council_seats = cached
    return cached


def forget_council_seats(user) -> None:
    """Drops the cached seats (after a membership of this user object changed)."""
    for attr in ("_active_seats", "_council_seats", "_portal_roles"):
        if hasattr(user, attr):
            delattr(user, attr)


def member_council_ids(user) -> frozenset[int]:
    return frozenset(council_seats(user))


def secretary_council_ids(user) -> frozenset[int]:
    return frozenset(
        cid for cid, types in council_seats(user).items() if SeatType.SECRETARY in types
    )


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planlagt")
    PUBLISHED = "published", _("Dagsorden offentliggjort")
    HELD = "held", _("Afholdt")
    MINUTES_APPROVED = "minutes_approved", _("Referat godkendt")
    CANCELLED = "cancelled", _("Aflyst")


# A meeting that lies ahead and can still be answered, cancelled or moved.
UPCOMING_STATUSES = (MeetingStatus.PLANNED, MeetingStatus.PUBLISHED)

# Changing one of these moves the meeting: calendars get a higher SEQUENCE.
SCHEDULE_FIELDS = ("starts_at", "ends_at", "location")


AGENDA_VISIBLE_STATUSES = (
    MeetingStatus.PUBLISHED,
    MeetingStatus.HELD,
    MeetingStatus.MINUTES_APPROVED,
)


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user):
        if _is_admin(user):
            return self.all()
        return self.filter(
            Q(council__meetings_public=True) | Q(council_id__in=member_council_ids(user))
        )


class Meeting(models.Model):
    council = models.ForeignKey(
        Council, verbose_name=_("råd"), on_delete=models.CASCADE, related_name="meetings"
    )
    title = models.CharField(
        _("titel"), max_length=200, blank=True, help_text=_("Fx »Ordinært møde« (valgfri).")
    )
    starts_at = models.DateTimeField(_("starter"))
    ends_at = models.DateTimeField(_("slutter"), null=True, blank=True)
    location = models.CharField(_("sted"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    comment_deadline = models.DateTimeField(
        _("frist for kommentarer"),
        null=True,
        blank=True,
        help_text=_("Uden frist kan medlemmerne kommentere, indtil mødet begynder."),
    )
    agenda_published_at = models.DateTimeField(_("dagsorden offentliggjort"), null=True, blank=True)
    minutes = models.TextField(_("referat"), blank=True)
    minutes_approved_at = models.DateTimeField(_("referat godkendt"), null=True, blank=True)
    # iCalendar SEQUENCE (RFC 5545): raised when the meeting moves or is cancelled, so that
    # calendar programs replace the copy they hold.
    sequence = models.PositiveIntegerField(_("kalenderversion"), default=0, editable=False)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["created_at"])
    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("møde")
        verbose_name_plural = _("møder")
        ordering = ["-starts_at"]

    def __str__(self):
        when = timezone.localtime(self.starts_at).strftime("%d.%m.%Y")
        return f"{self.council} – {self.title or _('møde')} {when}"

    def save(self, *args, **kwargs):
        saved, now = getattr(self, "_saved_schedule", None), self._schedule()
        if self.pk and saved and any(saved[name] != now.get(name, saved[name]) for name in saved):
            # Moved (start, end or place): calendars must replace their copy.
            self.sequence += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "sequence"}
        super().save(*args, **kwargs)
        self._saved_schedule = self._schedule()

    def get_absolute_url(self):
        return reverse("councils:meeting_detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("Mødet skal slutte, efter det er begyndt.")
        if self.comment_deadline and self.starts_at and self.comment_deadline > self.starts_at:
            errors["comment_deadline"] = _("Fristen for kommentarer skal ligge før mødet begynder.")
        if errors:
            raise ValidationError(errors)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._saved_schedule = instance._schedule()
        return instance

    def _schedule(self) -> dict:
        # Deferred fields are not in __dict__: only what was loaded is compared.
        return {name: self.__dict__[name] for name in SCHEDULE_FIELDS if name in self.__dict__}

    @property
    def display_title(self):
        return self.title or _("Møde i %(council)s") % {"council": self.council.name}

    @property
    def effective_deadline(self):
        return self.comment_deadline or self.starts_at

    @property
    def agenda_is_published(self) -> bool:
        return self.status in AGENDA_VISIBLE_STATUSES

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    @property
    def agenda_locked(self) -> bool:
        """Approved minutes are the record: the agenda behind them must not change afterwards."""
        return self.status == MeetingStatus.MINUTES_APPROVED

    def comments_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.status == MeetingStatus.PUBLISHED and now < self.effective_deadline


class ItemKind(models.TextChoices):
    ORIENTATION = "orientering", _("Orientering")
    DISCUSSION = "droeftelse", _("Drøftelse")
    DECISION = "beslutning", _("Beslutning")
    HEARING = "hoering", _("Høring")
    BUDGET = "budget", _("Budget")


# Items on which the council gives a statement (udtalelse) that the administration answers.
ADVICE_KINDS = frozenset({ItemKind.HEARING, ItemKind.BUDGET})


class AgendaItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        if _is_admin(user):
            return self.all()
        return self.filter(meeting__in=Meeting.objects.visible_to(user)).filter(
            Q(meeting__status__in=AGENDA_VISIBLE_STATUSES)
            | Q(meeting__council_id__in=secretary_council_ids(user))
        )

    def of_visible_meeting(self, meeting, user):
        """``visible_to(user).filter(meeting=meeting)`` for a ``meeting`` read through
        ``Meeting.objects.visible_to(user)`` in this request: the same rule as above with
        the meeting's part already answered, so the query has no joins or subqueries.
        (``tests/councils/test_meeting_page.py`` checks both give the same items.)"""
        items = self.filter(meeting=meeting)
        if (
            _is_admin(user)
            or meeting.status in AGENDA_VISIBLE_STATUSES
            or meeting.council_id in secretary_council_ids(user)
        ):
            return items
        return items.none()


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("møde"), on_delete=models.CASCADE, related_name="items"
    )
    # Kept as 1…n in agenda order by councils.services (numbers follow the order).
    number = models.PositiveSmallIntegerField(_("nummer"))
    title = models.CharField(_("titel"), max_length=250)
    kind = models.CharField(_("type"), max_length=20, choices=ItemKind.choices)
    body = models.TextField(_("sagsfremstilling"), blank=True, help_text=_("Markdown."))
    recommendation = models.TextField(_("indstilling"), blank=True)
    decision = models.TextField(_("beslutning"), blank=True, help_text=_("Skrives efter mødet."))
    first_put_on = models.DateField(
        _("først forelagt rådet"),
        null=True,
        blank=True,
        help_text=_("Den dag rådet første gang fik sagen. Bruges til at vise rådets tid."),
    )
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("dagsordenspunkt")
        verbose_name_plural = _("dagsordenspunkter")
        ordering = ["meeting", "number", "pk"]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def get_absolute_url(self):
        return f"{self.meeting.get_absolute_url()}#punkt-{self.pk}"

    @property
    def takes_advice(self) -> bool:
        return self.kind in ADVICE_KINDS


# Named here because the migrations refer to it by this name.
attachment_upload_to = RandomUploadPath("councils/bilag")


class AttachmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(item__in=AgendaItem.objects.visible_to(user))


class Attachment(AttachmentBase):
    original_name_field = "filename"

    item = models.ForeignKey(
        AgendaItem, verbose_name=_("punkt"), on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(_("titel"), max_length=200, blank=True)
    file = attachment_file_field(attachment_upload_to)
    filename = models.CharField(_("filnavn"), max_length=255)
    size = models.PositiveBigIntegerField(_("størrelse"), default=0)
    # Who put a bilag on approved minutes stays on record (see Attendance.membership).
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploadet af"),
        on_delete=ProtectWhen(models.SET_NULL, item__meeting__status="minutes_approved"),
        null=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploadet"), auto_now_add=True)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")
        ordering = ["item", "pk"]

    def __str__(self):
        return self.title or self.filename

    def get_absolute_url(self):
        return reverse("councils:attachment_download", args=[self.pk])


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Til stede")
    SENT_APOLOGIES = "apologies", _("Afbud")
    ABSENT = "absent", _("Fraværende uden afbud")


class Attendance(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("møde"), on_delete=models.CASCADE, related_name="attendances"
    )
    # Approved minutes record who attended: deleting the seat (or its user) must not
    # rewrite them. Attendance at a meeting without approved minutes goes with the seat.
    membership = models.ForeignKey(
        Membership,
        verbose_name=_("medlemskab"),
        on_delete=ProtectWhen(models.CASCADE, meeting__status="minutes_approved"),
        related_name="attendances",
    )
    status = models.CharField(_("fremmøde"), max_length=20, choices=AttendanceStatus.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("fremmøde")
        verbose_name_plural = _("fremmøde")
        ordering = ["meeting", "membership__seat_type", "membership__user__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "membership"], name="unique_attendance_per_meeting"
            )
        ]

    def __str__(self):
        return f"{self.membership.user} – {self.get_status_display()}"


class CommentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Comments are for the council's own members (and administrators), never public."""
        items = AgendaItem.objects.visible_to(user)
        if _is_admin(user):
            return self.filter(item__in=items)
        return self.filter(item__in=items, item__meeting__council_id__in=member_council_ids(user))


class Comment(models.Model):
    item = models.ForeignKey(
        AgendaItem, verbose_name=_("punkt"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skrevet af"),
        on_delete=models.PROTECT,
        related_name="council_comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("svar på"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
    )
    # Plain text only: sanitised with core.markdown.plain_text before it is stored.
    text = models.TextField(_("kommentar"), max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField(_("skrevet"), default=timezone.now)
    edited_at = models.DateTimeField(_("rettet"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("skjult"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skjult af"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    hidden_reason = models.CharField(_("begrundelse for at skjule"), max_length=500, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("kommentar")
        verbose_name_plural = _("kommentarer")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.author} om {self.item}"

    def get_absolute_url(self):
        return f"{self.item.meeting.get_absolute_url()}#kommentar-{self.pk}"

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    def in_edit_window(self, now=None) -> bool:
        return (now or timezone.now()) < self.created_at + COMMENT_EDIT_WINDOW


class Statement(models.Model):
    """The council's advice on a høring or budget item (udtalelse)."""

    item = models.OneToOneField(
        AgendaItem, verbose_name=_("punkt"), on_delete=models.CASCADE, related_name="statement"
    )
    text = models.TextField(_("udtalelse"))
    given_on = models.DateField(_("afgivet"), default=timezone.localdate)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=ProtectWhen(models.SET_NULL, item__meeting__status="minutes_approved"),
        null=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("udtalelse")
        verbose_name_plural = _("udtalelser")
        ordering = ["-given_on"]

    def __str__(self):
        return f"{_('Udtalelse')}: {self.item}"


class ResponseOutcome(models.TextChoices):
    FOLLOWED = "followed", _("Fulgt")
    PARTLY_FOLLOWED = "partly", _("Delvist fulgt")
    NOT_FOLLOWED = "not_followed", _("Ikke fulgt")


class Response(models.Model):
    """The administration's answer to a statement: was the council heard?"""

    statement = models.OneToOneField(
        Statement, verbose_name=_("udtalelse"), on_delete=models.CASCADE, related_name="response"
    )
    outcome = models.CharField(_("udfald"), max_length=20, choices=ResponseOutcome.choices)
    reasons = models.TextField(_("begrundelse"))
    answered_on = models.DateField(_("besvaret"), default=timezone.localdate)
    decided_on = models.DateField(
        _("beslutningen blev truffet"),
        null=True,
        blank=True,
        help_text=_("Den dag sagen blev besluttet. Rådets tid regnes fra første forelæggelse."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("svar på udtalelse")
        verbose_name_plural = _("svar på udtalelser")

    def __str__(self):
        return f"{self.get_outcome_display()}: {self.statement.item}"

    @property
    def days_to_answer(self) -> int:
        return (self.answered_on - self.statement.given_on).days

    @property
    def lead_time_days(self) -> int | None:
        first = self.statement.item.first_put_on
        if first is None or self.decided_on is None:
            return None
        return (self.decided_on - first).days


class AgendaNotification(models.Model):
    """One e-mail sent to one member about one version of an agenda (keeps sending idempotent)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("møde")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("modtager"),
    )
    fingerprint = models.CharField(_("dagsordenens version"), max_length=64)
    sent_at = models.DateTimeField(_("sendt"), default=timezone.now)

    class Meta:
        verbose_name = _("udsendt dagsorden")
        verbose_name_plural = _("udsendte dagsordener")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user", "fingerprint"], name="unique_agenda_notification"
            )
        ]

    def __str__(self):
        return f"{self.meeting} → {self.user}"


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in a member's private calendar address; deleting it revokes the address."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="council_calendar_token",
        verbose_name=_("bruger"),
    )
    token = models.CharField(_("nøgle"), max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    class Meta:
        verbose_name = _("kalendernøgle")
        verbose_name_plural = _("kalendernøgler")

    def __str__(self):
        return str(self.user)


class MeetingVisit(models.Model):
    """When a user last opened a meeting's page: what is new since then is marked "Ny".

    Written by the meeting page's GET with one upsert (see ``mark_meeting_opened``); read by
    the meeting page and by the start page's count of new comments.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="meeting_visits",
        verbose_name=_("bruger"),
    )
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="visits", verbose_name=_("møde")
    )
    last_opened_at = models.DateTimeField(_("sidst åbnet"))
    # The opening before the last: what the page opened at ``last_opened_at`` marked as new
    # was new since this. Kept so that one statement both marks and reads (see below).
    previous_opened_at = models.DateTimeField(_("åbnet før det"), null=True, blank=True)

    class Meta:
        verbose_name = _("mødebesøg")
        verbose_name_plural = _("mødebesøg")
        constraints = [
            models.UniqueConstraint(fields=["user", "meeting"], name="councils_meetingvisit_unique")
        ]

    def __str__(self):
        return f"{self.user} – {self.meeting}"


def mark_meeting_opened(user, meeting, when=None):
    """Record that ``user`` opens ``meeting`` now; returns when they opened it before (None
    the first time), which is what the page marks new things against.

    One statement, one round trip, before the page is built: an ``INSERT … ON CONFLICT DO
    UPDATE`` that moves the old mark to ``previous_opened_at`` and ``RETURNING`` it. (Read
    with the meeting as a subquery and written after the page, it cost a correlated
    subquery's compilation on every view; ``bulk_create(update_conflicts=True)`` sent BEGIN
    … COMMIT around it.) A single statement is atomic on its own, two tabs at once included.
    PostgreSQL and SQLite (≥ 3.35) both read this syntax.
    """
    connection = connections[router.db_for_write(MeetingVisit)]
    quote = connection.ops.quote_name
    meta = MeetingVisit._meta
    table = quote(meta.db_table)
    user_column, meeting_column, at_column, previous_column = (
        quote(meta.get_field(name).column)
        for name in ("user", "meeting", "last_opened_at", "previous_opened_at")
    )
    at = connection.ops.adapt_datetimefield_value(when or timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(
            # Table and column names from the model, quoted; every value a parameter.
            f"INSERT INTO {table} ({user_column}, {meeting_column}, {at_column}) "  # noqa: S608
            f"VALUES (%s, %s, %s) ON CONFLICT ({user_column}, {meeting_column}) "
            f"DO UPDATE SET {previous_column} = {table}.{at_column}, "
            f"{at_column} = EXCLUDED.{at_column} RETURNING {previous_column}",
            [user.pk, meeting.pk, at],
        )
        (previous,) = cursor.fetchone()
    # The backend's own conversion, as the ORM applies it (SQLite returns text).
    return convert_value(connection, meta.get_field("previous_opened_at"), previous)


def last_opened_subquery(user, meeting_ref="pk"):
    """The user's last opening of the outer meeting, for ``annotate``."""
    return models.Subquery(
        MeetingVisit.objects.filter(user=user, meeting=models.OuterRef(meeting_ref)).values(
            "last_opened_at"
        )[:1]
    )
