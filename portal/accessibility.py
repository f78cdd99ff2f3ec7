"""The accessibility statement's settings (tilgængelighedserklæring / tilgjengelighetserklæring).

Read from the environment by ``portal/settings.py``; a statement that would claim full
compliance while known issues are listed stops the start, and the view never shows such a
claim either (``effective_compliance``).
"""

import datetime

from django.core.exceptions import ImproperlyConfigured

COUNTRIES = {
    # The national tool a public body makes its statement with, and the complaint body.
    "dk": {
        "tool_name": "WAS-værktøjet (Digitaliseringsstyrelsen)",
        "tool_url": "https://www.was.digst.dk/",
        "complaint_body": "Digitaliseringsstyrelsen",
        "complaint_url": "https://digst.dk/digital-service/webtilgaengelighed/klage/",
    },
    "no": {
        "tool_name": "uustatus.no (Tilsynet for universell utforming av ikt)",
        "tool_url": "https://uustatus.no/",
        "complaint_body": "Tilsynet for universell utforming av ikt",
        "complaint_url": "https://www.uutilsynet.no/",
    },
}
COMPLIANCE = ("full", "partial", "none")


def read_statement_settings(env) -> dict:
    """The statement's settings from ``env`` (a mapping like ``os.environ``)."""
    country = env.get("PORTAL_A11Y_COUNTRY", "dk").strip().lower()
    if country not in COUNTRIES:
        raise ImproperlyConfigured(f"PORTAL_A11Y_COUNTRY must be dk or no, not {country!r}.")
    compliance = env.get("PORTAL_A11Y_COMPLIANCE", "partial").strip().lower()
    if compliance not in COMPLIANCE:
        raise ImproperlyConfigured(
            f"PORTAL_A11Y_COMPLIANCE must be full, partial or none, not {compliance!r}."
        )
    raw_issues = env.get("PORTAL_A11Y_KNOWN_ISSUES")
    # Unset: the portal's own known issues (translated, in the template). Set: the
    # municipality's list, separated by "|"; set to nothing: no known issues.
    issues = None if raw_issues is None else [i.strip() for i in raw_issues.split("|") if i.strip()]
    has_issues = issues is None or bool(issues)
    if compliance == "full" and has_issues:
        raise ImproperlyConfigured(
            "PORTAL_A11Y_COMPLIANCE is full, but known accessibility issues are listed "
            "(PORTAL_A11Y_KNOWN_ISSUES; unset means the portal's own list). A statement must "
            "not claim full compliance while it lists issues: set partial, or empty the list."
        )
    raw_date = env.get("PORTAL_A11Y_STATEMENT_DATE", "").strip()
    try:
        date = datetime.date.fromisoformat(raw_date) if raw_date else None
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"PORTAL_A11Y_STATEMENT_DATE must be a date like 2026-10-16, not {raw_date!r}."
        ) from exc
    return {
        "country": country,
        "compliance": compliance,
        "known_issues": issues,
        "contact_email": env.get("PORTAL_A11Y_CONTACT_EMAIL", "").strip(),
        "date": date,
        "national_statement_url": env.get("PORTAL_A11Y_STATEMENT_URL", "").strip(),
        **COUNTRIES[country],
    }


def effective_compliance(statement: dict) -> str:
    """Never 'full' while issues are listed, whatever the settings say."""
    has_issues = statement["known_issues"] is None or bool(statement["known_issues"])
    if statement["compliance"] == "full" and has_issues:
        return "partial"
    return statement["compliance"]
