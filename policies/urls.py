from django.urls import path

from policies.views import goals, overview, policies, updates

app_name = "policies"

urlpatterns = [
    path("", policies.policy_list, name="policy_list"),
    path("ny/", policies.policy_create, name="policy_create"),
    path("<int:pk>/", policies.policy_detail, name="policy_detail"),
    path("version/<int:pk>/", policies.version_detail, name="version_detail"),
    path("version/<int:pk>/rediger/", policies.version_edit, name="version_edit"),
    path("version/<int:pk>/vedtag/", policies.version_adopt, name="version_adopt"),
    path("version/<int:pk>/arkiver/", policies.version_archive, name="version_archive"),
    path("version/<int:pk>/ny-version/", policies.version_revise, name="version_revise"),
    path("maal/", goals.goal_list, name="goal_list"),
    path("maal/ny/", goals.goal_create, name="goal_create"),
    path("maal/eksport.csv", goals.goal_export, name="goal_export"),
    path("maal/oversigt/", overview.overview, name="overview"),
    path("maal/<int:pk>/", goals.goal_detail, name="goal_detail"),
    path("maal/<int:pk>/rediger/", goals.goal_edit, name="goal_edit"),
    path("maal/<int:pk>/slet/", goals.goal_delete, name="goal_delete"),
    path("maal/<int:pk>/opfoelgning/ny/", updates.update_create, name="update_create"),
    path("opfoelgning/<int:pk>/", updates.update_detail, name="update_detail"),
    path("opfoelgning/<int:pk>/rediger/", updates.update_edit, name="update_edit"),
    path("opfoelgning/<int:pk>/slet/", updates.update_delete, name="update_delete"),
    path("bilag/<int:pk>/", updates.attachment_download, name="attachment_download"),
    path("bilag/<int:pk>/slet/", updates.attachment_delete, name="attachment_delete"),
]
