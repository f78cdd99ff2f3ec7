from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.managers import UserManager


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in. The e-mail address is the login; there is no username."""

    email = models.EmailField(_("e-mailadresse"), unique=True)
    full_name = models.CharField(_("fulde navn"), max_length=200)
    is_administrator = models.BooleanField(
        _("administrator"),
        default=False,
        help_text=_("Administratorer i forvaltningen kan redigere alt i portalen."),
    )
    is_staff = models.BooleanField(
        _("adgang til Django-administrationen"),
        default=False,
        help_text=_("Sættes automatisk for administratorer."),
    )
    is_active = models.BooleanField(_("aktiv"), default=True)
    date_joined = models.DateTimeField(_("oprettet"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("bruger")
        verbose_name_plural = _("brugere")
        ordering = ["full_name", "email"]

    def __str__(self):
        return self.full_name or self.email

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        if self.is_administrator:
            self.is_staff = True
        super().save(*args, **kwargs)

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email
