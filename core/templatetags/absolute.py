"""``{% absolute_url "name" %}``: a full address for e-mails, from PORTAL_BASE_URL."""

from django import template
from django.urls import reverse

from core.email import absolute_url as _absolute

register = template.Library()


@register.simple_tag
def absolute_url(url_name, *args):
    return _absolute(reverse(url_name, args=args))
