"""Live reload: watch the pack folder and hand the counter the cards as they are now.

Editors save in odd ways (write in place, or write a temp file and rename it over the card), and a
half-typed card may be saved broken. The watcher re-reads the pack after every burst of changes
and keeps the last good version of a card that broke (:func:`keep_last_good`). Nothing it does
may raise into Qt's event loop: a failure is reported like a problem of the pack.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from pos_coach.cards.files import language_dirs
from pos_coach.cards.merge import keep_last_good
from pos_coach.cards.model import Card, LoadResult, Pack
from pos_coach.cards.problems import Problem
from pos_coach.counter import OpenCard

DEBOUNCE_MS = 150


@dataclass
class Reload:
    """One reload: what was loaded, the pack to show, and the ids kept from before."""

    result: LoadResult
    pack: Pack
    kept: list[str] = field(default_factory=list)


class PackWatcher(QObject):
    """Watches a pack folder; emits :attr:`reloaded` with a :class:`Reload` after changes."""

    reloaded = Signal(object)

    def __init__(
        self,
        root: Path,
        lang: str,
        pack: Pack | None = None,
        parent: QObject | None = None,
        delay_ms: int = DEBOUNCE_MS,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.root = Path(root)
        self.data_dir = data_dir  # where the pack cache is kept up to date, if anywhere
        self.lang = lang
        self.pack = pack
        self.last: Reload | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._changed)
        self._watcher.directoryChanged.connect(self._changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._reload_quietly)
        self._rewatch()

    def watched(self) -> list[str]:
        """The folders and files watched right now."""
        return [*self._watcher.directories(), *self._watcher.files()]

    def reload_now(self) -> Reload:
        """Reload at once (the editor calls this right after saving); emits and returns it."""
        self._timer.stop()
        reload = self._reload()
        self.reloaded.emit(reload)
        return reload

    # -- internals ---------------------------------------------------------------------------
    def _changed(self, _path: str) -> None:
        self._timer.start()  # restarted by every event of a burst: one reload at the end

    def _reload_quietly(self) -> None:
        try:
            self.reload_now()
        except Exception as exc:  # a slot must never raise into the event loop
            self._report(exc)

    def _reload(self) -> Reload:
        """Re-watch (editors replace files, which drops the watch), load and merge."""
        try:
            self._rewatch()
            result = self._load()
            pack, kept = keep_last_good(self.pack, result, self.lang)
        except Exception as exc:  # load_pack reports problems itself; this is the unforeseen
            result = LoadResult(problems=[_problem(self.root, exc)])
            pack, kept = keep_last_good(self.pack, result, self.lang)
        self.pack = pack
        self.last = Reload(result, pack, kept)
        return self.last

    def _load(self) -> LoadResult:
        if self.data_dir is not None:
            from pos_coach.cards.cache import load_pack_cached

            return load_pack_cached(self.root, self.data_dir)
        from pos_coach.cards.loader import load_pack  # validation is heavy: on demand

        return load_pack(self.root)

    def _report(self, exc: Exception) -> None:
        """Tell the counter about a failure outside loading (e.g. in a connected slot)."""
        with contextlib.suppress(Exception):  # the last line of defence stays silent
            result = LoadResult(problems=[_problem(self.root, exc)])
            pack, kept = keep_last_good(self.pack, result, self.lang)
            self.reloaded.emit(Reload(result, pack, kept))

    def _rewatch(self) -> None:
        """Watch the root, each language folder and every card file in them, afresh."""
        stale = self.watched()
        if stale:
            self._watcher.removePaths(stale)
        wanted = _watch_list(self.root)
        if wanted:
            self._watcher.addPaths(wanted)


def _watch_list(root: Path) -> list[str]:
    """The root, its language folders and the card files in them (one directory read each:
    a pack of thousands of cards is listed in milliseconds)."""
    if not root.is_dir():
        return []
    paths = [str(root)]
    for lang_dir in language_dirs(root):
        paths.append(str(lang_dir))
        with contextlib.suppress(OSError), os.scandir(lang_dir) as found:
            paths.extend(e.path for e in found if e.name.endswith(".toml") and e.is_file())
    return paths


def _problem(root: Path, exc: BaseException) -> Problem:
    detail = f"{type(exc).__name__}: {exc}"
    return Problem(root, 1, 1, "unreadable", {"detail": detail})


def refit_open_card(opened: OpenCard, card: Card) -> None:
    """Point an open card at the new version of its card, keeping the interaction.

    The phrasing on screen stays on screen when it still exists; phrasings that are gone drop out
    of the rotation order and new ones join at its end.
    """
    count = len(card.say)
    current = opened.phrase_index
    order = [i for i in opened.order if i < count]
    order += [i for i in range(count) if i not in order]
    opened.card = card
    opened.order = order or [0]
    opened.position = order.index(current) if current in order else 0
    opened.said = {i for i in opened.said if i < count}


__all__ = ["DEBOUNCE_MS", "PackWatcher", "Reload", "refit_open_card"]
