"""Token bytes -> text, with stop strings matched across token boundaries and never emitted."""

from __future__ import annotations

import codecs


class TextAssembler:
    """Turns a stream of token byte pieces into safe-to-emit text.

    Holds back (1) an incomplete UTF-8 sequence and (2) any tail that could still grow into a stop
    string. `push` returns (text to emit now, stopped?). After a stop, nothing more is emitted.
    """

    def __init__(self, stop: tuple[str, ...] = ()) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._stop = tuple(s for s in stop if s)
        self._pending = ""
        self.stopped = False
        self.matched: str | None = None  # the stop string that ended generation

    def push(self, piece: bytes) -> str:
        if self.stopped:
            return ""
        text = self._decoder.decode(piece)
        if not self._stop:
            return text
        self._pending += text
        return self._release()

    def flush(self) -> str:
        """End of generation: emit whatever was held back (it cannot become a stop string anymore)."""
        if self.stopped:
            return ""
        # An incomplete UTF-8 sequence at the very end (generation cut mid-character) is dropped,
        # not turned into U+FFFD.
        self._decoder.reset()
        rest = self._pending
        self._pending = ""
        return rest

    def _release(self) -> str:
        pending = self._pending
        first = -1
        for s in self._stop:
            i = pending.find(s)
            if i != -1 and (first == -1 or i < first):
                first, self.matched = i, s
        if first != -1:
            self.stopped = True
            self._pending = ""
            return pending[:first]
        keep = 0
        for s in self._stop:  # longest suffix of pending that is a proper prefix of a stop string
            for k in range(min(len(s) - 1, len(pending)), keep, -1):
                if pending.endswith(s[:k]):
                    keep = k
                    break
        if keep:
            self._pending = pending[-keep:]
            return pending[:-keep]
        self._pending = ""
        return pending
