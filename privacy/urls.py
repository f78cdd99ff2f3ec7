from django.urls import path

from privacy.views import history, pages, pseudonymise

app_name = "privacy"

urlpatterns = [
    path("", pages.notice, name="notice"),
    path("mine-data/", pages.my_data, name="my_data"),
    path("mine-data/hent/", pages.my_data_download, name="my_data_download"),
    path("anonymiser/<int:pk>/", pseudonymise.PseudonymiseView.as_view(), name="pseudonymise"),
    path(
        "historik/<int:ct>/<str:object_id>/",
        history.HistoryEntriesView.as_view(),
        name="history_entries",
    ),
    path(
        "historik/<int:ct>/<str:object_id>/<int:history_id>/fjern/",
        history.HistoryPurgeView.as_view(),
        name="history_purge",
    ),
]
