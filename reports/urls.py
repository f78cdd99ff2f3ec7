from django.urls import path

from reports.views import manage, public, rendering

app_name = "reports"

urlpatterns = [
    path("", public.archive, name="archive"),
    path("<int:pk>/", public.PublishedDetailView.as_view(), name="published_detail"),
    path("pdf/<int:pk>/", public.RenditionPdfView.as_view(), name="rendition_pdf"),
    path("bilag/<int:pk>/fil/", public.AttachmentFileView.as_view(), name="attachment_file"),
    path("administrer/", manage.ManageListView.as_view(), name="manage_list"),
    path("administrer/ny/", manage.CreateView.as_view(), name="create"),
    path("administrer/<int:pk>/", manage.ManageView.as_view(), name="manage"),
    path("administrer/<int:pk>/rediger/", manage.EditView.as_view(), name="edit"),
    path("administrer/<int:pk>/fokusomraader/", manage.NarrativesView.as_view(), name="narratives"),
    path(
        "administrer/<int:pk>/bilag/ny/", manage.AttachmentAddView.as_view(), name="attachment_add"
    ),
    path(
        "administrer/bilag/<int:pk>/rediger/",
        manage.AttachmentEditView.as_view(),
        name="attachment_edit",
    ),
    path(
        "administrer/bilag/<int:pk>/slet/",
        manage.AttachmentDeleteView.as_view(),
        name="attachment_delete",
    ),
    path("administrer/<int:pk>/forhaandsvisning/", rendering.PreviewView.as_view(), name="preview"),
    path("administrer/<int:pk>/generer-pdf/", rendering.RenderView.as_view(), name="render"),
    path(
        "administrer/pdf/<int:pk>/status/",
        rendering.RenditionStatusView.as_view(),
        name="rendition_status",
    ),
    path("administrer/<int:pk>/offentliggoer/", rendering.PublishView.as_view(), name="publish"),
    path(
        "administrer/<int:pk>/ny-version/", rendering.NewVersionView.as_view(), name="new_version"
    ),
]
