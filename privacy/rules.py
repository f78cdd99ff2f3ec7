import rules

from accounts.rules import is_administrator

rules.add_perm("privacy.pseudonymise_user", is_administrator)
rules.add_perm("privacy.purge_history", is_administrator)
rules.add_perm("privacy.export_person", is_administrator)
