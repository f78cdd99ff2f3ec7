"""A WSGI app that answers with what it received: the upstream of tests/portal/test_deploy.py."""

import json


def app(environ, start_response):
    length = int(environ.get("CONTENT_LENGTH") or 0)
    received = 0
    while received < length:
        chunk = environ["wsgi.input"].read(min(1 << 20, length - received))
        if not chunk:
            break
        received += len(chunk)
    body = json.dumps(
        {
            "path": environ.get("RAW_URI"),
            "host": environ.get("HTTP_HOST"),
            "x_forwarded_for": environ.get("HTTP_X_FORWARDED_FOR"),
            "x_forwarded_proto": environ.get("HTTP_X_FORWARDED_PROTO"),
            "x_forwarded_host": environ.get("HTTP_X_FORWARDED_HOST"),
            "x_real_ip": environ.get("HTTP_X_REAL_IP"),
            "url_scheme": environ.get("wsgi.url_scheme"),
            "body_bytes": received,
        }
    ).encode()
    start_response("200 OK", [("Content-Type", "application/json")])
    return [body]
