"""The portal's one way to write dates: the language's DATE_FORMAT ('16. oktober 2026' in
Danish and Norwegian), with the time as 'kl. 14:00'. Templates use the ``portal_date`` and
``portal_datetime`` filters (``{% load portal %}``) instead of format strings of their own."""

import datetime

from django.utils import timezone
from django.utils.dateformat import format as dateformat
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def format_date(value, *, weekday=False) -> str:
    if value in (None, ""):
        return ""
    value = _local(value)
    text = date_format(value, "DATE_FORMAT")
    if weekday:
        # Translators: a weekday before a date, e.g. "fredag 16. oktober 2026".
        text = gettext("%(weekday)s %(date)s") % {"weekday": dateformat(value, "l"), "date": text}
    return text


def format_datetime(value, *, weekday=False) -> str:
    if value in (None, ""):
        return ""
    value = _local(value)
    # Translators: a date and a time, e.g. "16. oktober 2026 kl. 14:00".
    return gettext("%(date)s kl. %(time)s") % {
        "date": format_date(value, weekday=weekday),
        "time": time_format(value, "TIME_FORMAT"),
    }
