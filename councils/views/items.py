from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import FormView, View

from audit.access import access_logged
from audit.models import Action
from core.files import protected_file_response
from councils import services
from councils.forms import AgendaItemForm, AttachmentForm, ResponseForm, StatementForm
from councils.models import AgendaItem, Attachment, Meeting, Response, Statement
from councils.views.base import AgendaLockMixin, GuardedObjectMixin
from councils.views.meetings import ConfirmView


class ItemMixin:
    model = AgendaItem

    def get_queryset(self):
        return super().get_queryset().select_related("meeting__council")

    def back_url(self):
        return self.object.get_absolute_url()


class ItemCreateView(AgendaLockMixin, GuardedObjectMixin, FormView):
    model = Meeting
    permission_required = "councils.add_agendaitem"
    template_name = "councils/item_form.html"
    form_class = AgendaItemForm

    def get_queryset(self):
        return super().get_queryset().select_related("council")

    def get_initial(self):
        return {"first_put_on": timezone.localdate(self.object.starts_at)}

    def form_valid(self, form):
        form.instance.meeting = self.object
        item = services.add_item(item=form.instance)
        messages.success(self.request, _("Punkt %(number)d er tilføjet.") % {"number": item.number})
        return redirect(item.get_absolute_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.object, item=None, **kwargs)


class ItemEditView(ItemMixin, AgendaLockMixin, GuardedObjectMixin, FormView):
    permission_required = "councils.change_agendaitem"
    template_name = "councils/item_form.html"
    form_class = AgendaItemForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object}

    def form_valid(self, form):
        services.update_item(item=form.save(commit=False))
        messages.success(self.request, _("Punktet er gemt."))
        return redirect(self.back_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.object.meeting, item=self.object, **kwargs)


class ItemDeleteView(ItemMixin, AgendaLockMixin, ConfirmView):
    permission_required = "councils.delete_agendaitem"
    heading = property(lambda self: _("Slet punkt %(number)d") % {"number": self.object.number})
    button = property(lambda self: _("Slet punktet"))

    def text(self):
        return _(
            "Punktet »%(title)s« slettes med dets bilag, kommentarer og en eventuel udtalelse. "
            "De øvrige punkter får nye numre. Det kan ikke fortrydes."
        ) % {"title": self.object.title}

    def act(self):
        meeting = self.object.meeting
        services.delete_item(item=self.object)
        messages.success(self.request, _("Punktet er slettet."))
        return redirect(meeting)


class ItemMoveView(ItemMixin, AgendaLockMixin, GuardedObjectMixin, View):
    permission_required = "councils.change_agendaitem"

    def get(self, request, *args, **kwargs):
        return HttpResponseNotAllowed(["POST"])

    def post(self, request, *args, **kwargs):
        direction = request.POST.get("direction")
        if direction not in ("up", "down"):
            messages.error(request, _("Vælg om punktet skal flyttes op eller ned."))
        else:
            services.move_item(item=self.object, direction=direction)
        return redirect(self.back_url())


class AttachmentCreateView(ItemMixin, AgendaLockMixin, GuardedObjectMixin, FormView):
    permission_required = "councils.add_attachment"
    template_name = "councils/attachment_form.html"
    form_class = AttachmentForm

    def form_valid(self, form):
        attachment = form.save(commit=False)
        attachment.item = self.object
        services.add_attachment(
            attachment=attachment, upload=form.cleaned_data["file"], user=self.request.user
        )
        messages.success(self.request, _("Bilaget er vedhæftet."))
        return redirect(self.back_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(item=self.object, **kwargs)


@method_decorator(access_logged(Action.DOWNLOAD, Attachment), name="dispatch")
class AttachmentDownloadView(GuardedObjectMixin, View):
    """Bilag are only ever served here, after visible_to has said yes."""

    model = Attachment
    permission_required = "councils.view_attachment"

    def get(self, request, *args, **kwargs):
        attachment = self.object
        # An agenda's PDF opens in the browser: a member on a phone reads it at once.
        return protected_file_response(
            attachment.file, download_name=attachment.filename, inline="pdf"
        )


class AttachmentDeleteView(AgendaLockMixin, ConfirmView):
    model = Attachment
    permission_required = "councils.delete_attachment"
    heading = property(lambda self: _("Slet bilag"))
    button = property(lambda self: _("Slet bilaget"))

    def get_queryset(self):
        return super().get_queryset().select_related("item__meeting__council")

    def cancel_url(self):
        return self.object.item.get_absolute_url()

    def text(self):
        return _("Bilaget »%(name)s« slettes fra punktet. Det kan ikke fortrydes.") % {
            "name": self.object
        }

    def act(self):
        back = self.cancel_url()
        services.delete_attachment(attachment=self.object)
        messages.success(self.request, _("Bilaget er slettet."))
        return redirect(back)


class StatementView(ItemMixin, AgendaLockMixin, GuardedObjectMixin, FormView):
    """The secretary records the council's statement (udtalelse) on a høring or budget item."""

    permission_required = "councils.record_statement"
    template_name = "councils/statement_form.html"
    form_class = StatementForm

    def get_form_kwargs(self):
        item = self.object
        statement = Statement.objects.filter(item=item).first() or Statement(item=item)
        return {**super().get_form_kwargs(), "instance": statement}

    def get_initial(self):
        item = self.object
        return {"first_put_on": item.first_put_on or timezone.localdate(item.meeting.starts_at)}

    def form_valid(self, form):
        statement = form.save(commit=False)
        statement.item = self.object
        services.record_statement(
            statement=statement,
            first_put_on=form.cleaned_data["first_put_on"],
            user=self.request.user,
        )
        messages.success(self.request, _("Rådets udtalelse er gemt."))
        return redirect(self.back_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(item=self.object, **kwargs)


class ResponseView(ItemMixin, GuardedObjectMixin, FormView):
    """An administrator records the administration's answer to the council's statement."""

    permission_required = "councils.record_response"
    template_name = "councils/response_form.html"
    form_class = ResponseForm

    def get_queryset(self):
        return super().get_queryset().select_related("statement")

    def get_form_kwargs(self):
        statement = self.object.statement
        response = Response.objects.filter(statement=statement).first() or Response(
            statement=statement
        )
        return {**super().get_form_kwargs(), "instance": response, "statement": statement}

    def form_valid(self, form):
        response = form.save(commit=False)
        response.statement = self.object.statement
        services.record_response(response=response, user=self.request.user)
        messages.success(self.request, _("Forvaltningens svar er gemt."))
        return redirect(self.back_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(item=self.object, statement=self.object.statement, **kwargs)
