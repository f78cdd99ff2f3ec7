"""What a browser would post back from a Django admin change form, read from the page itself.

Tests of "the admin refuses a change" post the whole form as the page offers it (inline
management forms included) with a few fields changed, so that the same request would be
saved if the server did not refuse it.
"""

from html.parser import HTMLParser

from django.urls import reverse


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_form = False
        self.data = {}
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("id") or "").endswith("_form"):
            self.in_form = True
        if not self.in_form or not attrs.get("name") and tag != "option":
            return
        name = attrs.get("name")
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._add(name, attrs.get("value", "on"))
                return
            self._add(name, attrs.get("value", ""))
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self._add(self._select, attrs.get("value", ""))
        elif tag == "textarea":
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            # The newline right after <textarea> is not part of the value.
            self.data[self._textarea] += data.removeprefix("\n")

    def _add(self, name, value):
        if name in self.data:
            current = self.data[name]
            self.data[name] = [*current, value] if isinstance(current, list) else [current, value]
        else:
            self.data[name] = value


def form_data(client, url, **changes):
    """The change form at ``url`` as the admin offers it, with ``changes`` applied."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    parser = _FormParser()
    parser.feed(response.content.decode())
    parser.data.pop("csrfmiddlewaretoken", None)
    return {**parser.data, **changes}


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def delete_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[obj.pk])


def changelist_url(model):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")


def delete_selected(client, objs):
    """The changelist's "delete selected" action, confirmed."""
    model = type(objs[0])
    return client.post(
        changelist_url(model),
        {
            "action": "delete_selected",
            "_selected_action": [obj.pk for obj in objs],
            "post": "yes",
        },
    )
