from tests.permissions.matrix import Row, public

ROWS = [
    Row("home", public(200)),
    Row("accessibility", public(200)),
    Row("healthz", public(200)),
    Row("readyz", public(200)),
]
