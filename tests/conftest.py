import pytest

from tests.world import build_world


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def administrator(world):
    return world.users["administrator"]


@pytest.fixture
def member(world):
    return world.users["member"]


@pytest.fixture
def outsider(world):
    """A member of another council."""
    return world.users["outsider"]


@pytest.fixture
def secretary(world):
    return world.users["secretary"]


@pytest.fixture
def caseworker(world):
    return world.users["caseworker"]


@pytest.fixture
def other_caseworker(world):
    """A caseworker of another unit."""
    return world.users["other_caseworker"]


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
