from django import template

from policies.models import LEVEL_DEFINITIONS

register = template.Library()


@register.filter
def level_definition(code):
    """The ladder definition of a level code (seed 001)."""
    return LEVEL_DEFINITIONS.get(code, "")
