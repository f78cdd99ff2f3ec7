from celery import shared_task


@shared_task(name="privacy.apply_retention")
def apply_retention_task():
    from privacy.retention import apply_retention

    return apply_retention()
