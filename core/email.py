"""One helper for every e-mail the portal sends.

A message is a template set: ``<prefix>_subject.txt``, ``<prefix>.txt`` and
``<prefix>.html``, rendered in the language active when it is called. It is built by an
outbox kind's builder (``outbox.registry``) when the outbox sends it; nothing sends directly,
so no e-mail is lost when the broker or the mail server is down.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def build_templated_mail(prefix: str, context: dict, to: list[str]) -> EmailMultiAlternatives:
    context = {"PORTAL_MUNICIPALITY": settings.PORTAL_MUNICIPALITY, **context}
    subject = " ".join(render_to_string(f"{prefix}_subject.txt", context).split())
    text = render_to_string(f"{prefix}.txt", context)
    html = render_to_string(f"{prefix}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, to)
    message.attach_alternative(html, "text/html")
    return message


def absolute_url(path: str) -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + path
