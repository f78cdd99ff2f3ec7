from django.core.paginator import Paginator
from django.shortcuts import render

from search.engine import CANDIDATES, MAX_QUERY_LENGTH, PAGE_SIZE, Filters, Search, clean_query
from search.forms import NEWEST, SearchForm


def results(request):
    """The results page: everything the visitor may see, matching the words in ``q``."""
    form = SearchForm(request.GET)
    form.is_valid()  # Invalid filters are shown with their message and left out.
    text, truncated = clean_query(request.GET.get("q"))
    search = Search(
        request.user,
        text,
        Filters(
            kind=form.value("type"),
            council=form.value("raad"),
            unit=form.value("enhed"),
            year=form.value("aar"),
            by_date=form.value("sorter") == NEWEST,
        ),
    )
    found = search.results()
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page")) if text else None
    return render(
        request,
        "search/results.html",
        {
            "form": form,
            "query": text,
            "truncated": truncated,
            "max_length": MAX_QUERY_LENGTH,
            "has_words": bool(search.terms),
            "page_obj": page,
            "used_parts": search.used_parts,
            "capped": found.capped,
            "timed_out": search.timed_out,
            "candidates": CANDIDATES,
        },
    )
