"""Start the counter: paths resolved and the pack loaded before the QApplication exists."""

from __future__ import annotations

import contextlib
import signal
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pos_coach import paths
from pos_coach.cards import LoadResult
from pos_coach.cards.cache import index_path, load_for_start
from pos_coach.counter import Counter
from pos_coach.exits import Exit
from pos_coach.i18n import message
from pos_coach.journal import Journal, JournalError, open_or_start_fresh, spill, spilled_files
from pos_coach.journal.damage import check_due, checked
from pos_coach.library import Library
from pos_coach.settings import Settings

CHECK_AFTER_MS = 5000  # the daily check of every page starts this long after the window

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QLockFile, QTranslator

    from pos_coach.ui.counter_window import CounterWindow

BANNER_WARNINGS = 2  # settings not used: the banner names this many at most, stderr every one


@dataclass
class Options:
    situations: Path
    data_dir: Path
    lang: str
    register: str | None = None
    side: bool = False  # side-display mode (also the setting side_display)


@dataclass
class Core:
    """Everything the windows need, built without Qt."""

    load: LoadResult
    library: Library
    journal: Journal
    settings: Settings
    counter: Counter
    notice: str | None = None  # said in the window (a damaged journal kept aside, say)
    stale: bool = False  # the pack changed since it was last checked: re-read after showing


def build_core(options: Options, cards_later: bool = False) -> Core:
    """The journal, settings, pack and counter for ``options``. ``cards_later``: the pack is not
    read yet (an empty one stands in): the counter reads it just after its first paint
    (:func:`read_cards`), since its first page, the cashier's name, needs no card."""
    if cards_later:
        load, stale = LoadResult(), False
    else:
        load, stale = load_for_start(options.situations, options.data_dir)
    pack = load.pack_for(options.lang)
    if pack is None:
        from pos_coach.cards.model import Pack

        pack = Pack(lang=options.lang, name="", categories={}, cards={})
    index = index_path(options.situations, options.data_dir, pack.lang)  # kept between starts
    library = Library(pack, load.packs.values(), index, load.digest)  # search reads every language
    journal, damaged = open_or_start_fresh(options.data_dir)
    journal.read_only()  # the window only reads; every write goes through the counter's writer
    settings = Settings.in_dir(options.data_dir, look_up_zone=False)  # after the first paint
    counter = Counter(library, journal, settings, register=options.register)
    notice = None
    if damaged is not None:
        args = {"name": damaged.kept, "reason": damaged.reason}
        notice = message("journal_set_aside", options.lang, args)
    return Core(load, library, journal, settings, counter, notice, stale)


def read_cards(window: CounterWindow, core: Core, options: Options) -> None:
    """Read the pack (from its cache when it is unchanged) into a counter started with
    ``cards_later``: tiles, hotkeys, search and the banner of its problems follow."""
    load, core.stale = load_for_start(options.situations, options.data_dir)
    core.load = load
    window.show_cards(load)
    core.library = window.counter.library
    if load.problems:  # in the banner too; said here for whoever started it from a script
        first = load.problems[0].format(options.lang)
        cards = len(core.library.cards)
        print(
            f"pos-coach: {options.situations}: {cards} cards; {len(load.problems)} problem(s),"
            f" the first: {first} (`pos-coach check {options.situations}` lists them)",
            file=sys.stderr,
        )


def translations_dir() -> Path:
    return paths.bundled("resources") / "translations"


SOURCE_LANG = "en"  # the language the interface is written in: it needs no translation


def install_translators(
    app: QCoreApplication, lang: str, missing: list[str] | None = None
) -> list[QTranslator]:
    """Load the app's and Qt's own translations for ``lang``; returns them to keep them alive.

    When the app's own translation cannot be loaded for a language other than the source one,
    a line saying which file was looked for is added to ``missing`` (in English: the
    translation is what is missing)."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    QLocale.setDefault(QLocale(lang))
    loaded = []
    own = QTranslator(app)
    if own.load(f"pos_coach_{lang}", str(translations_dir())):
        app.installTranslator(own)
        loaded.append(own)
    elif lang != SOURCE_LANG and missing is not None:
        missing.append(translation_missing(lang))
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        loaded.append(qt)
    return loaded


def translation_missing(lang: str) -> str:
    """Why the interface is in English though ``lang`` was asked for: one line, in English."""
    qm = translations_dir() / f"pos_coach_{lang}.qm"
    why = "could not be loaded (damaged?)" if qm.is_file() else "is missing"
    return (
        f"The interface is in English: the {lang} translation {qm} {why};"
        " reinstall POS Coach (from a source checkout: make translations)"
    )


def _quit_on_signals(app: QCoreApplication) -> None:
    """SIGTERM / SIGINT close the app normally (the shift is ended in the journal).

    Python runs signal handlers only between bytecodes; a light timer gives it the chance while
    Qt's event loop waits.
    """
    from PySide6.QtCore import QTimer

    def request_quit(signum: int, frame: object) -> None:
        app.quit()

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, request_quit)
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(250)


def already_running(data_dir: Path) -> bool:
    """Ask a running instance for this data dir to come forward; True when one answered."""
    from pos_coach.inlet.client import NotOurs, NotRunning, request

    try:
        return bool(request(data_dir, {"cmd": "raise"}, timeout=3).get("ok"))
    except (NotRunning, NotOurs, OSError, ValueError):  # OSError: Busy too (the lock still
        return False  # keeps a second instance from starting)


def raise_open_files_limit() -> None:
    """Let the app open as many files and connections as the system allows this user (the
    soft limit up to the hard one). The inlets cap their connections anyway; this is room."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard
    if sys.platform == "darwin" and hard == resource.RLIM_INFINITY:  # pragma: no cover
        wanted = 10240  # macOS refuses more than OPEN_MAX
    if soft != resource.RLIM_INFINITY and soft < wanted:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def open_inlets(window: CounterWindow, core: Core, data_dir: Path) -> list[object]:
    """The local socket (always) and the loopback HTTP inlet (when enabled); kept alive."""
    from pos_coach.inlet.address import NoPrivateDir, find_private_dir, server_name
    from pos_coach.inlet.server import InletServer
    from pos_coach.ui.inlet_handler import InletHandler

    raise_open_files_limit()
    handler = InletHandler(window)
    window.inlet = handler
    try:
        _folder, passed_over = find_private_dir()
    except NoPrivateDir as exc:
        passed_over = exc.notes
    for note in passed_over:  # a folder someone else made, or one open to others
        print(f"pos-coach: socket folder {note}", file=sys.stderr)
    server = InletServer(lambda: server_name(data_dir), handler.handle, window)
    if not server.listen():
        print(f"pos-coach: cannot listen for triggers: {server.error}", file=sys.stderr)
    kept: list[object] = [handler, server]
    if core.settings["global_hotkeys"]:
        from pos_coach.ui import global_hotkeys

        reason = global_hotkeys.availability(core.counter.library.lang)
        if reason is not None:
            window.show_notice(reason)
        else:
            keys = [(c.hotkey, c.id) for c in core.counter.library.cards if c.hotkey]
            listener = global_hotkeys.GlobalHotkeys(keys, window)
            listener.pressed.connect(lambda card_id: window.open_card(card_id, "hotkey"))
            kept.append(listener)
    settings = core.settings
    if settings["http_enabled"]:
        import secrets

        from pos_coach.inlet.http_inlet import Bridge, HttpInlet

        if not settings["http_token"]:
            settings["http_token"] = secrets.token_urlsafe(24)
            with contextlib.suppress(OSError):  # a folder that cannot be written: this run only
                settings.save()
        bridge = Bridge(handler.handle)
        try:
            inlet = HttpInlet(int(settings["http_port"]), str(settings["http_token"]), bridge)
        except (OSError, OverflowError, ValueError) as exc:  # in use, not allowed, out of range
            print(
                f"pos-coach: HTTP inlet not started on port {settings['http_port']}: {exc}",
                file=sys.stderr,
            )
        else:
            inlet.start()
            kept += [bridge, inlet]
    return kept


def run_counter(
    situations: str | None = None,
    data_dir: str | None = None,
    lang: str | None = None,
    register: str | None = None,
    side: bool = False,
) -> int:
    """``pos-coach run``: the options as given on the command line; the exit status."""
    from pos_coach.i18n import system_lang

    options = Options(
        situations=paths.situations_dir(situations),
        data_dir=paths.data_dir(data_dir),
        lang=lang or system_lang(),
        register=register,
        side=side,
    )
    return start(options)


def finish_start(window: CounterWindow, core: Core, options: Options) -> list[object]:
    """What can wait until the window is on screen: write in events an earlier run could not,
    look the shop's time zone up, follow the pack folder (and check it now if it changed while
    the app was closed), listen for triggers. Returns what must stay alive."""
    writer = core.counter.writer
    if core.journal.waiting_for is None or core.journal.updating:  # else the files wait for
        writer.take_in(spilled_files(options.data_dir))  # a start that can write them
    # a journal that replaced a damaged one copies its events in; one of an older version is
    # brought forward (on the writer's thread: the counter works on meanwhile)
    writer.start()
    if core.journal.waiting_for is None and check_due(options.data_dir):
        from PySide6.QtCore import QTimer

        # a page garbled while the app was closed is met by nothing but this: every page read
        # once a day, by SQLite, on a thread of its own, a little after the start
        data_dir = options.data_dir
        QTimer.singleShot(
            CHECK_AFTER_MS,
            lambda: writer.check("the daily check", on_clean=lambda: checked(data_dir)),
        )
    zone = core.settings.check_zone()  # the zone database costs the start milliseconds
    if zone is not None:
        print(f"pos-coach: {zone.text(options.lang)}", file=sys.stderr)
        window.show_notice(zone.text(options.lang))
    watcher = window.watch(options.situations, options.data_dir)
    if core.stale:
        watcher.reload_now()  # shown like any live edit: new tiles, problems in the banner
    return open_inlets(window, core, options.data_dir)


def _stale_and_stuck(data_dir: Path) -> bool:
    """The data dir's lock file was left by a POS Coach that is gone (a crash) on a folder
    that cannot be written now (the disk remounted read-only after the crash): it can neither
    be taken nor removed, so the lock goes to the private folder instead."""
    if already_running(data_dir):
        return False
    from pos_coach.paths import unwritable

    return unwritable(data_dir) is not None


def take_lock(data_dir: Path) -> tuple[QLockFile, bool]:
    """The single-instance lock, and whether it is ours. It lives in the data dir, or, when the
    folder cannot be written, in this user's private folder under a name made from the data
    dir, so the counter still runs only once."""
    from PySide6.QtCore import QLockFile

    with contextlib.suppress(OSError):  # a new data dir; when it cannot be made, see below
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir / "pos-coach.lock"))
    if lock.tryLock(200):
        return lock, True
    failed = lock.error() == QLockFile.LockError.LockFailedError
    if failed and not _stale_and_stuck(data_dir):
        return lock, False  # another POS Coach holds it (or left it stale: removed later)
    from pos_coach.inlet.address import data_dir_tag, private_dir

    try:  # this user's own folder: in a shared temp folder another user could hold the name
        folder = private_dir()
    except OSError as exc:
        print(f"pos-coach: {exc}", file=sys.stderr)
        return lock, False
    lock = QLockFile(str(Path(folder) / f"pos-coach-{data_dir_tag(data_dir)}.lock"))
    return lock, lock.tryLock(200)


def start(options: Options) -> int:
    lock, locked = take_lock(options.data_dir)
    if not locked:
        # one instance per data dir: bring the running one forward instead
        if already_running(options.data_dir):
            print("pos-coach: already running for this data dir; brought it to the front")
            return Exit.OK
        lock.removeStaleLockFile()
        if not lock.tryLock(200):
            print(f"pos-coach: {options.data_dir} is in use by another POS Coach", file=sys.stderr)
            return Exit.PROBLEMS
    foreign = paths.not_ours(options.data_dir)
    if foreign:  # as PostgreSQL does with a data directory of the wrong owner: refuse
        for path, uid in foreign:
            print(
                f"pos-coach: {path} belongs to another user (uid {uid}): refused, nothing was"
                " read from or written to it; move it away, or give it to this user",
                file=sys.stderr,
            )
        return Exit.PROBLEMS
    if paths.open_to_others(options.data_dir):
        print(
            f"pos-coach: {options.data_dir} can be written by other users: they could remove or"
            " replace the journal; make it private (chmod 700)",
            file=sys.stderr,
        )
    try:
        core = build_core(options, cards_later=True)  # read just after the first paint
    except (JournalError, OSError) as exc:
        print(f"pos-coach: {exc}", file=sys.stderr)
        return Exit.PROBLEMS

    from PySide6.QtWidgets import QApplication

    from pos_coach.ui.counter_window import CounterWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("POS Coach")
    app.setOrganizationName("POS Coach")
    missing: list[str] = []
    install_translators(app, options.lang, missing)
    window = CounterWindow(core.counter, core.load.problems)
    for line in missing:  # said in English: the translation is what is missing
        print(f"pos-coach: {line}", file=sys.stderr)
        window.show_notice(line)
    inlets: list[object] = []
    window.before_pages(lambda: read_cards(window, core, options))
    window.after_first_paint(lambda: inlets.extend(finish_start(window, core, options)))
    if core.journal.updating:  # the window says so too, with how far it has got
        print(f"pos-coach: {core.journal.waiting_for}, while the counter works", file=sys.stderr)
    elif core.journal.waiting_for:  # the window says so too, until the folder can be written
        print(f"pos-coach: {core.journal.waiting_for}: events wait in memory", file=sys.stderr)
    if core.notice:
        print(f"pos-coach: {core.notice}", file=sys.stderr)
        window.show_notice(core.notice)
    for line in core.settings.warning_lines(options.lang):  # each setting not used, by name
        print(f"pos-coach: {line}", file=sys.stderr)
    for line in core.settings.warning_lines(options.lang, at_most=BANNER_WARNINGS):
        window.show_notice(line)
    window.fit_to_screen()
    if options.side or core.settings["side_display"]:
        from pos_coach.ui import side_display

        side_display.apply(window, window.header)
    window.show_fitted()
    _quit_on_signals(app)
    try:
        return app.exec()
    finally:
        core.counter.end_shift()
        core.journal.close()  # the reader first: the writer's connection is then the last one
        core.counter.writer.close()  # writes what the disk takes, then stops
        spill(core.counter.writer.pending, options.data_dir)  # never lost: written next start
        pictures = sys.modules.get("pos_coach.review.pictures")  # only if the review drew any
        if pictures is not None:
            pictures.shutdown()
        for inlet in inlets:
            stop = getattr(inlet, "stop", None) or getattr(inlet, "close", None)
            if callable(stop):
                stop()
        lock.unlock()
