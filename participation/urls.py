from django.urls import path

from participation import views

app_name = "participation"

urlpatterns = [
    path("moede/<int:pk>/svar/", views.AnswerView.as_view(), name="answer"),
    path("moede/<int:pk>/fremmoede/", views.OverviewView.as_view(), name="overview"),
    path("moede/<int:pk>/stoette/", views.SupportListView.as_view(), name="support_list"),
    path("moede/<int:pk>/aflys/", views.CancelMeetingView.as_view(), name="cancel"),
]
