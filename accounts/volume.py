"""Users for generate_volume: council members, comment authors and caseworkers."""

from django.contrib.auth.hashers import make_password

from accounts import builders
from accounts.models import User
from core.volume import VolumeError

FIRST_NAMES = [
    "Anne", "Mette", "Hanne", "Karen", "Lene", "Susanne", "Camilla", "Louise", "Maria", "Birgit",
    "Jens", "Peter", "Lars", "Søren", "Niels", "Michael", "Henrik", "Thomas", "Anders", "Jørgen",
    "Fatima", "Ahmed", "Aisha", "Omar", "Sofie", "Emil", "Ida", "Mads", "Freja", "Oliver",
]  # fmt: skip
LAST_NAMES = [
    "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen",
    "Johansen", "Møller", "Mortensen", "Karimi", "Yilmaz", "Holm", "Østergaard", "Bæk",
]  # fmt: skip


def generate(ctx):
    prefix = f"volumen-{ctx.label.lower()}-"
    if User.objects.filter(email__startswith=prefix).exists():
        raise VolumeError(
            f"Seed {ctx.seed} has already been generated in this database; use another --seed."
        )
    # One unusable password for all: hashing per user would cost seconds per thousand.
    password = make_password(None)
    rng = ctx.rng
    users = [
        builders.user(
            email=f"{prefix}{number:05d}@volumen.invalid",
            full_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            password=password,
            date_joined=ctx.moment(-rng.randint(30, 2000)),
        )
        for number in range(1, ctx.count("users") + 1)
    ]
    ctx.objects["users"] = ctx.bulk(User, users, "users")
