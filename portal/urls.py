from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from portal import views

admin.site.site_header = _("Brugerrådsportalen – administration")
admin.site.site_title = _("Brugerrådsportalen")
# The admin has no login of its own: it sends people to the portal's login, with its rate
# limits and second factor.
admin.site.login = secure_admin_login(admin.site.login)

# Uploaded files are never served from MEDIA_URL: every file goes through a
# view that checks who may see it.
urlpatterns = [
    path("", views.home, name="home"),
    path("tilgaengelighed/", views.accessibility, name="accessibility"),
    path("healthz/", views.healthz, name="healthz"),
    path("readyz/", views.readyz, name="readyz"),
    path("i18n/", include("django.conf.urls.i18n")),
    # Before allauth's URLs: the same paths, with the ID token's signature and nonce checked.
    path("konto/oidc/", include("accounts.oidc_urls")),
    path("konto/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("raad/", include("councils.urls")),
    path("politikker/", include("policies.urls")),
    path("handleplaner/", include("actionplans.urls")),
    path("rapporter/", include("reports.urls")),
    path("deltagelse/", include("participation.urls")),
    path("notifikationer/", include("notifications.urls")),
    path("soeg/", include("search.urls")),
    path("privatliv/", include("privacy.urls")),
]

handler400 = "portal.views.bad_request"
handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
