import socket

import pytest

from portal.celery import app as celery_app


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _reset_connections():
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def broker_down():
    """Celery as in production, with the broker at a port where nothing listens: every
    attempt to queue a task is refused for real."""
    saved = celery_app.conf.task_always_eager, celery_app.conf.broker_url
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_url = f"redis://127.0.0.1:{_closed_port()}/0"
    _reset_connections()
    yield
    celery_app.conf.task_always_eager, celery_app.conf.broker_url = saved
    _reset_connections()
