"""Events the disk refused until the app closed: spilled to a file, written in at the next start.

A spill file holds one event per line (JSON). It is written beside the journal, or, when that
folder refuses, in a folder only this user can enter (:func:`pos_coach.inlet.address.private_dir`)
under a name that says whose data dir it belongs to; it is readable by this user only (it holds
cashiers' names). At the next start the writer takes each file in (only files of this user), a
batch per transaction, and removes it once its events are in the journal. A line that cannot be
read is named (file and line) and its file kept aside, never deleted.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from pos_coach.journal.events import Event

SPILL_GLOB = "journal.pending-*.jsonl"


def _places(data_dir: Path) -> list[tuple[Path, str]]:
    """Beside the journal; else this user's private folder, under the data dir's tag."""
    from pos_coach.inlet.address import data_dir_tag, private_dir

    places = [(Path(data_dir), SPILL_GLOB)]
    with contextlib.suppress(OSError):
        places.append((Path(private_dir()), SPILL_GLOB.replace("*", f"{data_dir_tag(data_dir)}-*")))
    return places


def spill(events: Iterable[Event], data_dir: Path, kind: str = "pending") -> Path | None:
    """At exit, events still waiting go to a file (readable by this user only) beside the
    journal, or in the private folder if the data dir refuses; the next start writes them in.
    Returns the file (None when nothing waited, or nowhere would take it). With ``kind``
    "rejected": events the journal could not take at all, kept for a person to look at
    (``journal.rejected-*.jsonl``, never written in by themselves)."""
    data = "".join(_line(e) for e in events)
    if not data:
        return None
    stamp = f"{datetime.now():%Y%m%d-%H%M%S-%f}-{os.getpid()}"
    for folder, pattern in _places(data_dir):
        target = folder / pattern.replace("*", stamp).replace("pending", kind)
        try:
            handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError:
            continue
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
        except OSError:
            with contextlib.suppress(OSError):
                target.unlink()
            continue
        return target
    return None


def _line(event: Event) -> str:
    """One event as a line of ASCII JSON: any text at all can be written out."""
    try:
        return json.dumps(event.row(), ensure_ascii=True, default=str) + "\n"
    except (TypeError, ValueError):  # beyond JSON even so: at least what it was
        return json.dumps({"unreadable": repr(event)}, ensure_ascii=True) + "\n"


def spilled_files(data_dir: Path) -> list[Path]:
    """The spill files waiting for ``data_dir``, oldest first."""
    found: list[Path] = []
    for folder, pattern in _places(data_dir):
        with contextlib.suppress(OSError):
            found.extend(sorted(folder.glob(pattern)))
    return found


@dataclass
class Spilled:
    """What one spill file holds: its events, and the lines (or the reason) it could not give."""

    path: Path
    events: list[Event] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    trusted: bool = True  # False: not this user's own regular file, so not read at all


def read_spilled(path: Path) -> Spilled:
    """The events of one spill file. A file that is not this user's own regular file is not
    read at all. Never raises."""
    found = Spilled(path)
    try:
        info = os.lstat(path)
    except OSError as exc:
        found.problems.append(f"{path}: {exc.strerror or exc}")
        found.trusted = False
        return found
    if not stat.S_ISREG(info.st_mode):
        found.problems.append(f"{path}: not a regular file; not written in")
    elif hasattr(os, "getuid") and info.st_uid != os.getuid():
        found.problems.append(
            f"{path}: written by another user (uid {info.st_uid}); not written in"
        )
    if found.problems:
        found.trusted = False
        return found
    try:
        with open(path, "rb") as file:
            lines = file.read().decode("utf-8", "replace").splitlines()
    except OSError as exc:
        found.problems.append(f"{path}: {exc.strerror or exc}")
        found.trusted = False
        return found
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError("not a JSON object")
            found.events.append(Event.from_row(row))
        except (ValueError, TypeError, RecursionError) as exc:
            found.problems.append(f"{path}:{number}: cannot be read ({exc}); the line is left out")
    return found


def retire(spilled: Spilled) -> None:
    """After its events were written: remove the file. One with lines that could not be read
    is kept aside instead (never deleted); one that was not read at all is left as it is."""
    from pos_coach.paths import keep_aside

    if not spilled.trusted:
        return
    with contextlib.suppress(OSError):
        if spilled.problems:
            keep_aside(spilled.path, "unreadable")
        else:
            spilled.path.unlink()
