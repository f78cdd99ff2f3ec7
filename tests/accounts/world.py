from tests.accounts.factories import AdministratorFactory, UserFactory


def extend(world):
    world.users["administrator"] = AdministratorFactory(full_name="Ada Administrator")
    # These personas get their council seats from tests/councils/world.py.
    world.users["member"] = UserFactory(full_name="Mia Medlem")
    world.users["outsider"] = UserFactory(full_name="Otto Udenfor")
    world.users["secretary"] = UserFactory(full_name="Sara Sekretær")
