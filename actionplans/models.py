from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.rules import is_administrator
from actionplans.letters import letter_to_number
from core.deletion import ProtectWhen
from organisation.models import Administration, Committee, FocusArea, Unit
from organisation.rules import is_caseworker

case_number_validator = RegexValidator(
    r"^\d{4}-\d{1,10}$",
    _("Sagsnummeret skal have formen årstal-løbenummer, fx 2009-93482."),
)


class Recommender(models.Model):
    """A role that recommends a plan to the committee (indstiller), e.g. Socialdirektøren.

    Roles, not people's names: the plan outlives whoever holds the post.
    """

    title = models.CharField(_("titel"), max_length=120, unique=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    class Meta:
        verbose_name = _("indstiller")
        verbose_name_plural = _("indstillere")
        ordering = ["order", "title"]

    def __str__(self):
        return self.title


class ActionPlanQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Approved plans are public; staff also read plans put before the committee.

        Drafts are the administration's working papers: administrators only.
        Submitted, returned and rejected plans have been (or are being) handled by
        the committee, so the municipality's staff (administrators and caseworkers)
        may read them; citizens and council members see a plan once it is approved.
        """
        if is_administrator(user):
            return self.all()
        if is_caseworker(user):
            return self.filter(status__in=ActionPlan.Status.staff_readable())
        return self.filter(status=ActionPlan.Status.APPROVED)


class ActionPlan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        SUBMITTED = "submitted", _("Indstillet til udvalget")
        APPROVED = "approved", _("Godkendt")
        REJECTED = "rejected", _("Forkastet")
        RETURNED = "returned", _("Sendt tilbage til forvaltningen")

        @classmethod
        def decided(cls):
            return [cls.APPROVED, cls.REJECTED, cls.RETURNED]

        @classmethod
        def staff_readable(cls):
            return [cls.SUBMITTED, cls.APPROVED, cls.REJECTED, cls.RETURNED]

    title = models.CharField(_("titel"), max_length=300)
    case_number = models.CharField(
        _("sagsnummer"),
        max_length=20,
        validators=[case_number_validator],
        help_text=_("Fx 2009-93482."),
    )
    committee = models.ForeignKey(
        Committee, verbose_name=_("udvalg"), on_delete=models.PROTECT, related_name="action_plans"
    )
    administration = models.ForeignKey(
        Administration,
        verbose_name=_("forvaltning"),
        on_delete=models.PROTECT,
        related_name="action_plans",
    )
    related_plan = models.CharField(
        _("udmønter politik eller plan"),
        max_length=200,
        blank=True,
        help_text=_("Fx Handicapplanen."),
    )
    recommenders = models.ManyToManyField(
        Recommender, verbose_name=_("indstillere"), blank=True, related_name="action_plans"
    )
    problem = models.TextField(_("problemstilling"), blank=True)
    solution = models.TextField(_("løsning"), blank=True)
    effect = models.TextField(_("effekt"), blank=True)
    economy = models.TextField(_("økonomi"), blank=True)
    next_steps = models.TextField(_("videre proces"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    decision_date = models.DateField(_("beslutningsdato"), null=True, blank=True)
    decision_text = models.TextField(_("beslutning"), blank=True)
    # The highest letter number ever given to an initiative, so a removed
    # initiative's letter is never handed out again.
    last_letter_number = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["created_at", "updated_at", "last_letter_number"])
    objects = ActionPlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("handleplan")
        verbose_name_plural = _("handleplaner")
        # Plans awaiting a decision first, then the most recently decided.
        ordering = [models.F("decision_date").desc(nulls_first=True), "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(decision_date__isnull=True)
                | Q(status__in=["approved", "rejected", "returned"]),
                name="actionplan_decision_date_only_when_decided",
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.case_number})"

    def get_absolute_url(self):
        return reverse("actionplans:plan_detail", kwargs={"pk": self.pk})

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    @property
    def is_decided(self):
        return self.status in self.Status.decided()

    @property
    def sections(self):
        return [
            (_("Problemstilling"), self.problem),
            (_("Løsning"), self.solution),
            (_("Effekt"), self.effect),
            (_("Økonomi"), self.economy),
            (_("Videre proces"), self.next_steps),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.decision_date and not self.is_decided:
            errors["decision_date"] = _(
                "Planen er ikke behandlet af udvalget endnu (status: %(status)s), så den kan ikke "
                "have en beslutningsdato. Registrér udvalgets beslutning, når planen er indstillet."
            ) % {"status": self.get_status_display().lower()}
        if self.is_decided and not self.decision_date:
            errors["decision_date"] = _("Angiv datoen for udvalgets beslutning.")
        if self.decision_date and self.decision_date > timezone.localdate():
            errors["decision_date"] = _("Beslutningsdatoen kan ikke ligge i fremtiden.")
        if errors:
            raise ValidationError(errors)


class StatusChange(models.Model):
    """One step of a plan's way through the committee, kept so no decision is lost."""

    plan = models.ForeignKey(
        ActionPlan,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("handleplan"),
    )
    from_status = models.CharField(
        _("fra status"), max_length=20, choices=ActionPlan.Status.choices
    )
    to_status = models.CharField(_("til status"), max_length=20, choices=ActionPlan.Status.choices)
    decision_date = models.DateField(_("beslutningsdato"), null=True, blank=True)
    decision_text = models.TextField(_("beslutning"), blank=True)
    # Who recorded a committee decision stays on record; other steps lose the name.
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ændret af"),
        on_delete=ProtectWhen(models.SET_NULL, to_status__in=["approved", "rejected", "returned"]),
        null=True,
        blank=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("tidspunkt"), default=timezone.now)

    class Meta:
        verbose_name = _("statusændring")
        verbose_name_plural = _("statusændringer")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.plan_id}: {self.from_status} → {self.to_status}"


class InitiativeQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(plan__in=ActionPlan.objects.visible_to(user))


class Initiative(models.Model):
    class Funding(models.TextChoices):
        WITHIN_BUDGET = "within_budget", _("Inden for eksisterende ramme")
        APPROPRIATION = "appropriation", _("Kræver bevilling")
        EXTERNAL = "external", _("Ekstern finansiering")

    class Recurrence(models.TextChoices):
        YEARLY = "yearly", _("Årligt")
        ONE_OFF = "one_off", _("Engangsudgift")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planlagt")
        IN_PROGRESS = "in_progress", _("I gang")
        COMPLETED = "completed", _("Gennemført")
        ABANDONED = "abandoned", _("Opgivet")

    plan = models.ForeignKey(
        ActionPlan,
        verbose_name=_("handleplan"),
        on_delete=models.CASCADE,
        related_name="initiatives",
    )
    letter = models.CharField(_("bogstav"), max_length=3)
    # The letter as a number (A=1, Z=26, AA=27), so AA sorts after Z.
    number = models.PositiveIntegerField(editable=False)
    title = models.CharField(_("titel"), max_length=300)
    description = models.TextField(_("beskrivelse"), blank=True)
    focus_area = models.ForeignKey(
        FocusArea,
        verbose_name=_("fokusområde"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatives",
    )
    responsible_unit = models.ForeignKey(
        Unit,
        verbose_name=_("ansvarlig enhed"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatives",
    )
    funding = models.CharField(
        _("finansiering"), max_length=20, choices=Funding.choices, default=Funding.WITHIN_BUDGET
    )
    fund_name = models.CharField(
        _("fond eller ekstern kilde"),
        max_length=200,
        blank=True,
        help_text=_("Skal udfyldes ved ekstern finansiering, fx ABT-fonden."),
    )
    cost = models.DecimalField(
        _("udgift (kr.)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    recurrence = models.CharField(
        _("udgiftens art"), max_length=10, choices=Recurrence.choices, default=Recurrence.YEARLY
    )
    budget_year = models.PositiveSmallIntegerField(
        _("budgetår"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    unit_goals = models.ManyToManyField(
        "policies.UnitGoal",
        verbose_name=_("enhedsmål"),
        blank=True,
        related_name="initiatives",
        help_text=_("De enhedsmål for brugerinddragelse, som initiativet understøtter."),
    )
    agenda_items = models.ManyToManyField(
        "councils.AgendaItem",
        verbose_name=_("dagsordenspunkter"),
        blank=True,
        related_name="initiatives",
        help_text=_("Punkter på et råds dagsorden, hvor rådet blev hørt om initiativet."),
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["created_at", "updated_at", "number"])
    objects = InitiativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("initiativ")
        verbose_name_plural = _("initiativer")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "letter"], name="unique_initiative_letter"),
            models.CheckConstraint(
                condition=Q(cost__isnull=True) | Q(cost__gte=0),
                name="initiative_cost_not_negative",
            ),
        ]

    def __str__(self):
        return f"{self.letter}. {self.title}"

    def save(self, *args, **kwargs):
        self.number = letter_to_number(self.letter)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "actionplans:initiative_detail", kwargs={"pk": self.plan_id, "letter": self.letter}
        )

    def clean(self):
        super().clean()
        if self.funding == self.Funding.EXTERNAL and not self.fund_name.strip():
            raise ValidationError(
                {
                    "fund_name": _(
                        "Angiv fonden eller den eksterne kilde, der skal finansiere initiativet."
                    )
                }
            )
        if self.funding != self.Funding.EXTERNAL and self.fund_name.strip():
            raise ValidationError(
                {
                    "fund_name": _(
                        "Fonden angives kun ved ekstern finansiering. Vælg »Ekstern finansiering« "
                        "eller tøm feltet."
                    )
                }
            )


class InitiativeUpdateQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(initiative__plan__in=ActionPlan.objects.visible_to(user))


class InitiativeUpdate(models.Model):
    """A dated note on how an initiative is progressing."""

    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiativ"), on_delete=models.CASCADE, related_name="updates"
    )
    date = models.DateField(_("dato"), default=timezone.localdate)
    text = models.TextField(_("opfølgning"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skrevet af"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    objects = InitiativeUpdateQuerySet.as_manager()

    class Meta:
        verbose_name = _("opfølgning")
        verbose_name_plural = _("opfølgninger")
        ordering = ["-date", "-created_at"]

    def __str__(self):
        return f"{self.initiative}: {self.date}"
