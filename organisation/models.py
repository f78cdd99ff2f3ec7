from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Administration(models.Model):
    """A forvaltning, e.g. Socialforvaltningen."""

    name = models.CharField(_("navn"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("forvaltning")
        verbose_name_plural = _("forvaltninger")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Committee(models.Model):
    """A political committee (udvalg), e.g. Socialudvalget."""

    name = models.CharField(_("navn"), max_length=200, unique=True)
    administration = models.ForeignKey(
        Administration,
        verbose_name=_("forvaltning"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="committees",
    )

    class Meta:
        verbose_name = _("udvalg")
        verbose_name_plural = _("udvalg")
        ordering = ["name"]

    def __str__(self):
        return self.name


class FocusArea(models.Model):
    """One of the administration's focus areas, e.g. Misbrugere og hjemløse (seed 000)."""

    name = models.CharField(_("navn"), max_length=200, unique=True)
    number = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    description = models.TextField(_("beskrivelse"), blank=True)

    class Meta:
        verbose_name = _("fokusområde")
        verbose_name_plural = _("fokusområder")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}) {self.name}"


class UnitQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def staffed_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(staff__user=user)


class Unit(models.Model):
    """An enhed or tilbud that delivers social services; units form a tree."""

    name = models.CharField(_("navn"), max_length=200)
    administration = models.ForeignKey(
        Administration,
        verbose_name=_("forvaltning"),
        on_delete=models.PROTECT,
        related_name="units",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("overordnet enhed"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    focus_areas = models.ManyToManyField(
        FocusArea, verbose_name=_("fokusområder"), blank=True, related_name="units"
    )
    description = models.TextField(_("beskrivelse"), blank=True)
    active = models.BooleanField(_("aktiv"), default=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("enhed")
        verbose_name_plural = _("enheder")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["administration", "name"], name="unique_unit_name_per_administration"
            )
        ]

    def __str__(self):
        return self.name

    def ancestors(self) -> list["Unit"]:
        chain, node, seen = [], self.parent, {self.pk}
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return chain[::-1]


class RepresentedOrganisation(models.Model):
    """A user or relative organisation that holds council seats (RIO, Mental Helse, LPP…)."""

    class Kind(models.TextChoices):
        USERS = "users", _("Brugerorganisation")
        RELATIVES = "relatives", _("Pårørendeorganisation")
        OTHER = "other", _("Anden organisation")

    name = models.CharField(_("navn"), max_length=200, unique=True)
    abbreviation = models.CharField(_("forkortelse"), max_length=30, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.USERS)

    class Meta:
        verbose_name = _("repræsenteret organisation")
        verbose_name_plural = _("repræsenterede organisationer")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name


class UnitStaff(models.Model):
    """A caseworker: a user who works in a unit and edits its involvement goals."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bruger"),
        on_delete=models.CASCADE,
        related_name="unit_staff",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("enhed"), on_delete=models.CASCADE, related_name="staff"
    )
    title = models.CharField(_("stilling"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("sagsbehandler")
        verbose_name_plural = _("sagsbehandlere")
        ordering = ["unit__name", "user__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "unit"], name="unique_staff_per_unit")
        ]

    def __str__(self):
        return f"{self.user} – {self.unit}"
