from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from notifications import preferences
from notifications.forms import NotificationSettingsForm
from notifications.kinds import Kind
from notifications.tokens import DIGEST, BadToken, ExpiredToken, read_token


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request):
    """The logged-in user's own settings; there is no way to name another user here."""
    user = request.user
    current = preferences.current(user)
    language = preferences.language_of(user, default=get_language() or "da")
    form = NotificationSettingsForm(
        request.POST or None, frequencies=current, language=language[:2]
    )
    if request.method == "POST" and form.is_valid():
        preferences.save(user, form.frequencies(), language=form.cleaned_data["language"])
        messages.success(request, _("Dine indstillinger for notifikationer er gemt."))
        return redirect("notifications:settings")
    return render(request, "notifications/settings.html", {"form": form})


@csrf_exempt  # RFC 8058: mail programs POST without a session or CSRF token; the token suffices
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """Switches one kind (or everything sent in the digest) off for the token's user.

    GET asks for confirmation (a link scanner must not unsubscribe anyone); POST — the
    confirmation button or the mail program's one-click — does it."""
    try:
        user_id, kind = read_token(token)
    except ExpiredToken:
        return render(request, "notifications/unsubscribe.html", {"state": "expired"}, status=400)
    except BadToken:
        return render(request, "notifications/unsubscribe.html", {"state": "bad"}, status=400)
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or (kind != DIGEST and kind not in Kind.values):
        return render(request, "notifications/unsubscribe.html", {"state": "bad"}, status=400)
    label = _("alt i den daglige oversigt") if kind == DIGEST else Kind(kind).label
    if request.method == "POST":
        with transaction.atomic():
            preferences.switch_off(user, kind)
        return render(request, "notifications/unsubscribe.html", {"state": "done", "label": label})
    return render(request, "notifications/unsubscribe.html", {"state": "ask", "label": label})
