"""Involvement policies, the involvement ladder, and each unit's yearly goals.

A Policy is the document's identity; its text lives in PolicyVersions. A version
is edited as a draft, then adopted (and frozen); changing an adopted policy
starts a new draft version. Adopting a version archives the one it replaces.

Visibility (decided here, used by every view, list and export):
- policy versions: the public sees adopted and archived versions (archived
  versions were adopted once and stay public as the version history);
  drafts are for administrators only;
- goals and their updates and attachments: administrators and every logged-in
  user who holds a role in the portal (caseworker, council member, secretary…)
  read all goals; everybody else, the public included, reads a goal when its
  policy version has been adopted, i.e. is adopted now or archived after
  adoption. Goals set under a draft policy version are internal.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.attachments import AttachmentBase, RandomUploadPath, attachment_file_field
from organisation.models import Committee, FocusArea, Unit
from policies.rules import is_administrator, reads_all_goals

MIN_YEAR = 2000
MAX_YEAR = 2100


class InvolvementLevel(models.TextChoices):
    """The involvement ladder of seed 001, from the most user power to the least."""

    CONTROL = "control", _("Brugerstyring")
    INFLUENCE = "influence", _("Brugerindflydelse")
    INVOLVEMENT = "involvement", _("Brugerinddragelse")
    PARTICIPATION = "participation", _("Brugerdeltagelse")

    @property
    def definition(self):
        return LEVEL_DEFINITIONS[self.value]


# The definitions are seed 001's own words ("På hvilken måde kan brugerne inddrages?").
LEVEL_DEFINITIONS = {
    InvolvementLevel.CONTROL: _(
        "Brugerne udgør det ledende niveau, selv formulerer værdier og udstikker rammer."
    ),
    InvolvementLevel.INFLUENCE: _(
        "Brugerne har selvstændig kompetence f.eks. i forhold til kvalitetsudviklingen "
        "af mål og forløb."
    ),
    InvolvementLevel.INVOLVEMENT: _(
        "Brugerne er involveret i andet og mere end blot at give oplysninger – det kan "
        "f.eks. være at finde frem til problemstillinger, prioritere temaer, udvikle ideer "
        "og løsninger eller evaluere indsatsen."
    ),
    InvolvementLevel.PARTICIPATION: _(
        "Brugerdeltagelse i det daglige sociale liv, hvor brugerne bliver hørt og optræder "
        "som informanter i forhold til det offentlige."
    ),
}


def ladder():
    """The levels with their definitions, top of the ladder first."""
    return [(level, LEVEL_DEFINITIONS[level]) for level in InvolvementLevel]


class Policy(models.Model):
    """The identity of a policy document across its versions."""

    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    class Meta:
        verbose_name = _("politik")
        verbose_name_plural = _("politikker")
        ordering = ["pk"]

    def __str__(self):
        version = self.versions.order_by("-number").first()
        return version.title if version else f"#{self.pk}"

    def get_absolute_url(self):
        return reverse("policies:policy_detail", args=[self.pk])


class PolicyVersionQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status__in=PolicyVersion.PUBLIC_STATUSES)

    def visible_to(self, user):
        if is_administrator(user):
            return self.all()
        return self.public()


class PolicyVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        ADOPTED = "adopted", _("Vedtaget")
        ARCHIVED = "archived", _("Arkiveret")

    class AdoptingBody(models.TextChoices):
        CITY_COUNCIL = "city_council", _("Byrådet")
        COMMITTEE = "committee", _("Et udvalg")

    PUBLIC_STATUSES = (Status.ADOPTED, Status.ARCHIVED)
    # The sections of seed 001, in its order: (field name, heading).
    SECTIONS = [
        ("why", _("Hvorfor brugerinddragelse?")),
        ("purpose", _("Formål")),
        ("vision", _("Vision")),
        ("unit_duties", _("Den enkelte enheds forpligtelser")),
        ("user_rights", _("Brugerens rettigheder og pligter")),
        ("in_practice", _("Brugerinddragelse i praksis")),
    ]

    policy = models.ForeignKey(
        Policy, verbose_name=_("politik"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("versionsnummer"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    title = models.CharField(_("titel"), max_length=300)
    summary = models.TextField(
        _("kort beskrivelse"),
        blank=True,
        help_text=_("Et par linjer i almindeligt sprog om, hvad politikken handler om."),
    )
    why = models.TextField(_("Hvorfor brugerinddragelse?"), blank=True)
    purpose = models.TextField(_("Formål"), blank=True)
    vision = models.TextField(_("Vision"), blank=True)
    unit_duties = models.TextField(_("Den enkelte enheds forpligtelser"), blank=True)
    user_rights = models.TextField(_("Brugerens rettigheder og pligter"), blank=True)
    in_practice = models.TextField(_("Brugerinddragelse i praksis"), blank=True)
    change_note = models.TextField(
        _("hvad er ændret"),
        blank=True,
        help_text=_("Hvad denne version ændrer i forhold til den forrige."),
    )
    adopting_body = models.CharField(
        _("vedtaget af"), max_length=20, choices=AdoptingBody.choices, blank=True
    )
    committee = models.ForeignKey(
        Committee,
        verbose_name=_("udvalg"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="policy_versions",
    )
    adopted_on = models.DateField(_("vedtaget den"), null=True, blank=True)
    archived_on = models.DateField(_("arkiveret den"), null=True, blank=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("senest ændret"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at", "created_at"])
    objects = PolicyVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("politikversion")
        verbose_name_plural = _("politikversioner")
        ordering = ["policy", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["policy", "number"], name="unique_policy_version"),
            models.UniqueConstraint(
                fields=["policy"],
                condition=Q(status="adopted"),
                name="one_adopted_version_per_policy",
            ),
            models.UniqueConstraint(
                fields=["policy"],
                condition=Q(status="draft"),
                name="one_draft_version_per_policy",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "adopted", "archived"]),
                name="policy_version_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(adopted_on__isnull=False),
                name="policy_version_adopted_has_date",
            ),
        ]

    def __str__(self):
        return _("%(title)s (version %(number)s)") % {"title": self.title, "number": self.number}

    def get_absolute_url(self):
        return reverse("policies:version_detail", args=[self.pk])

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    @property
    def is_adopted(self):
        return self.status == self.Status.ADOPTED

    @property
    def is_public(self):
        return self.status in self.PUBLIC_STATUSES

    @property
    def adopted_by_label(self):
        if self.adopting_body == self.AdoptingBody.COMMITTEE and self.committee_id:
            return str(self.committee)
        if self.adopting_body == self.AdoptingBody.CITY_COUNCIL:
            return self.get_adopting_body_display()
        return ""

    def sections(self):
        """(heading, text) of every section, in the policy's order."""
        return [(heading, getattr(self, name)) for name, heading in self.SECTIONS]

    def clean(self):
        if self.adopting_body == self.AdoptingBody.COMMITTEE and not self.committee_id:
            raise ValidationError({"committee": _("Vælg det udvalg, der har vedtaget politikken.")})
        if self.adopting_body == self.AdoptingBody.CITY_COUNCIL and self.committee_id:
            raise ValidationError(
                {"committee": _("Vælg enten byrådet eller et udvalg – ikke begge.")}
            )


class GoalStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Ikke startet")
    IN_PROGRESS = "in_progress", _("I gang")
    MET = "met", _("Opfyldt")
    NOT_MET = "not_met", _("Ikke opfyldt")


class UnitGoalQuerySet(models.QuerySet):
    def public(self):
        return self.filter(policy__status__in=PolicyVersion.PUBLIC_STATUSES)

    def visible_to(self, user):
        if reads_all_goals(user):
            return self.all()
        return self.public()

    def for_display(self):
        return self.select_related("unit", "focus_area", "policy")


def year_validators():
    message = _("Året skal ligge mellem 2000 og 2100.")
    return [MinValueValidator(MIN_YEAR, message), MaxValueValidator(MAX_YEAR, message)]


class UnitGoal(models.Model):
    """One of a unit's yearly goals for user involvement (seed 001: "mål og resultatkrav")."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("enhed"), on_delete=models.PROTECT, related_name="goals"
    )
    year = models.PositiveSmallIntegerField(_("år"), validators=year_validators())
    policy = models.ForeignKey(
        PolicyVersion, verbose_name=_("politik"), on_delete=models.PROTECT, related_name="goals"
    )
    focus_area = models.ForeignKey(
        FocusArea, verbose_name=_("fokusområde"), on_delete=models.PROTECT, related_name="goals"
    )
    title = models.CharField(_("mål"), max_length=200, help_text=_("En kort overskrift."))
    involved_in = models.TextField(_("hvad brugerne inddrages i"))
    organisation = models.TextField(_("hvordan det organiseres"))
    level = models.CharField(
        _("trin på inddragelsestrappen"), max_length=20, choices=InvolvementLevel.choices
    )
    primary_users = models.TextField(
        _("primære brugere"), help_text=_("Fx beboerne på tilbuddet eller brugerne af tilbuddet.")
    )
    secondary_users = models.TextField(
        _("sekundære brugere"),
        blank=True,
        help_text=_("Fx pårørende, værger eller forældremyndighedsindehavere."),
    )
    indicator = models.TextField(_("indikator"), help_text=_("Hvordan I måler, om målet er nået."))
    target = models.TextField(_("resultatkrav"), help_text=_("Hvad indikatoren skal vise."))
    deadline = models.DateField(_("frist"))
    status = models.CharField(
        _("status"), max_length=20, choices=GoalStatus.choices, default=GoalStatus.NOT_STARTED
    )
    # Optimistic locking: raised by one on every save through the portal.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("senest ændret"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at", "created_at"])
    objects = UnitGoalQuerySet.as_manager()

    class Meta:
        verbose_name = _("enhedsmål")
        verbose_name_plural = _("enhedsmål")
        ordering = ["-year", "unit__name", "focus_area__number", "title"]
        indexes = [models.Index(fields=["year", "focus_area", "unit"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=MIN_YEAR) & Q(year__lte=MAX_YEAR),
                name="unit_goal_year_in_range",
            ),
            models.CheckConstraint(
                condition=Q(level__in=InvolvementLevel.values), name="unit_goal_level_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=GoalStatus.values), name="unit_goal_status_valid"
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.unit}, {self.year})"

    def get_absolute_url(self):
        return reverse("policies:goal_detail", args=[self.pk])

    @property
    def level_definition(self):
        return LEVEL_DEFINITIONS.get(self.level, "")

    def clean(self):
        year_ok = self.year is not None and MIN_YEAR <= self.year <= MAX_YEAR
        if year_ok and self.deadline and self.deadline.year < self.year:
            raise ValidationError(
                {
                    "deadline": _(
                        "Fristen (%(deadline)s) ligger før målets år %(year)s. "
                        "Vælg en dato i %(year)s eller senere."
                    )
                    % {"deadline": self.deadline.strftime("%d.%m.%Y"), "year": self.year}
                }
            )


class GoalUpdateQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(goal__in=UnitGoal.objects.visible_to(user))


class UpdateChannel(models.TextChoices):
    """How users took part in what an update documents."""

    USER_COUNCIL = "user_council", _("Brugerråd")
    RELATIVES_COUNCIL = "relatives_council", _("Pårørenderåd")
    SURVEY = "survey", _("Brugerundersøgelse")
    DIALOGUE_MEETING = "dialogue_meeting", _("Dialogmøde")
    RESIDENTS_MEETING = "residents_meeting", _("Beboermøde / husmøde")
    INTERVIEW = "interview", _("Samtaler med brugere")
    OTHER = "other", _("Andet")


class GoalUpdate(models.Model):
    """A dated entry documenting the dialogue with users ("i dialog med brugerne og dokumenteres")."""

    Channel = UpdateChannel

    goal = models.ForeignKey(
        UnitGoal, verbose_name=_("mål"), on_delete=models.CASCADE, related_name="updates"
    )
    date = models.DateField(_("dato"))
    channel = models.CharField(
        _("hvordan brugerne var med"), max_length=30, choices=Channel.choices
    )
    participants = models.CharField(
        _("hvem deltog"),
        max_length=300,
        blank=True,
        help_text=_("Fx »brugerrådet og to pårørende« – skriv ikke navne på enkelte brugere."),
    )
    what_was_done = models.TextField(_("hvad blev gjort"))
    what_changed = models.TextField(
        _("hvad det førte til"),
        blank=True,
        help_text=_("Hvad blev ændret eller besluttet på baggrund af brugernes bidrag?"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skrevet af"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("senest ændret"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at", "created_at"])
    objects = GoalUpdateQuerySet.as_manager()

    class Meta:
        verbose_name = _("opfølgning")
        verbose_name_plural = _("opfølgninger")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(channel__in=UpdateChannel.values),
                name="goal_update_channel_valid",
            ),
        ]

    def __str__(self):
        return _("Opfølgning %(date)s: %(goal)s") % {
            "date": self.date.strftime("%d.%m.%Y"),
            "goal": self.goal.title,
        }

    def get_absolute_url(self):
        return reverse("policies:update_detail", args=[self.pk])


# Named here because the migrations refer to it by this name.
attachment_path = RandomUploadPath("policies/updates")


class GoalUpdateAttachmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(update__goal__in=UnitGoal.objects.visible_to(user))


class GoalUpdateAttachment(AttachmentBase):
    update = models.ForeignKey(
        GoalUpdate,
        verbose_name=_("opfølgning"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = attachment_file_field(attachment_path, max_length=300)
    original_name = models.CharField(_("filnavn"), max_length=255)
    size = models.PositiveBigIntegerField(_("størrelse"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploadet af"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploadet"), auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["created_at"])
    objects = GoalUpdateAttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")
        ordering = ["original_name", "pk"]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("policies:attachment_download", args=[self.pk])
