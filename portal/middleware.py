class DanishUnlessChosenMiddleware:
    """Shows Danish unless the visitor chose another language with the switcher.

    The browser's Accept-Language is ignored: a municipal site speaks Danish by
    default, and the nb/en choice is remembered in the language cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
