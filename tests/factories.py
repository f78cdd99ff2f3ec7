"""The base of every model factory: rows are made by the model's builder (core/builders.py).

So the demo, the volume generator and the tests share one way to make a row and its
defaults; a factory declares only what a test needs beyond them (sequences for unique
names, sub-factories for related rows, test wording).
"""

import factory

from core.builders import builder_for


class BuilderFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        builder = builder_for(model_class) or model_class
        return builder(*args, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if cls._meta.django_get_or_create:
            return cls._get_or_create(model_class, *args, **kwargs)
        instance = cls._build(model_class, *args, **kwargs)
        instance.save(force_insert=True, using=cls._get_manager(model_class).db)
        return instance
