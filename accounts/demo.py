from accounts.models import User

# One demo user per role; other apps give them their roles (unit staff, seats).
DEMO_USERS = {
    "administrator": ("administrator@demokommune.example", "Anne Andersen", True),
    "caseworker": ("sagsbehandler@demokommune.example", "Bo Bertelsen", False),
    "secretary": ("sekretaer@demokommune.example", "Signe Sørensen", False),
    "member": ("medlem1@demokommune.example", "Mads Mikkelsen", False),
    "member2": ("medlem2@demokommune.example", "Lene Lund", False),
    "other_council_member": ("andetraad@demokommune.example", "Ole Østergaard", False),
}


def load(ctx):
    for role, (email, name, is_administrator) in DEMO_USERS.items():
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email, ctx.password, full_name=name, is_administrator=is_administrator
            )
        ctx.users[role] = user
