from tests.accounts.factories import UserFactory
from tests.organisation.factories import (
    AdministrationFactory,
    CommitteeFactory,
    RepresentedOrganisationFactory,
    UnitFactory,
    UnitStaffFactory,
)


def extend(world):
    administration = AdministrationFactory(name="Socialforvaltningen")
    world.objects["administration"] = administration
    world.objects["committee"] = CommitteeFactory(
        name="Socialudvalget", administration=administration
    )
    world.objects["unit"] = UnitFactory(name="Rusenheden", administration=administration)
    world.objects["other_unit"] = UnitFactory(name="Bostedet", administration=administration)
    world.objects["organisation"] = RepresentedOrganisationFactory(name="RIO", abbreviation="RIO")
    world.users["caseworker"] = UserFactory(full_name="Carl Sagsbehandler")
    world.users["other_caseworker"] = UserFactory(full_name="Cecilie Andenenhed")
    UnitStaffFactory(user=world.users["caseworker"], unit=world.objects["unit"])
    UnitStaffFactory(user=world.users["other_caseworker"], unit=world.objects["other_unit"])
