from django.db import migrations, models


def fail_duplicate_active(apps, schema_editor):
    """Before the constraint: of several active renditions of one report keep the newest."""
    Rendition = apps.get_model("reports", "Rendition")
    seen = set()
    active = Rendition.objects.filter(status__in=["queued", "rendering"]).order_by(
        "-queued_at", "-pk"
    )
    for rendition in active:
        if rendition.report_id in seen:
            Rendition.objects.filter(pk=rendition.pk).update(
                status="failed", error="Erstattet af en nyere PDF-udgave."
            )
        seen.add(rendition.report_id)


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_protected_records")]

    operations = [
        migrations.AddField(
            model_name="rendition",
            name="heartbeat_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(fail_duplicate_active, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="rendition",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status__in", ("queued", "rendering"))),
                fields=("report",),
                name="one_active_rendition_per_report",
            ),
        ),
    ]
