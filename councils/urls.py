from django.urls import path

from councils.views import calendar, comments, councils, items, meetings

app_name = "councils"

urlpatterns = [
    path("", councils.council_list, name="list"),
    path("<int:pk>/", councils.CouncilDetailView.as_view(), name="detail"),
    path(
        "<int:pk>/offentlig-visning/",
        councils.ListingConsentView.as_view(),
        name="listing_consent",
    ),
    path("<int:pk>/kalender.ics", calendar.council_feed, name="council_feed"),
    path("<int:pk>/moede/nyt/", meetings.MeetingCreateView.as_view(), name="meeting_create"),
    path("moede/<int:pk>/", meetings.MeetingDetailView.as_view(), name="meeting_detail"),
    path("moede/<int:pk>/rediger/", meetings.MeetingEditView.as_view(), name="meeting_edit"),
    path(
        "moede/<int:pk>/offentliggoer/",
        meetings.PublishAgendaView.as_view(),
        name="meeting_publish",
    ),
    path("moede/<int:pk>/afholdt/", meetings.MarkHeldView.as_view(), name="meeting_held"),
    path("moede/<int:pk>/referat/", meetings.MinutesView.as_view(), name="meeting_minutes"),
    path("moede/<int:pk>/fremmoede/", meetings.AttendanceView.as_view(), name="meeting_attendance"),
    path("moede/<int:pk>/punkt/nyt/", items.ItemCreateView.as_view(), name="item_create"),
    path("punkt/<int:pk>/rediger/", items.ItemEditView.as_view(), name="item_edit"),
    path("punkt/<int:pk>/slet/", items.ItemDeleteView.as_view(), name="item_delete"),
    path("punkt/<int:pk>/flyt/", items.ItemMoveView.as_view(), name="item_move"),
    path(
        "punkt/<int:pk>/bilag/nyt/", items.AttachmentCreateView.as_view(), name="attachment_create"
    ),
    path("punkt/<int:pk>/udtalelse/", items.StatementView.as_view(), name="statement"),
    path("punkt/<int:pk>/svar/", items.ResponseView.as_view(), name="response"),
    path("punkt/<int:pk>/kommentar/", comments.CommentCreateView.as_view(), name="comment_create"),
    path("bilag/<int:pk>/", items.AttachmentDownloadView.as_view(), name="attachment_download"),
    path("bilag/<int:pk>/slet/", items.AttachmentDeleteView.as_view(), name="attachment_delete"),
    path("kommentar/<int:pk>/rediger/", comments.CommentEditView.as_view(), name="comment_edit"),
    path("kommentar/<int:pk>/skjul/", comments.CommentHideView.as_view(), name="comment_hide"),
    path(
        "kommentar/<int:pk>/skjult-tekst/",
        comments.CommentHiddenTextView.as_view(),
        name="comment_hidden_text",
    ),
    path("kalender/", calendar.calendar_settings, name="calendar"),
    path("kalender/<str:token>.ics", calendar.member_feed, name="member_feed"),
]
