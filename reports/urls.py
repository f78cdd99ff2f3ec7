from django.urls import path

from reports.views import manage, public, rendering

app_name = "reports"

urlpatterns = [
    path("", public.archive, name="archive"),
    path("<int:pk>/", public.published_detail, name="published_detail"),
    path("pdf/<int:pk>/", public.rendition_pdf, name="rendition_pdf"),
    path("bilag/<int:pk>/fil/", public.attachment_file, name="attachment_file"),
    path("administrer/", manage.manage_list, name="manage_list"),
    path("administrer/ny/", manage.create, name="create"),
    path("administrer/<int:pk>/", manage.manage, name="manage"),
    path("administrer/<int:pk>/rediger/", manage.edit, name="edit"),
    path("administrer/<int:pk>/fokusomraader/", manage.narratives, name="narratives"),
    path("administrer/<int:pk>/bilag/ny/", manage.attachment_add, name="attachment_add"),
    path("administrer/bilag/<int:pk>/rediger/", manage.attachment_edit, name="attachment_edit"),
    path("administrer/bilag/<int:pk>/slet/", manage.attachment_delete, name="attachment_delete"),
    path("administrer/<int:pk>/forhaandsvisning/", rendering.preview, name="preview"),
    path("administrer/<int:pk>/generer-pdf/", rendering.render_pdf, name="render"),
    path("administrer/pdf/<int:pk>/status/", rendering.rendition_status, name="rendition_status"),
    path("administrer/<int:pk>/offentliggoer/", rendering.publish, name="publish"),
    path("administrer/<int:pk>/ny-version/", rendering.new_version, name="new_version"),
]
