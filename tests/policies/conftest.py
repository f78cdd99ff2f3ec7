import pytest


@pytest.fixture
def goal(world):
    return world["goal"]


@pytest.fixture
def other_goal(world):
    return world["other_goal"]
