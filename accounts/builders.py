"""Builders for accounts (see core/builders.py)."""

from django.contrib.auth.hashers import make_password

from accounts.models import User
from core.builders import build, builds


@builds(User)
def user(*, raw_password=None, **fields) -> User:
    """A user; ``raw_password`` is hashed, else the password is unusable unless
    ``password`` (an already hashed one) is given. The e-mail is stored in lower case."""
    if "email" in fields:
        fields["email"] = User.objects.normalize_email(fields["email"]).lower()
    built = build(User, fields, full_name="")
    if raw_password:
        built.set_password(raw_password)
    elif "password" not in fields:
        built.password = make_password(None)
    return built
