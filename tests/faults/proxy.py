"""A TCP proxy for fault-injection tests: put it between the portal and PostgreSQL or Redis.

    with FaultProxy(("127.0.0.1", 5432)) as proxy:
        url = f"postgres://postgres@127.0.0.1:{proxy.port}/db"
        proxy.refuse()   # new connections are closed at once; open ones are cut
        proxy.hang()     # new connections are accepted but get no answer; open ones pause
        proxy.resume()   # back to passing bytes both ways (paused connections continue)

Threads only, no dependencies. It listens on 127.0.0.1 on a random free port. ``close()``
(or leaving the ``with`` block) cuts every connection, so a client stuck in a hung read is
freed when a test gives up on it instead of blocking the suite.
"""

import contextlib
import select
import socket
import threading

PASS, REFUSE, HANG = "pass", "refuse", "hang"


class FaultProxy:
    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.mode = PASS
        self.accepted = 0
        self._changed = threading.Condition()
        self._closed = False
        self._sockets: set[socket.socket] = set()
        self._listener = socket.create_server(("127.0.0.1", 0), backlog=64)
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept_loop, daemon=True, name="fault-proxy").start()

    # Modes -----------------------------------------------------------------------------
    def _set(self, mode):
        with self._changed:
            self.mode = mode
            self._changed.notify_all()

    def resume(self):
        self._set(PASS)

    def refuse(self):
        self._set(REFUSE)
        self._cut_all()

    def hang(self):
        self._set(HANG)

    def close(self):
        with self._changed:
            self._closed = True
            self._changed.notify_all()
        self._listener.close()
        self._cut_all()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # Plumbing --------------------------------------------------------------------------
    def _track(self, sock):
        with self._changed:
            self._sockets.add(sock)

    def _cut_all(self):
        with self._changed:
            sockets, self._sockets = self._sockets, set()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _accept_loop(self):
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # closed
            self.accepted += 1
            if self.mode == REFUSE:
                client.close()
                continue
            self._track(client)
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _wait_while_hung(self) -> bool:
        """Blocks while the proxy hangs; False once the connection must end."""
        with self._changed:
            while self.mode == HANG and not self._closed:
                self._changed.wait(0.1)
            return not self._closed and self.mode == PASS

    def _serve(self, client):
        # A connection accepted while hanging is never forwarded until resumed.
        if not self._wait_while_hung():
            client.close()
            return
        try:
            upstream = socket.create_connection(self.target, timeout=5)
        except OSError:
            client.close()
            return
        upstream.settimeout(None)
        self._track(upstream)
        pair = {client: upstream, upstream: client}
        try:
            while True:
                try:
                    readable, _, _ = select.select(list(pair), [], [], 0.1)
                except (OSError, ValueError):
                    return
                if self.mode != PASS and not self._wait_while_hung():
                    return
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    pair[sock].sendall(data)
        except OSError:
            return
        finally:
            for sock in (client, upstream):
                with contextlib.suppress(OSError):
                    sock.close()
