from django import forms

from accounts.models import User


class AdminUserCreationForm(forms.ModelForm):
    """Creates an appointed user without a password; the invitation sets it."""

    class Meta:
        model = User
        fields = ["email", "full_name", "is_administrator"]

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_unusable_password()
        if commit:
            user.save()
        return user
