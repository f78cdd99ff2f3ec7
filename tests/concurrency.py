"""Two requests at the same instant, as two browser tabs or a double click send them."""

import threading

from django.db import connection


def at_once(action, times=2) -> list:
    """Runs ``action()`` in ``times`` threads released together; returns what each returned.

    Each thread has its own database connection (closed at the end). A thread that raises
    returns nothing, so ``len(result) < times`` shows it.
    """
    results, barrier = [], threading.Barrier(times)

    def run():
        barrier.wait()
        try:
            results.append(action())
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
