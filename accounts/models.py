from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.db import models
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

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
    # Raised when the account is switched off or loses the administrator role: every session
    # made before then stops working, even if the account or role comes back.
    session_generation = models.PositiveIntegerField(default=0, editable=False)

    objects = UserManager()
    # Who changed a user, and what; the password hash and login times are never copied.
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("bruger")
        verbose_name_plural = _("brugere")
        ordering = ["full_name", "email"]

    def __str__(self):
        return self.full_name or self.email

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_access = (
            instance.__dict__.get("is_active"),
            instance.__dict__.get("is_administrator"),
        )
        return instance

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        # Access to the Django admin follows the administrator role, on every save path.
        self.is_staff = self.is_administrator
        # The administrator role is the only source of rights. Django answers every permission
        # question with yes for a superuser before the portal's rules are asked (approved
        # minutes, hidden comments), and the flag would outlive the role.
        self.is_superuser = False
        extra_fields = {"is_staff", "is_superuser"}
        was_active, was_administrator = getattr(self, "_loaded_access", (None, None))
        if (was_active and not self.is_active) or (was_administrator and not self.is_administrator):
            self.session_generation += 1
            extra_fields.add("session_generation")
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"is_administrator", "is_active"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, *extra_fields}
        super().save(*args, **kwargs)
        self._loaded_access = (self.is_active, self.is_administrator)

    def delete(self, *args, **kwargs):
        # Who changed an approved record is part of it: history would lose that (SET_NULL).
        references = history_references(self)
        if references:
            raise ProtectedError(
                "A user who appears in the change history cannot be deleted; deactivate or "
                "pseudonymise the user instead.",
                set(references),
            )
        return super().delete(*args, **kwargs)

    def _get_session_auth_hash(self, secret=None):
        # Django ends a user's other sessions when the password changes because each session
        # carries this hash; the generation ends them on deactivation and role removal too.
        key_salt = "accounts.User.get_session_auth_hash"
        value = f"{self.password}|{self.session_generation}"
        return salted_hmac(key_salt, value, secret=secret, algorithm="sha256").hexdigest()

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


def history_references(user) -> list:
    """One history entry per history table in which ``user`` is recorded as the changer.

    simple-history keeps the changer with ``SET_NULL``: deleting the user would erase who
    approved minutes or adopted a policy. The pseudonymising of former members keeps it.
    """
    from simple_history.models import registered_models
    from simple_history.utils import get_history_model_for_model

    found = []
    for model in registered_models.values():
        entry = get_history_model_for_model(model).objects.filter(history_user_id=user.pk).first()
        if entry is not None:
            found.append(entry)
    return found
