"""iCalendar feeds (RFC 5545): a public one per council and a private one per member."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.email import absolute_url
from councils import services
from councils.ics import build_calendar
from councils.models import CalendarToken, Council, Meeting
from councils.roles import member_council_ids

# The feeds and the e-mails' single-meeting files share one rendering (councils.ics).
_calendar = build_calendar


def _ics_response(body: bytes, *, private: bool) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="kalender.ics"'
    response["Cache-Control"] = "private, no-store" if private else "public, max-age=900"
    if private:
        response["X-Robots-Tag"] = "noindex"
    return response


def council_feed(request, pk):
    """The council's public meetings, the same for every reader (calendar apps do not log in)."""
    council = get_object_or_404(Council.objects.visible_to(AnonymousUser()), pk=pk)
    meetings = (
        Meeting.objects.visible_to(AnonymousUser())
        .filter(council=council)
        .select_related("council")
        .order_by("starts_at")
    )
    return _ics_response(_calendar(council.name, meetings), private=False)


def member_feed(request, token):
    """Every meeting of the token owner's councils; the token is the only credential."""
    found = (
        CalendarToken.objects.select_related("user")
        .filter(token=token, user__is_active=True)
        .first()
    )
    if found is None:
        raise Http404
    user = found.user
    meetings = (
        Meeting.objects.visible_to(user)
        .filter(council_id__in=member_council_ids(user))
        .select_related("council")
        .order_by("starts_at")
    )
    name = _("Mine rådsmøder – %(name)s") % {"name": settings.PORTAL_MUNICIPALITY}
    return _ics_response(_calendar(name, meetings), private=True)


@login_required
@require_http_methods(["GET", "POST"])
def calendar_settings(request):
    token = CalendarToken.objects.filter(user=request.user).first()
    if request.method == "POST":
        action = request.POST.get("action")
        if (
            action in ("create", "revoke")
            and token is not None
            and not request.POST.get("confirmed")
        ):
            # Both stop the current address from working: ask first.
            return render(request, "councils/calendar_confirm.html", {"action": action})
        if action == "revoke" and token is not None:
            services.revoke_calendar_token(user=request.user)
            messages.success(
                request, _("Din private kalenderadresse er slettet og virker ikke længere.")
            )
        elif action == "create":
            _token, created = services.renew_calendar_token(user=request.user)
            if created:
                messages.success(request, _("Din private kalenderadresse er klar."))
            else:
                messages.success(
                    request,
                    _("Du har fået en ny privat kalenderadresse. Den gamle virker ikke længere."),
                )
        return redirect("councils:calendar")
    feed_url = absolute_url(reverse("councils:member_feed", args=[token.token])) if token else None
    return render(
        request,
        "councils/calendar.html",
        {"feed_url": feed_url, "has_councils": bool(member_council_ids(request.user))},
    )
