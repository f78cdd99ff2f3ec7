from tests.permissions.matrix import Row, public

# Starting a login through a provider is open to everyone, POST only; an unknown provider is
# 404 (none is configured in the matrix' settings). The callback without a started login is
# refused with allauth's error page.
ROWS = [
    Row("openid_connect_login", public(405), kwargs={"provider_id": "kommune"}),
    Row(
        "openid_connect_login",
        public(404),
        kwargs={"provider_id": "kommune"},
        method="post",
        label="unconfigured",
    ),
    Row("openid_connect_callback", public(404), kwargs={"provider_id": "kommune"}),
]
