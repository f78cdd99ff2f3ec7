from django.urls import path

from policies.views import goals, overview, policies, updates

app_name = "policies"

urlpatterns = [
    path("", policies.PolicyListView.as_view(), name="policy_list"),
    path("ny/", policies.PolicyCreateView.as_view(), name="policy_create"),
    path("<int:pk>/", policies.PolicyDetailView.as_view(), name="policy_detail"),
    path("version/<int:pk>/", policies.VersionDetailView.as_view(), name="version_detail"),
    path("version/<int:pk>/rediger/", policies.VersionEditView.as_view(), name="version_edit"),
    path("version/<int:pk>/vedtag/", policies.VersionAdoptView.as_view(), name="version_adopt"),
    path(
        "version/<int:pk>/arkiver/",
        policies.VersionArchiveView.as_view(),
        name="version_archive",
    ),
    path(
        "version/<int:pk>/ny-version/",
        policies.VersionReviseView.as_view(),
        name="version_revise",
    ),
    path("maal/", goals.GoalListView.as_view(), name="goal_list"),
    path("maal/ny/", goals.GoalCreateView.as_view(), name="goal_create"),
    path("maal/eksport.csv", goals.goal_export, name="goal_export"),
    path("maal/oversigt/", overview.overview, name="overview"),
    path("maal/<int:pk>/", goals.GoalDetailView.as_view(), name="goal_detail"),
    path("maal/<int:pk>/rediger/", goals.GoalEditView.as_view(), name="goal_edit"),
    path("maal/<int:pk>/slet/", goals.GoalDeleteView.as_view(), name="goal_delete"),
    path("maal/<int:pk>/opfoelgning/ny/", updates.UpdateCreateView.as_view(), name="update_create"),
    path("opfoelgning/<int:pk>/", updates.UpdateDetailView.as_view(), name="update_detail"),
    path("opfoelgning/<int:pk>/rediger/", updates.UpdateEditView.as_view(), name="update_edit"),
    path("opfoelgning/<int:pk>/slet/", updates.UpdateDeleteView.as_view(), name="update_delete"),
    path("bilag/<int:pk>/", updates.AttachmentDownloadView.as_view(), name="attachment_download"),
    path("bilag/<int:pk>/slet/", updates.AttachmentDeleteView.as_view(), name="attachment_delete"),
]
