"""The journal's writer: the one path by which the app writes events, on a thread of its own.

The caller (the counter, the editor, on the UI thread) only hands an event over and goes on: a
commit with ``synchronous=FULL`` waits for the disk, sometimes for several milliseconds, and the
UI thread must never wait that long. Everything the disk-trouble guarantees need lives here:

- a refusal (disk full, read-only, locked by another program, an I/O error) keeps the events
  waiting, in order, and they are tried again every :data:`RETRY_SECONDS`;
- damage (SQLite says the file is malformed) is not a refusal and is never retried against the
  same file: the damaged journal is kept aside, a fresh one takes its place at once and the
  readable events of the old one are copied into it between new events
  (:mod:`pos_coach.journal.damage`);
- events spilled by an earlier run are written first, in batches, and their file removed;
- at the first quiet moment (between two events) once the log's oldest commit is a second old,
  the write-ahead log is copied into the journal file (a checkpoint),
  so a young journal does not live only in ``journal.db-wal``; a log deleted while the app
  runs is noticed after the next commit, copied in and made anew.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pos_coach.journal.damage import Damage, Recovery, replace_damaged, rescue
from pos_coach.journal.events import Event, JournalDamagedError, JournalError
from pos_coach.journal.spill import Spilled
from pos_coach.journal.store import Journal, is_busy, is_damage, is_refusal

RETRY_SECONDS = 2.0  # how often a refused write is tried again
WRITER_CACHE_KIB = 512  # page cache of the writer's connection (SQLite's default is 2,000 KiB)
BATCH = 500  # at most this many waiting events go into one transaction
# the log is copied into the file at the first quiet moment once its oldest commit not yet
# copied in is this old (steady traffic does not put it off: a log cut short loses no more)
CHECKPOINT_SECONDS = 1.0
MAX_REPLACEMENTS = 3  # damaged journals replaced in one run; after that the writer only waits

log = logging.getLogger(__name__)


class Appender:
    """Commits events on a thread of its own, oldest first, each once.

    ``listeners`` are called from the writer's thread after every commit or refusal, and when
    the journal file was replaced (:attr:`generation` then moves on: a reader's connection
    must be opened again, see :meth:`Journal.reopen`).
    """

    def __init__(self, journal: Journal, retry_seconds: float = RETRY_SECONDS) -> None:
        self.journal = journal
        self.retry_seconds = retry_seconds
        self.listeners: list[Callable[[], None]] = []
        self.last_error: str | None = None
        self.generation = 0  # moves on whenever the file at the journal's path is a new one
        self.replaced: list[Damage] = []  # damaged journals kept aside during this run
        self.taken_in = 0  # events written in from files spilled by an earlier run
        self._queue: deque[Event] = deque()  # not yet committed, oldest first
        self._imports: deque[Path] = deque()  # spill files still to write in
        self._importing: _Import | None = None  # the first of them, being written in
        self._appended = 0  # events handed over so far (the last one's number)
        self._committed = 0  # events committed so far (in order: numbers 1.._committed)
        self._attempts = 0  # failed attempts so far
        self._wake = False
        self._stopping = False
        self._recovering = True  # until the writer has looked (a journal may need copying into)
        self._dirty_since: float | None = None  # the log holds commits not yet copied in
        self._rejected: set[int] = set()  # numbers of events no journal could take
        self._checking = False  # a reader's report of damage is being checked
        # the journal is damaged (SQLite agreed, or start-up found it and could not replace it
        # yet): the writer replaces it before it writes anything more
        self._found: str | None = journal.damaged_for
        # how far the update of a journal of an older version has got (0 to 1), while the
        # writer brings it forward before it writes (events wait in memory); else None
        self.updating: float | None = 0.0 if journal.updating else None
        self._found_in: tuple[int, int] | None = None  # the file a check found damaged
        self._cv = threading.Condition()
        self._thread: threading.Thread | None = None

    # -- the caller's side --------------------------------------------------------------------
    def append(self, event: Event) -> int:
        """Hand ``event`` over for writing; returns its number (see :meth:`state`)."""
        with self._cv:
            self._queue.append(event)
            self._appended += 1
            number = self._appended
            self._start()
            self._cv.notify_all()
        return number

    def take_in(self, files: list[Path]) -> None:
        """Write in the events of files spilled by an earlier run, before anything else."""
        if not files:
            return
        with self._cv:
            self._imports.extend(files)
            self._start()
            self._cv.notify_all()

    def start(self) -> None:
        """Start the writer now (it starts by itself with the first event): a journal that
        replaced a damaged one has events to copy in before anything is appended."""
        with self._cv:
            self._start()
            self._cv.notify_all()

    def report_damage(self, reason: str) -> None:
        """A reader found the journal damaged (a report reading a garbled page the writer
        never touches): see :meth:`check`."""
        self.check(reason)

    def check(self, reason: str, on_clean: Callable[[], None] | None = None) -> None:
        """SQLite checks the whole journal (``quick_check``) on a thread of its own, off the
        writer's way; if it finds damage, the writer replaces the journal as if it had found
        the damage itself. ``on_clean`` is called when it found none."""
        with self._cv:
            if self._checking:
                return
            self._checking = True

        def run() -> None:
            finding: str | None = None
            checked = _identity(self.journal.path)
            try:
                journal = Journal(self.journal.path).read_only()
                try:
                    finding = journal.quick_check()
                finally:
                    journal.close()
            except (sqlite3.Error, JournalError, OSError) as exc:
                finding = str(exc) if is_damage(exc) else None
            with self._cv:
                self._checking = False
                if finding is not None:
                    self._found = f"{reason}: {finding}"
                    self._found_in = checked
                    self._start()
                    self._cv.notify_all()
            if finding is None and on_clean is not None:
                with contextlib.suppress(Exception):
                    on_clean()

        threading.Thread(target=run, name="pos-coach-journal-check", daemon=True).start()

    def _start(self) -> None:
        if (self._thread is None or not self._thread.is_alive()) and not self._stopping:
            self._thread = threading.Thread(
                target=self._run, name="pos-coach-journal-writer", daemon=True
            )
            self._thread.start()

    @property
    def pending(self) -> list[Event]:
        """Events handed over and not yet committed, oldest first."""
        with self._cv:
            return list(self._queue)

    @property
    def last_number(self) -> int:
        return self._appended

    def state(self, number: int) -> str:
        """``committed``, ``waiting`` (the disk refused the events before it), ``writing``, or
        ``rejected`` (the journal could not take it at all: kept in a file beside it)."""
        with self._cv:
            if number in self._rejected:
                return "rejected"
            if number <= self._committed:
                return "committed"
            return "waiting" if self.last_error is not None else "writing"

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every event handed over (and every spilled file) is written (True), or
        the disk refused once more, or ``timeout`` passed (False). For tests and for closing,
        never the UI."""
        with self._cv:
            attempts = self._attempts
            self._wake = True
            self._cv.notify_all()
            self._cv.wait_for(
                lambda: not (self._queue or self._imports) or self._attempts > attempts, timeout
            )
            return not (self._queue or self._imports)

    def settle(self, timeout: float = 10.0) -> bool:
        """Wait until the writer has nothing left to do: events written, the log copied into
        the journal file, a damaged journal's events copied. For tests and benchmarks."""
        deadline = time.monotonic() + timeout
        with self._cv:
            self._start()
            self._cv.notify_all()
            return self._cv.wait_for(
                lambda: (
                    not (self._queue or self._imports or self._recovering)
                    and self._dirty_since is None
                ),
                max(0.0, deadline - time.monotonic()),
            )

    def close(self, timeout: float = 5.0) -> None:
        """Write what can be written, then stop the writer; what the disk refused stays in
        :attr:`pending` (to be spilled)."""
        with self._cv:
            self._stopping = True
            self._cv.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(timeout)

    # -- the writer's thread ------------------------------------------------------------------
    def _run(self) -> None:
        target: Journal | None = None
        try:
            while True:
                with self._cv:
                    self._cv.wait_for(self._has_work, self._idle_wait())
                    if self._stopping and not (self._queue or self._imports):
                        return  # stopping, all written
                    batch = list(_first(self._queue, BATCH))  # new events first, always
                    found, self._found = self._found, None
                    found_in, self._found_in = self._found_in, None
                if (
                    found is not None
                    and found_in is not None
                    and found_in != _identity(self.journal.path)
                ):
                    found = None  # a file already set aside (two reports of the same damage)
                try:
                    if target is None:
                        target = self._open()
                    if found is not None:
                        raise JournalDamagedError(found)
                    if batch:
                        target.append_many(batch)
                    elif self._imports:
                        self._import_step(target)
                    else:
                        self._idle_work(target)
                        continue
                except Exception as exc:  # the disk refused, or the file is damaged
                    if is_damage(exc) and len(self.replaced) < MAX_REPLACEMENTS:
                        target = self._replace(target, exc)
                        continue
                    if batch and target is not None and not is_refusal(exc):
                        self._one_by_one(target, batch)  # an event no journal could take
                        continue
                    if target is not None and target is not self.journal and _stale(exc):
                        # opened while the disk was read-only (or failing): SQLite keeps such
                        # a connection read-only for good, so the next try opens it again
                        with contextlib.suppress(sqlite3.Error):
                            target.close()
                        target = None
                    if not self._refused(exc):
                        return  # stopping: what is left is spilled by the caller
                    continue
                # before anything is acknowledged: are the files still this journal's own?
                if target.file_moved():
                    target = self._rescue(target)
                else:
                    state = target.log_state()
                    if state in ("missing", "replaced"):
                        target = self._renew_log(target, state)
                    elif state == "shrunk":  # its pages are gone from the disk: damage; the
                        with self._cv:  # batch is written again, into the fresh journal
                            self._found = f"{target.base}-wal was cut short while in use"
                        continue
                with self._cv:
                    for _ in batch:
                        self._queue.popleft()
                    self._committed += len(batch)
                    self.last_error = None
                    if self._dirty_since is None:  # the oldest commit the log alone holds
                        self._dirty_since = time.monotonic()
                    self._cv.notify_all()
                self._tell()
        finally:
            if target is not None and target is not self.journal:
                with contextlib.suppress(sqlite3.Error):
                    target.close()

    def _one_by_one(self, target: Journal, batch: list[Event]) -> None:
        """A batch failed for a reason that is neither the disk nor damage (an event no
        journal could hold): write its events one at a time, so one such event never holds
        up the others; it is kept in ``journal.rejected-*.jsonl`` beside the journal instead,
        and its trigger hears that it was not logged."""
        from pos_coach.journal.spill import spill

        for event in batch:
            try:
                target.append_many([event])
            except Exception as exc:
                if is_damage(exc) or is_refusal(exc):
                    return  # the disk after all: the rest waits, tried again as usual
                kept = spill([event], self.journal.path.parent, kind="rejected")
                log.warning(
                    "%s: an event the journal cannot take (%s); kept in %s",
                    self.journal.path,
                    exc,
                    kept,
                )
                with self._cv:
                    self._rejected.add(self._committed + 1)
            with self._cv:
                self._queue.popleft()
                self._committed += 1
                self._cv.notify_all()
        self._tell()

    def _import_step(self, target: Journal) -> None:
        """One batch of the spilled file being taken in. Its events keep the places reserved
        for them when the file was first read, before this run's events, so the journal's
        order stays the order things happened while new events never wait for the file."""
        from pos_coach.journal.spill import read_spilled, retire

        if self._importing is None or self._importing.target is not target:
            spilled = read_spilled(self._imports[0])
            for problem in spilled.problems:
                log.warning("%s", problem)
            first = target.reserve(len(spilled.events))
            self._importing = _Import(target, spilled, first)
        job = self._importing
        chunk = job.spilled.events[job.done : job.done + BATCH]
        target.append_many(chunk, at=job.first + job.done)
        job.done += len(chunk)
        self.taken_in += len(chunk)
        if job.done >= len(job.spilled.events):
            retire(job.spilled)
            with self._cv:
                self._imports.popleft()
                self._importing = None
                self._cv.notify_all()

    def _has_work(self) -> bool:
        if self._queue or self._imports or self._stopping or self._wake or self._found:
            return True
        return self._recovering or self._checkpoint_due()

    def _idle_wait(self) -> float | None:
        """How long the writer may sleep before idle work is due (None: until woken)."""
        if self._dirty_since is None:
            return None
        return max(0.0, self._dirty_since + CHECKPOINT_SECONDS - time.monotonic())

    def _checkpoint_due(self) -> bool:
        dirty = self._dirty_since
        return dirty is not None and time.monotonic() - dirty >= CHECKPOINT_SECONDS

    def _idle_work(self, target: Journal) -> None:
        """Nothing waits: copy a batch from a damaged journal, or the log into the file."""
        self._wake = False
        if self._recovering:
            recovery = Recovery.pending(target)
            more = recovery is not None and recovery.step()
            if recovery is not None:
                recovery.close()
            with self._cv:
                self._recovering = more
                self._cv.notify_all()
            if recovery is not None and not more:
                self._tell()
            return
        if self._checkpoint_due():
            try:
                target.checkpoint()
            except sqlite3.Error as exc:
                if is_damage(exc):
                    raise
                log.info("checkpoint of %s put off: %s", target.path, exc)  # tried when next idle
            finally:
                with self._cv:
                    self._dirty_since = None
                    self._cv.notify_all()

    def _open(self) -> Journal:
        """The writer's own connection (an in-memory journal can only share its one)."""
        if str(self.journal.path) == ":memory:":
            return self.journal
        journal = Journal(self.journal.path, self._update_progress)
        self.updating = None
        try:  # a journal start-up could not look at (it could not be opened then) is checked
            journal.health_check()
        except sqlite3.Error:
            journal.close()
            raise
        # it only appends: the pages it needs are the ends of each index, so a small cache
        journal.conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
        return journal

    def _update_progress(self, share: float) -> None:
        if self.updating is not None:
            self.updating = share

    def _replace(self, target: Journal | None, exc: Exception) -> Journal | None:
        """The journal file is damaged: keep it aside, go on in a fresh one at once."""
        if target is not None and target is not self.journal:
            with contextlib.suppress(sqlite3.Error):
                target.close()
        reason = str(exc) or type(exc).__name__
        try:
            fresh, damage = replace_damaged(self.journal.path, reason)
        except (OSError, sqlite3.Error, JournalError) as error:
            with self._cv:
                self._found = reason  # still damaged: replaced at the next try
            self._refused(
                OSError(f"{reason}; the damaged journal could not be kept aside: {error}")
            )
            return None
        fresh.conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
        log.warning(
            "%s: damaged (%s); kept as %s, a fresh journal goes on", fresh.path, reason, damage.kept
        )
        with self._cv:
            self.replaced.append(damage)
            self.generation += 1
            self._recovering = True
            self._cv.notify_all()
        self._tell()
        return fresh

    def _rescue(self, target: Journal) -> Journal:
        """journal.db was deleted or replaced under the writer: put every event it still
        sees back on disk (:func:`pos_coach.journal.damage.rescue`)."""
        try:
            found, kept = rescue(target)
        except (OSError, sqlite3.Error, JournalError) as exc:
            log.warning(
                "%s: the journal file went away and could not be put back: %s", target.path, exc
            )
            return target  # tried again after the next commit
        found.conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
        log.warning(
            "%s was deleted or replaced while in use; every event was put back%s",
            found.path,
            f" (kept as {kept.kept}, copied in)" if kept else "",
        )
        with self._cv:
            if kept is not None:
                self.replaced.append(kept)
                self._recovering = True
            self.generation += 1
            self._cv.notify_all()
        return found

    def _renew_log(self, target: Journal, state: str) -> Journal:
        """The write-ahead log was deleted or replaced while in use: this connection still
        holds the real one, so copy it into the journal file, keep aside whatever file now
        has its name (it must never be read as this journal's log), and open the file again
        (with a new log)."""
        from pos_coach.paths import keep_aside

        with contextlib.suppress(sqlite3.Error):
            target.checkpoint("TRUNCATE")
        foreign = Path(f"{target.base}-wal")
        if state == "replaced" and foreign.exists():
            with contextlib.suppress(OSError):
                keep_aside(foreign, "stale")
        log.warning(
            "%s-wal was %s while in use; its events were copied in",
            target.path,
            "deleted" if state == "missing" else "replaced",
        )
        try:
            target.reopen()
            target.conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
        except (sqlite3.Error, JournalError, OSError):
            pass  # tried again with the next commit
        with self._cv:
            self.generation += 1
            self._dirty_since = None
        return target

    def _refused(self, exc: Exception) -> bool:
        """Note the refusal and wait before the next try; False when it is time to stop."""
        with self._cv:
            self.last_error = _reason(exc)
            self._attempts += 1
            self._wake = False
            self._cv.notify_all()
        self._tell()
        with self._cv:
            self._cv.wait_for(lambda: self._wake or self._stopping, self.retry_seconds)
            self._wake = False
            return not self._stopping

    def _tell(self) -> None:
        for listener in list(self.listeners):
            with contextlib.suppress(Exception):  # a listener never stops the writer
                listener()


def _stale(exc: Exception) -> bool:
    """A refusal after which the connection is better opened again: anything but another
    program holding the journal locked for a moment."""
    return not is_busy(exc)


def _first(queue: deque[Event], count: int) -> list[Event]:
    return [queue[i] for i in range(min(count, len(queue)))]


@dataclass
class _Import:
    """A spilled file being written in: into which journal, from which place, how far."""

    target: Journal
    spilled: Spilled
    first: int
    done: int = 0


def _reason(exc: Exception) -> str:
    """Why the disk refused, in a line a shop can act on (``folder: Read-only file system``)."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    return str(exc) or type(exc).__name__


def _identity(path: Path) -> tuple[int, int] | None:
    """Which file is at ``path`` now (device, inode); None when there is none."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino
