"""Talking to careerplan on a pseudo-terminal: wait for a prompt, then read what is left."""
import os
import select


def read_rest(fd, timeout=30):
    """Everything still written to the terminal `fd` until the program closes it (or `timeout`
    seconds pass with nothing written)."""
    out = b""
    while True:
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    return out


class Transcript:
    """What the program on terminal `fd` writes, read up to each marker in turn."""

    def __init__(self, fd, timeout=30):
        self.fd = fd
        self.timeout = timeout
        self.pending = b""

    def until(self, marker):
        """The text written up to and including `marker`; an AssertionError with the transcript when
        it does not come within the timeout."""
        while marker not in self.pending:
            ready, _, _ = select.select([self.fd], [], [], self.timeout)
            if not ready:
                raise AssertionError(f"no {marker!r} within {self.timeout} s: {self.pending.decode(errors='replace')}")
            self.pending += os.read(self.fd, 65536)
        at = self.pending.index(marker) + len(marker)
        seen, self.pending = self.pending[:at], self.pending[at:]
        return seen.decode()
