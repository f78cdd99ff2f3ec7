from django import template

from actionplans.money import format_kroner

register = template.Library()


@register.filter
def kroner(value):
    """An exact amount in Danish format: 100.000 kr., 100.000,50 kr."""
    return format_kroner(value)
