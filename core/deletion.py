"""``on_delete`` for rows that become a record: protected once approved, otherwise as before."""

from django.db.models import CASCADE, ProtectedError
from django.utils.deconstruct import deconstructible


@deconstructible(path="core.deletion.ProtectWhen")
class ProtectWhen:
    """PROTECT the referencing rows that match ``lookup``; ``otherwise`` (CASCADE, SET_NULL…)
    for the rest.

    Deleting a user must not rewrite approved minutes (an attendance row cascading away
    with the member's seat), but a user who appears in no record can still be deleted.
    The admin's delete page lists the protected rows, as for a plain PROTECT.
    """

    def __init__(self, otherwise=CASCADE, **lookup):
        self.otherwise = otherwise
        self.lookup = lookup

    def __call__(self, collector, field, sub_objs, using):
        protected = list(sub_objs.filter(**self.lookup))
        if protected:
            raise ProtectedError(
                f"Cannot delete some instances of model {field.remote_field.model.__name__!r} "
                f"because {field.model.__name__}.{field.name} of an approved record refers to "
                "them.",
                set(protected),
            )
        self.otherwise(collector, field, sub_objs, using)

    def __eq__(self, other):
        return (
            isinstance(other, ProtectWhen)
            and self.otherwise is other.otherwise
            and self.lookup == other.lookup
        )

    def __hash__(self):
        return hash((self.otherwise, tuple(sorted(self.lookup.items()))))
