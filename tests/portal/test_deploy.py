"""The deployment pieces: the nginx proxy, gunicorn's access log, Django's log filter, compose.

The proxy test runs Debian's nginx (CI cannot pull container images) with
deploy/nginx/portal.conf included as the official image would, in front of a
real gunicorn started with deploy/gunicorn.conf.py. Without nginx it is skipped
locally and fails in CI (scripts/install-system-deps.sh installs it).
"""

import datetime
import http.client
import json
import logging
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from django.urls import reverse

from portal.logredact import RedactCalendarTokens, redact

ROOT = Path(__file__).resolve().parents[2]
PORTAL_CONF = ROOT / "deploy" / "nginx" / "portal.conf"
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"
IN_CI = os.environ.get("CI", "").lower() == "true"
TOKEN = "Sup3rSecretT0ken_-abcdefghijklmnopqrstuvwxyz012"
FEED = f"/raad/kalender/{TOKEN}.ics"
UNSUBSCRIBE_TOKEN = "eyJ1Ijo0MiwiayI6ImRpZ2VzdCJ9:1vPrivat:Signatur"
UNSUBSCRIBE = f"/notifikationer/afmeld/{UNSUBSCRIBE_TOKEN}/"
MB = 1024 * 1024


def _nginx():
    found = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.path.exists(p)), None
    )
    if found is None:
        reason = "nginx not installed (scripts/install-system-deps.sh installs it when run as root)"
        if IN_CI:
            pytest.fail(f"The proxy test must run in CI: {reason}")
        pytest.skip(reason)
    return found


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port, process, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"process exited early with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listens on {port}")


def _self_signed_certificate(folder: Path):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    folder.mkdir()
    (folder / "fullchain.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "privkey.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


def _replace_once(text, old, new):
    assert text.count(old) >= 1, f"deploy/nginx/portal.conf no longer contains {old!r}"
    return text.replace(old, new)


def _test_nginx_conf(tmp: Path, http_port, https_port, upstream_port) -> Path:
    """portal.conf with the compose names swapped for local ones, in a minimal nginx.conf."""
    portal = PORTAL_CONF.read_text()
    portal = _replace_once(portal, "server web:8000;", f"server 127.0.0.1:{upstream_port};")
    portal = _replace_once(portal, "listen 80;", f"listen 127.0.0.1:{http_port};")
    portal = _replace_once(portal, "listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;")
    portal = _replace_once(portal, "/etc/nginx/certs/", f"{tmp}/certs/")
    portal = _replace_once(portal, "/var/log/nginx/", f"{tmp}/logs/")
    (tmp / "portal.conf").write_text(portal)
    (tmp / "logs").mkdir()
    (tmp / "temp").mkdir()
    _self_signed_certificate(tmp / "certs")
    # Run as whoever runs the tests; as root, keep the workers root so they can use tmp.
    user = "user root;\n" if os.geteuid() == 0 else ""
    main = tmp / "nginx.conf"
    main.write_text(
        f"""{user}daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/logs/error.log info;
events {{ worker_connections 64; }}
http {{
    client_body_temp_path {tmp}/temp/body;
    proxy_temp_path {tmp}/temp/proxy;
    fastcgi_temp_path {tmp}/temp/fastcgi;
    uwsgi_temp_path {tmp}/temp/uwsgi;
    scgi_temp_path {tmp}/temp/scgi;
    include {tmp}/portal.conf;
}}
"""
    )
    return main


@pytest.fixture
def gunicorn(tmp_path):
    """gunicorn with deploy/gunicorn.conf.py serving tests/portal/echo_wsgi.py."""
    port = _free_port()
    log = tmp_path / "gunicorn.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONF)]
            + ["tests.portal.echo_wsgi:app"],
            cwd=ROOT,
            env={
                **os.environ,
                "GUNICORN_BIND": f"127.0.0.1:{port}",
                "GUNICORN_WORKERS": "1",
            },
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for_port(port, process)
        yield port, log
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture
def nginx(tmp_path, gunicorn):
    binary = _nginx()
    upstream_port, gunicorn_log = gunicorn
    http_port, https_port = _free_port(), _free_port()
    prefix = tmp_path / "nginx"
    prefix.mkdir()
    conf = _test_nginx_conf(prefix, http_port, https_port, upstream_port)
    base = [binary, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "logs" / "error.log")]
    checked = subprocess.run([*base, "-t"], capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen(base, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        _wait_for_port(https_port, process)
        yield {
            "http": http_port,
            "https": https_port,
            "access_log": prefix / "logs" / "access.log",
            "error_log": prefix / "logs" / "error.log",
            "gunicorn_log": gunicorn_log,
        }
    finally:
        process.terminate()
        process.wait(timeout=20)


def _https(port):
    return http.client.HTTPSConnection(
        "127.0.0.1", port, timeout=30, context=ssl._create_unverified_context()
    )


def test_the_proxy_forwards_caps_bodies_and_keeps_tokens_out_of_its_log(nginx):
    conn = _https(nginx["https"])
    conn.request(
        "GET",
        FEED + "?utm=1",
        headers={
            "Host": "brugerraad.kommune.example",
            # What a client sends to pose as someone else must not reach the portal.
            "X-Forwarded-For": "203.0.113.66",
            "X-Forwarded-Proto": "http",
            "X-Forwarded-Host": "evil.example",
            "Referer": f"https://brugerraad.kommune.example{FEED}",
        },
    )
    answer = conn.getresponse()
    assert answer.status == 200
    seen = json.loads(answer.read())
    assert seen["path"] == FEED + "?utm=1"
    assert seen["host"] == "brugerraad.kommune.example"
    assert seen["x_forwarded_for"] == "127.0.0.1"
    assert seen["x_real_ip"] == "127.0.0.1"
    assert seen["x_forwarded_proto"] == "https"
    assert seen["x_forwarded_host"] is None
    assert seen["url_scheme"] == "https"
    conn.close()

    # An upload the portal accepts passes; one over 25 MB is refused by the proxy.
    conn = _https(nginx["https"])
    conn.request("POST", "/upload/", body=b"x" * (20 * MB))
    answer = conn.getresponse()
    assert answer.status == 200
    assert json.loads(answer.read())["body_bytes"] == 20 * MB
    conn.close()
    conn = _https(nginx["https"])
    conn.putrequest("POST", "/upload/")
    conn.putheader("Content-Length", str(25 * MB + 1))
    conn.endheaders()
    assert conn.getresponse().status == 413
    conn.close()

    # The e-mails' unsubscribe link names the member: its token is redacted like the feed's.
    conn = _https(nginx["https"])
    conn.request("GET", UNSUBSCRIBE, headers={"Host": "brugerraad.kommune.example"})
    assert conn.getresponse().status == 200
    conn.close()

    # Plain HTTP only redirects.
    plain = http.client.HTTPConnection("127.0.0.1", nginx["http"], timeout=10)
    plain.request("GET", FEED, headers={"Host": "brugerraad.kommune.example"})
    redirect = plain.getresponse()
    assert redirect.status == 301
    assert redirect.getheader("Location") == f"https://brugerraad.kommune.example{FEED}"
    plain.close()

    time.sleep(0.3)
    proxy_log = nginx["access_log"].read_text()
    assert proxy_log.count("/raad/kalender/[redacted].ics") >= 3, proxy_log
    assert "?utm=1" in proxy_log
    assert " 413 " in proxy_log
    gunicorn_log = nginx["gunicorn_log"].read_text()
    assert "/raad/kalender/[redacted].ics" in gunicorn_log, gunicorn_log
    assert "/notifikationer/afmeld/[redacted]/" in proxy_log, proxy_log
    assert "/notifikationer/afmeld/[redacted]/" in gunicorn_log, gunicorn_log
    for log in (proxy_log, gunicorn_log, nginx["error_log"].read_text()):
        assert TOKEN not in log
        assert UNSUBSCRIBE_TOKEN not in log


def test_gunicorn_logger_class_redacts_every_atom():
    import runpy

    from gunicorn.config import Config

    config = runpy.run_path(str(GUNICORN_CONF))
    assert config["logger_class"].__name__ == "RedactingLogger"
    cfg = Config()
    cfg.set("accesslog", "-")
    cfg.set("access_log_format", '%(h)s "%(r)s" %(U)s %(s)s "%(f)s" %({raw_uri}e)s')
    logger = config["logger_class"](cfg)
    lines = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(record.getMessage())
    logger.access_log.addHandler(handler)

    class Response:
        status = "200 OK"
        sent = 120
        headers = [("Content-Type", "text/calendar")]

    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": FEED,
        "PATH_INFO": FEED,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "10.0.0.2",
        "HTTP_REFERER": f"https://x.example{FEED}",
    }
    logger.access(
        Response(), [("REFERER", environ["HTTP_REFERER"])], environ, datetime.timedelta(0)
    )
    assert lines, "gunicorn wrote no access line"
    assert TOKEN not in lines[0]
    assert lines[0].count("/raad/kalender/[redacted].ics") == 4
    assert '"GET /raad/kalender/[redacted].ics HTTP/1.1" ' in lines[0]

    logger.error_log.addHandler(handler)
    logger.error("Error handling request %s", FEED)
    assert lines[-1] == "Error handling request /raad/kalender/[redacted].ics"


@pytest.mark.django_db
def test_django_logs_no_calendar_token(client, caplog):
    caplog.set_level(logging.INFO)
    response = client.get(reverse("councils:member_feed", kwargs={"token": TOKEN}))
    assert response.status_code == 404
    assert "Not Found: /raad/kalender/[redacted].ics" in caplog.text
    assert TOKEN not in caplog.text

    server = logging.getLogger("django.server")
    server.addHandler(caplog.handler)
    try:
        server.info('"%s" %s %s', f"GET {FEED} HTTP/1.1", "200", "512")
    finally:
        server.removeHandler(caplog.handler)
    assert '"GET /raad/kalender/[redacted].ics HTTP/1.1" 200 512' in caplog.text
    assert TOKEN not in caplog.text


def test_redaction_hides_the_unsubscribe_token():
    assert redact(f"GET {UNSUBSCRIBE}?x=1") == "GET /notifikationer/afmeld/[redacted]/?x=1"


def test_redaction_touches_only_the_private_feed():
    assert redact(f"GET {FEED}?a=1") == "GET /raad/kalender/[redacted].ics?a=1"
    assert redact("/raad/7/kalender.ics") == "/raad/7/kalender.ics"
    assert redact("/raad/kalender/") == "/raad/kalender/"
    record = logging.LogRecord("x", logging.INFO, "", 0, "Not Found: %s", (FEED,), None)
    assert RedactCalendarTokens().filter(record) is True
    assert record.getMessage() == "Not Found: /raad/kalender/[redacted].ics"


def test_nginx_conf_matches_the_portal_upload_cap():
    conf = PORTAL_CONF.read_text()
    assert "client_max_body_size 25m;" in conf
    log_format = conf[conf.index("log_format") :].split(";", 1)[0]
    # Only the redacted address and referer are logged, never the raw ones.
    assert not re.search(r"\$(request|request_uri|uri|http_referer)\b", log_format), log_format
    assert "$portal_log_uri" in log_format and "$portal_log_referer" in log_format
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in conf
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in conf


def _compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_publishes_only_the_proxy():
    services = _compose()["services"]
    published = {name for name, service in services.items() if service.get("ports")}
    assert published == {"proxy"}
    web = services["web"]
    assert "8000" in [str(port) for port in web.get("expose", [])]
    assert web["environment"]["PORTAL_BEHIND_TLS_PROXY"] == "true"
    proxy = services["proxy"]
    assert proxy["image"].startswith("nginx:")
    assert "./deploy/nginx/portal.conf:/etc/nginx/conf.d/default.conf:ro" in proxy["volumes"]
    assert proxy["depends_on"]["web"]["condition"] == "service_healthy"
    assert "/healthz/" in " ".join(proxy["healthcheck"]["test"])


def test_web_runs_gunicorn_with_the_config_file_and_keeps_its_health_check():
    web = _compose()["services"]["web"]
    command = " ".join(web["command"])
    assert "gunicorn -c deploy/gunicorn.conf.py portal.wsgi:application" in command
    assert "--bind" not in command
    check = " ".join(web["healthcheck"]["test"])
    # Readiness: the database, the cache and the broker answer (docs/OPERATIONS.md).
    assert "http://127.0.0.1:8000/readyz/" in check
    assert "X-Forwarded-Proto: https" in check
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert '"gunicorn", "-c", "deploy/gunicorn.conf.py"' in dockerfile
    assert "deploy/certs" in (ROOT / ".dockerignore").read_text()


def test_redis_keeps_broker_and_cache_apart_and_evicts_only_cache_keys():
    compose = _compose()
    env = compose["services"]["web"]["environment"]
    assert env["CELERY_BROKER_URL"].endswith("/0")
    assert env["REDIS_URL"].endswith("/1")
    command = compose["services"]["redis"]["command"]
    assert command[command.index("--maxmemory-policy") + 1] == "volatile-lru"
    assert command[command.index("--maxmemory") + 1]


def test_install_script_installs_nginx():
    script = (ROOT / "scripts" / "install-system-deps.sh").read_text()
    packages = next(line for line in script.splitlines() if line.startswith("packages=("))
    assert re.search(r"[ (]nginx[ )]", packages), packages
