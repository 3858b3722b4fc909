"""Find where a key or value sits in TOML source text.

``tomllib`` parses but forgets positions. Validation errors must point at the offending key or
value, so this scanner walks text that ``tomllib`` has already accepted and records, for every
key path, where its key starts and where its value starts. Array items get their index as the
last path element. It only needs to understand valid TOML.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

Path_ = tuple[str | int, ...]


@dataclass
class Spot:
    line: int
    column: int


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.keys: dict[Path_, Spot] = {}
        self.values: dict[Path_, Spot] = {}
        self.aot_counts: dict[Path_, int] = {}

    # -- positions -------------------------------------------------------------------------
    def spot(self, i: int | None = None) -> Spot:
        i = self.i if i is None else i
        line = self.text.count("\n", 0, i) + 1
        column = i - (self.text.rfind("\n", 0, i) + 1) + 1
        return Spot(line, column)

    def peek(self, n: int = 1) -> str:
        return self.text[self.i : self.i + n]

    def at_end(self) -> bool:
        return self.i >= len(self.text)

    # -- whitespace and comments -----------------------------------------------------------
    def skip_blank(self, newlines: bool) -> None:
        while not self.at_end():
            c = self.text[self.i]
            if c in " \t\r\ufeff" or (newlines and c == "\n"):
                self.i += 1
            elif c == "#":
                end = self.text.find("\n", self.i)
                self.i = len(self.text) if end < 0 else end
            else:
                return

    # -- keys --------------------------------------------------------------------------------
    def read_key(self) -> list[tuple[str, int]]:
        parts: list[tuple[str, int]] = []
        while True:
            self.skip_blank(newlines=False)
            start = self.i
            c = self.peek()
            if c in ('"', "'"):
                parts.append((self.read_string(), start))
            else:
                j = self.i
                while j < len(self.text) and (self.text[j].isalnum() or self.text[j] in "_-"):
                    j += 1
                parts.append((self.text[self.i : j], start))
                self.i = j
            self.skip_blank(newlines=False)
            if self.peek() == ".":
                self.i += 1
                continue
            return parts

    # -- values ------------------------------------------------------------------------------
    def read_string(self) -> str:
        quote = self.peek()
        if self.peek(3) == quote * 3:
            self.i += 3
            end = self.text.find(quote * 3, self.i)
            while quote == '"' and end > 0 and self._escaped(end):
                end = self.text.find(quote * 3, end + 1)
            end = len(self.text) if end < 0 else end
            # a closing run may hold up to two extra quotes that belong to the string
            while self.text[end + 3 : end + 4] == quote:
                end += 1
            raw = self.text[self.i : end]
            self.i = end + 3
            return raw
        self.i += 1
        start = self.i
        while not self.at_end():
            c = self.text[self.i]
            if c == "\\" and quote == '"':
                self.i += 2
                continue
            if c == quote or c == "\n":
                break
            self.i += 1
        raw = self.text[start : self.i]
        self.i += 1
        return raw

    def _escaped(self, pos: int) -> bool:
        n = 0
        while pos - 1 - n >= 0 and self.text[pos - 1 - n] == "\\":
            n += 1
        return n % 2 == 1

    def read_value(self, path: Path_) -> None:
        self.values[path] = self.spot()
        c = self.peek()
        if c in ('"', "'"):
            self.read_string()
        elif c == "[":
            self.i += 1
            index = 0
            while True:
                self.skip_blank(newlines=True)
                if self.at_end() or self.peek() == "]":
                    self.i += 1
                    return
                if self.peek() == ",":
                    self.i += 1
                    continue
                item = (*path, index)
                self.keys.setdefault(item, self.spot())
                self.read_value(item)
                index += 1
        elif c == "{":
            self.i += 1
            while True:
                self.skip_blank(newlines=False)
                if self.at_end() or self.peek() == "}":
                    self.i += 1
                    return
                if self.peek() == ",":
                    self.i += 1
                    continue
                self.read_pair(path)
        else:
            while not self.at_end() and self.text[self.i] not in ",]}\n#":
                self.i += 1

    def read_pair(self, table: Path_) -> None:
        parts = self.read_key()
        path = table
        for name, start in parts:
            path = (*path, name)
            self.keys.setdefault(path, self.spot(start))
        self.skip_blank(newlines=False)
        if self.peek() == "=":
            self.i += 1
        self.skip_blank(newlines=False)
        self.read_value(path)

    def run(self) -> None:
        table: Path_ = ()
        while True:
            self.skip_blank(newlines=True)
            if self.at_end():
                return
            if self.peek() == "[":
                is_aot = self.peek(2) == "[["
                self.i += 2 if is_aot else 1
                parts = self.read_key()
                path: Path_ = ()
                for name, start in parts:
                    path = (*path, name)
                    self.keys.setdefault(path, self.spot(start))
                if is_aot:
                    n = self.aot_counts.get(path, 0)
                    self.aot_counts[path] = n + 1
                    path = (*path, n)
                    self.keys.setdefault(path, self.spot(parts[0][1]))
                self.i = (
                    self.text.find("\n", self.i) if "\n" in self.text[self.i :] else len(self.text)
                )
                table = path
            else:
                self.read_pair(table)


class Locator:
    """Answers "where is this key path?" for one TOML text."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._scanner: _Scanner | None = None

    def _scan(self) -> _Scanner:
        # scanned on the first question only: a clean card never pays for it
        if self._scanner is None:
            self._scanner = _Scanner(self._text)
            with contextlib.suppress(IndexError, ValueError):  # valid TOML never raises here
                self._scanner.run()
        return self._scanner

    def key(self, path: Path_) -> tuple[int, int]:
        """Where the key (or array item) of ``path`` starts; its nearest known parent if unknown."""
        return self._find(self._scan().keys, path)

    def value(self, path: Path_) -> tuple[int, int]:
        """Where the value of ``path`` starts."""
        values = self._scan().values
        return self._find(values, path) if path in values else self.key(path)

    def line(self, number: int) -> str:
        """The source text of line ``number`` (1-based); empty past the end."""
        lines = self._text.splitlines()
        return lines[number - 1] if 0 < number <= len(lines) else ""

    @staticmethod
    def _find(table: dict[Path_, Spot], path: Path_) -> tuple[int, int]:
        while path:
            spot = table.get(path)
            if spot is not None:
                return spot.line, spot.column
            path = path[:-1]
        return 1, 1
