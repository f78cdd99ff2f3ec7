from django.db import migrations

# The five focus areas of Socialforvaltningen's status note (seed 000).
FOCUS_AREAS = [
    (1, "Voksne med særlige behov"),
    (2, "Børnefamilier med særlige behov"),
    (3, "Misbrugere og hjemløse"),
    (4, "Handicappede"),
    (5, "Tværgående tiltag"),
]


def create_focus_areas(apps, schema_editor):
    FocusArea = apps.get_model("organisation", "FocusArea")
    for number, name in FOCUS_AREAS:
        FocusArea.objects.get_or_create(number=number, defaults={"name": name})


def remove_focus_areas(apps, schema_editor):
    FocusArea = apps.get_model("organisation", "FocusArea")
    FocusArea.objects.filter(name__in=[name for _, name in FOCUS_AREAS]).delete()


class Migration(migrations.Migration):
    dependencies = [("organisation", "0001_initial")]

    operations = [migrations.RunPython(create_focus_areas, remove_focus_areas)]
