from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from councils import services
from councils.forms import ListingConsentForm
from councils.models import Council, Meeting, Membership
from councils.roles import member_council_ids
from councils.selectors import active_memberships, advice_summary, composition
from councils.views.base import GuardedObjectMixin

PAGE_SIZE = 50


def council_list(request):
    today = timezone.localdate()
    councils = (
        Council.objects.visible_to(request.user)
        .select_related("unit", "administration")
        .annotate(
            member_count=Count(
                "memberships",
                filter=Q(memberships__start__lte=today)
                & (Q(memberships__end__isnull=True) | Q(memberships__end__gte=today))
                & Q(memberships__substitute_for__isnull=True),
            )
        )
        .order_by("name")
    )
    page_obj = Paginator(councils, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "councils/council_list.html",
        {"page_obj": page_obj, "my_council_ids": member_council_ids(request.user)},
    )


class CouncilDetailView(GuardedObjectMixin, TemplateView):
    model = Council
    permission_required = "councils.view_council"
    template_name = "councils/council_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("unit", "administration")
            .prefetch_related("seat_rules")
        )

    def get_context_data(self, **kwargs):
        council, user = self.object, self.request.user
        memberships = active_memberships(council)
        now = timezone.now()
        meetings = Meeting.objects.visible_to(user).filter(council=council)
        past = Paginator(meetings.filter(starts_at__lt=now).order_by("-starts_at"), PAGE_SIZE)
        own = next((m for m in memberships if m.user_id == user.pk), None)
        return super().get_context_data(
            council=council,
            composition=composition(council, memberships),
            is_member=council.pk in member_council_ids(user),
            own_membership=own,
            upcoming=list(meetings.filter(starts_at__gte=now).order_by("starts_at")),
            page_obj=past.get_page(self.request.GET.get("page")),
            advice=advice_summary(council, user),
            **kwargs,
        )


class ListingConsentView(GuardedObjectMixin, FormView):
    """A member decides whether the public may see their name."""

    model = Council
    permission_required = "councils.set_listing_consent"
    template_name = "councils/consent_form.html"
    form_class = ListingConsentForm

    def get_membership(self):
        if not self.request.user.is_authenticated:
            return None
        if not hasattr(self, "_membership"):
            self._membership = (
                Membership.objects.active()
                .filter(council=self.get_object(), user=self.request.user)
                .order_by("pk")
                .first()
            )
        return self._membership

    def get_permission_object(self):
        self.get_object()  # 404 first when the council cannot be seen
        return self.get_membership()

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_membership()}

    def form_valid(self, form):
        listed = form.cleaned_data["listed_publicly"]
        services.set_listing_consent(council=self.object, user=self.request.user, listed=listed)
        if listed:
            messages.success(self.request, _("Dit navn vises nu for alle på rådets side."))
        else:
            messages.success(self.request, _("Dit navn vises nu kun for rådets medlemmer."))
        return redirect(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(council=self.object, **kwargs)
