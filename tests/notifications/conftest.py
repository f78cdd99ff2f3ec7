from tests.notifications.helpers import small  # noqa: F401
