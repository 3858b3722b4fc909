"""A Markdown table of a pack's situations, for the README (kept true by a test)."""

from __future__ import annotations

from pos_coach.cards.model import LoadResult

START = "<!-- situations:start -->"
END = "<!-- situations:end -->"


def situations_table(result: LoadResult, langs: tuple[str, str] = ("ru", "en")) -> str:
    """id, title in each language, category (first language's label), hotkey; in tile order."""
    first, second = (result.packs[lang] for lang in langs)
    lines = [
        f"| id | title ({langs[0]}) | title ({langs[1]}) | category | hotkey |",
        "| --- | --- | --- | --- | --- |",
    ]
    for card in first.ordered_cards():
        other = second.cards.get(card.id)
        category = first.categories[card.category]
        lines.append(
            f"| `{card.id}` | {card.title} | {other.title if other else '—'} | "
            f"{category.label} / {second.categories[card.category].label} | {card.hotkey or ''} |"
        )
    return "\n".join(lines)


def replace_between_markers(text: str, table: str, start: str = START, end: str = END) -> str:
    """``text`` with what lies between the two marker lines replaced by ``table``."""
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{table}\n{end}{tail}"
