"""No Docker engine runs here, so the compose file's structure is checked instead."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_services_and_images():
    services = _compose()["services"]
    assert set(services) == {"db", "redis", "web", "worker", "proxy", "backup", "backup-restore"}
    # The backup services run only on demand (docker compose run --rm backup).
    assert services["backup"]["profiles"] == ["tools"]
    assert services["backup-restore"]["profiles"] == ["tools"]
    assert services["db"]["image"].startswith("postgres:16")
    assert services["redis"]["image"].startswith("redis:7")
    assert services["proxy"]["image"].startswith("nginx:")


def test_web_and_worker_share_one_image_and_settings():
    services = _compose()["services"]
    web, worker = services["web"], services["worker"]
    assert web["image"] == worker["image"]
    assert web["build"] == worker["build"] == "."
    assert web["environment"] == worker["environment"]
    env = web["environment"]
    assert env["DATABASE_URL"].startswith("postgres://")
    assert env["CELERY_BROKER_URL"].startswith("redis://redis")
    assert env["DJANGO_DEBUG"] == "false"
    assert "SECRET_KEY" in env
    assert "migrate" in " ".join(web["command"])
    assert "gunicorn" in " ".join(web["command"])
    assert worker["command"][:3] == ["celery", "-A", "portal"]


def test_health_checks_and_named_volumes():
    compose = _compose()
    for name, service in compose["services"].items():
        if "tools" in service.get("profiles", []):
            continue  # one-shot jobs (backup) have nothing to check
        assert "healthcheck" in service, f"{name} has no health check"
    assert {"pgdata", "redisdata", "media"} <= set(compose["volumes"])
    assert compose["services"]["web"]["depends_on"]["db"]["condition"] == "service_healthy"


def test_dockerfile_installs_the_locked_requirements():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "FROM python:3.11" in dockerfile
    assert "pip install -r requirements.lock" in dockerfile
    assert "libpango" in dockerfile
