"""Keep the last good version of a card that broke on disk while the app runs (no Qt).

A reload gives the cards that load *now*. A card that was shown before and whose file is still
there but no longer loads (a typo saved half-way through an edit) stays at the counter as it was;
a card whose file was deleted goes away.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pos_coach.cards.model import FALLBACK_COLOUR, Card, Category, LoadResult, Pack


def keep_last_good(previous: Pack | None, fresh: LoadResult, lang: str) -> tuple[Pack, list[str]]:
    """The pack to show in ``lang`` after a reload, and the ids of cards kept from ``previous``.

    Every card of ``fresh.packs[lang]`` is shown. A card of ``previous`` that is missing from the
    fresh pack is kept (the same ``Card`` object) when its file still exists: it is broken, not
    deleted. Categories are the fresh ones plus any a kept card needs. When the language is
    missing from ``fresh`` altogether (the folder is gone or unreadable for a moment), the
    previous pack is shown as it was.
    """
    pack = fresh.packs.get(lang)
    if pack is None:
        if previous is None:
            return Pack(lang=lang, name="", categories={}, cards={}), []
        return previous, [card.id for card in previous.ordered_cards()]
    if previous is None:
        return pack, []
    kept = [
        card
        for card in previous.ordered_cards()
        if card.id not in pack.cards and _file_exists(card, pack, previous)
    ]
    categories = _categories(pack, previous, kept)
    cards = dict(pack.cards)
    used_hotkeys = {card.hotkey for card in cards.values() if card.hotkey}
    for card in kept:
        cards[card.id] = _without_taken_hotkey(card, used_hotkeys)
    merged = Pack(
        lang=pack.lang, name=pack.name, categories=categories, cards=cards, path=pack.path
    )
    return merged, [card.id for card in kept]


def card_file(card: Card, pack: Pack) -> Path | None:
    """Where ``card`` lives on disk: its own path, else ``<lang folder>/<id>.toml``."""
    if card.path is not None:
        return card.path
    if pack.path is not None:
        return pack.path / f"{card.id}.toml"
    return None


def _file_exists(card: Card, fresh: Pack, previous: Pack) -> bool:
    path = card_file(card, previous) or card_file(card, fresh)
    return path is not None and path.is_file()


def _is_stub(category: Category) -> bool:
    """A stand-in the loader makes for a card's category when pack.toml could not be read."""
    return (
        category.label == category.id and category.colour == FALLBACK_COLOUR and not category.order
    )


def _categories(pack: Pack, previous: Pack, kept: list[Card]) -> dict[str, Category]:
    """The fresh categories; a stand-in, or one a kept card needs, comes from before."""
    categories = dict(pack.categories)
    for cat_id, category in pack.categories.items():
        before = previous.categories.get(cat_id)
        if before is not None and _is_stub(category):
            categories[cat_id] = before  # pack.toml broke: keep its last good labels and colours
    for card in kept:
        if card.category not in categories:
            before = previous.categories.get(card.category)
            categories[card.category] = before or Category(
                card.category, card.category, FALLBACK_COLOUR
            )
    return categories


def _without_taken_hotkey(card: Card, used: set[str]) -> Card:
    """A fresh card that took the hotkey of a kept one wins it: two cards never share a key."""
    if card.hotkey is None:
        return card
    if card.hotkey in used:
        return replace(card, hotkey=None)
    used.add(card.hotkey)
    return card
