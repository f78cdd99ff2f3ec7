"""The demo users (accounts/demo.toml)."""

from accounts.models import User
from core.demo import demo_data, ensure

# role → (e-mail, name, administrator), e.g. for scripts/screenshots.py.
DEMO_USERS = {
    role: (row["email"], row["full_name"], row.get("is_administrator", False))
    for role, row in demo_data("accounts")["users"].items()
}


def demo_user(ctx, email, **fields):
    """The demo user with this e-mail, made with the demo password if missing."""
    return ensure(User, {"email": email}, raw_password=ctx.password, **fields)[0]


def load(ctx):
    for role, row in demo_data("accounts")["users"].items():
        ctx.users[role] = demo_user(ctx, **row)
