import factory

from accounts.models import User
from tests.factories import BuilderFactory

TEST_PASSWORD = "test-password-123"  # noqa: S105


class UserFactory(BuilderFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@test.example")
    full_name = factory.Faker("name", locale="da_DK")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def _save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class AdministratorFactory(UserFactory):
    is_administrator = True
