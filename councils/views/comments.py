from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from audit.access import access_logged
from audit.models import Action
from core.dates import format_datetime
from core.drafts import saved_draft_tag
from councils import services
from councils.forms import CommentForm, HideCommentForm
from councils.models import COMMENT_MAX_LENGTH, AgendaItem, Comment, MeetingStatus
from councils.views.base import GuardedObjectMixin


def deadline_passed_message(meeting) -> str:
    if meeting.status in (MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED):
        return _("Mødet er afholdt. Der kan ikke længere skrives kommentarer til dagsordenen.")
    deadline = timezone.localtime(meeting.effective_deadline)
    return _(
        "Fristen for kommentarer udløb %(deadline)s. Din kommentar er ikke gemt. "
        "Kontakt rådets sekretær, hvis du har noget at tilføje før mødet."
    ) % {"deadline": format_datetime(deadline)}


class ClosedCommentsMixin:
    """After the deadline there is no form, and a POST is refused with nothing stored."""

    template_name = "councils/comment_form.html"

    def meeting(self):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        if not self.meeting().comments_open():
            return self.render_closed(status=200)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.meeting().comments_open():
            return self.render_closed(status=403, unsaved=request.POST.get("text", ""))
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(comment_max_length=COMMENT_MAX_LENGTH, **kwargs)

    def render_closed(self, *, status, unsaved=""):
        context = self.get_context_data(
            form=None, closed_message=deadline_passed_message(self.meeting()), unsaved=unsaved
        )
        return self.render_to_response(context, status=status)


class CommentCreateView(ClosedCommentsMixin, GuardedObjectMixin, FormView):
    model = AgendaItem
    permission_required = "councils.comment_agendaitem"
    form_class = CommentForm

    def get_queryset(self):
        return super().get_queryset().select_related("meeting__council")

    def meeting(self):
        return self.object.meeting

    def get_parent(self):
        """The thread a reply joins, or None; ``self.reply_refused`` when it may not be joined."""
        if not hasattr(self, "_parent"):
            raw = self.request.POST.get("svar") or self.request.GET.get("svar")
            parent, self.reply_refused = None, False
            if raw:
                if not raw.isdigit():
                    raise Http404
                target = (
                    Comment.objects.visible_to(self.request.user)
                    .select_related("author", "parent__author")
                    .filter(item=self.object, pk=int(raw))
                    .first()
                )
                if target is None:
                    raise Http404
                # One level of replies: answering a reply joins its thread. A thread with a
                # hidden comment at its head, or a hidden reply, takes no answers: an answer
                # would quote, or make sense only next to, words that were taken down.
                parent = target.parent or target
                if target.is_hidden or parent.is_hidden:
                    parent, self.reply_refused = None, True
            self._parent = parent
        return self._parent

    def get(self, request, *args, **kwargs):
        self.get_parent()
        if self.reply_refused:
            return self.render_refused(status=200)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.get_parent()
        if self.reply_refused:
            return self.render_refused(status=403, unsaved=request.POST.get("text", ""))
        return super().post(request, *args, **kwargs)

    def render_refused(self, *, status, unsaved=""):
        message = _(
            "Kommentaren, du vil svare på, er skjult af sekretæren, så der kan ikke svares "
            "på den eller i dens tråd."
        )
        if unsaved:
            message = f"{message} {_('Dit svar er ikke gemt.')}"
        context = self.get_context_data(form=None, refused_message=message, unsaved=unsaved)
        return self.render_to_response(context, status=status)

    def form_valid(self, form):
        comment = services.post_comment(
            item=self.object,
            author=self.request.user,
            text=form.cleaned_data["text"],
            parent=self.get_parent(),
        )
        messages.success(
            self.request, _("Din kommentar er gemt."), extra_tags=saved_draft_tag(self.draft_key())
        )
        return redirect(comment.get_absolute_url())

    def draft_key(self) -> str:
        parent = self.get_parent()
        reply = f"-reply-{parent.pk}" if parent else ""
        return f"comment-item-{self.object.pk}{reply}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            item=self.object,
            meeting=self.object.meeting,
            parent=self.get_parent(),
            draft_key=self.draft_key(),
            **kwargs,
        )


class CommentEditView(ClosedCommentsMixin, GuardedObjectMixin, FormView):
    model = Comment
    permission_required = "councils.change_comment"
    form_class = CommentForm

    def get_queryset(self):
        return super().get_queryset().select_related("item__meeting__council", "author")

    def meeting(self):
        return self.object.item.meeting

    def handle_no_permission(self):
        comment = self.get_object()
        user = self.request.user
        if user.is_authenticated and comment.author_id == user.pk and not comment.is_hidden:
            messages.error(
                self.request,
                _("Du kan kun rette en kommentar i 15 minutter, efter du har skrevet den."),
            )
            return redirect(comment.get_absolute_url())
        return super().handle_no_permission()

    def get_initial(self):
        return {"text": self.object.text}

    def form_valid(self, form):
        services.edit_comment(comment=self.object, text=form.cleaned_data["text"])
        messages.success(
            self.request,
            _("Din kommentar er rettet."),
            extra_tags=saved_draft_tag(f"comment-{self.object.pk}-edit"),
        )
        return redirect(self.object.get_absolute_url())

    def get_context_data(self, **kwargs):
        comment = self.object
        return super().get_context_data(
            item=comment.item,
            meeting=comment.item.meeting,
            editing=comment,
            draft_key=f"comment-{comment.pk}-edit",
            **kwargs,
        )


class CommentHideView(GuardedObjectMixin, FormView):
    model = Comment
    permission_required = "councils.hide_comment"
    template_name = "councils/comment_hide.html"
    form_class = HideCommentForm

    def get_queryset(self):
        return super().get_queryset().select_related("item__meeting__council", "author")

    def form_valid(self, form):
        services.hide_comment(
            comment=self.object, by=self.request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(self.request, _("Kommentaren er skjult."))
        return redirect(self.object.get_absolute_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(comment=self.object, **kwargs)


@method_decorator(access_logged(Action.READ_HIDDEN, Comment), name="dispatch")
class CommentHiddenTextView(GuardedObjectMixin, TemplateView):
    """The one place a hidden comment's text can be read: by an administrator, on purpose."""

    model = Comment
    permission_required = "councils.view_hidden_comment_text"
    template_name = "councils/comment_hidden_text.html"

    def get_queryset(self):
        return (
            super().get_queryset().select_related("item__meeting__council", "author", "hidden_by")
        )

    def get_context_data(self, **kwargs):
        comment = self.object
        return super().get_context_data(
            comment=comment, item=comment.item, meeting=comment.item.meeting, **kwargs
        )
