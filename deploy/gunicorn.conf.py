"""gunicorn settings for the web service (docker-compose.yml: gunicorn -c deploy/gunicorn.conf.py).

gunicorn is reached only through the proxy (deploy/nginx/portal.conf) on the
compose network; the access log is written with the private calendar tokens
replaced (see portal/logredact.py).
"""

import os

from gunicorn.glogging import Logger

from portal.logredact import RedactCalendarTokens, redact

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
accesslog = "-"
errorlog = "-"
# Request lines longer than this are refused (414) before they reach the logs.
limit_request_line = 4094
# The proxy is on the compose network, not 127.0.0.1: trust its forwarded headers
# for wsgi.url_scheme. Django itself reads X-Forwarded-Proto through
# SECURE_PROXY_SSL_HEADER; both are safe only because the web service is not published.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "*")


class RedactingLogger(Logger):
    """gunicorn's logger with every calendar token in the access-log atoms replaced.

    Every atom is redacted, not only the request line: the path (%(U)s), the raw
    request line (%(r)s), the referer and the environ/header atoms all may hold it.
    The error log ("Error handling request /raad/kalender/…") is filtered as well.
    """

    def setup(self, cfg):
        super().setup(cfg)
        self.error_log.addFilter(RedactCalendarTokens())

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            key: redact(value) if isinstance(value, str) else value for key, value in atoms.items()
        }


logger_class = RedactingLogger
