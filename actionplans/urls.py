from django.urls import path, register_converter

from actionplans.views import initiatives, plans


class LetterConverter:
    regex = "[A-Z]{1,3}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(LetterConverter, "initiative_letter")

app_name = "actionplans"

initiative = "<int:pk>/initiativer/<initiative_letter:letter>/"

urlpatterns = [
    path("", plans.PlanListView.as_view(), name="plan_list"),
    path("ny/", plans.PlanCreateView.as_view(), name="plan_create"),
    path("<int:pk>/", plans.PlanDetailView.as_view(), name="plan_detail"),
    path("<int:pk>/rediger/", plans.PlanUpdateView.as_view(), name="plan_update"),
    path("<int:pk>/slet/", plans.PlanDeleteView.as_view(), name="plan_delete"),
    path("<int:pk>/indstil/", plans.PlanSubmitView.as_view(), name="plan_submit"),
    path("<int:pk>/beslutning/", plans.PlanDecisionView.as_view(), name="plan_decision"),
    path("<int:pk>/initiativer.csv", plans.PlanCsvView.as_view(), name="plan_csv"),
    path(
        "<int:pk>/initiativer/ny/",
        initiatives.InitiativeCreateView.as_view(),
        name="initiative_create",
    ),
    path(initiative, initiatives.InitiativeDetailView.as_view(), name="initiative_detail"),
    path(
        initiative + "rediger/",
        initiatives.InitiativeUpdateView.as_view(),
        name="initiative_update",
    ),
    path(
        initiative + "slet/",
        initiatives.InitiativeDeleteView.as_view(),
        name="initiative_delete",
    ),
    path(
        initiative + "opfoelgning/",
        initiatives.ProgressUpdateCreateView.as_view(),
        name="initiative_progress",
    ),
]
