"""How search ranks, on cards written for each rule: every word counts, exact beats word form
beats typo beats another layout, short words and unmatched words never empty the result, and
both languages of a pack are searched at once."""

from __future__ import annotations

from pos_coach.cards.model import Card
from pos_coach.library.search import SearchIndex


def card(
    card_id: str,
    title: str,
    lang: str = "ru",
    summary: str = "",
    tags: tuple[str, ...] = (),
    say: tuple[str, ...] = (),
    steps: tuple[str, ...] = (),
) -> Card:
    return Card(card_id, lang, title, "general", summary, steps, say, (), (), tags=tags)


def ids(index: SearchIndex, query: str) -> list[str]:
    return [hit.card.id for hit in index.search(query)]


RU = [
    card("greeting", "Покупатель подходит к кассе", tags=("привет",)),
    card("no-change", "Нет сдачи", summary="Крупная купюра, а мелочи мало.", tags=("размен",)),
    card("loyalty", "Карта постоянного покупателя", tags=("бонусы", "скидка")),
    card("declined", "Карта не проходит", tags=("отказ", "терминал")),
    card("return", "Возврат товара", tags=("обмен", "не подошло")),
    card("age", "Проверка возраста", tags=("паспорт", "пиво", "сигареты")),
    card("alarm", "Сработала рамка", tags=("пищит",), say=("Извините, проверим бирку",)),
]
EN = [
    card("greeting", "Customer walks up to the till", "en", tags=("hello",)),
    card("no-change", "Not enough change", "en", tags=("large note",)),
    card("loyalty", "Loyalty card", "en", tags=("points",)),
    card("declined", "Card declined", "en", tags=("bounced", "rejected")),
    card("return", "Return or exchange", "en", tags=("refund",)),
    card("age", "Age check", "en", tags=("id", "beer", "cigarettes")),
    card("alarm", "Security gate alarm", "en", tags=("beeping",)),
]


def russian() -> SearchIndex:
    return SearchIndex(RU, [EN])


def english() -> SearchIndex:
    return SearchIndex(EN, [RU])


def test_word_forms_find_each_other():
    index = russian()
    for query in ("картой", "карту", "карты"):  # the titles say «карта»
        assert set(ids(index, query)[:2]) == {"loyalty", "declined"}, query
    assert ids(index, "не подошёл")[0] == "return"  # the tag says «не подошло»
    assert ids(index, "возвраты")[0] == "return"
    assert ids(english(), "refunds")[0] == "return"
    assert ids(english(), "declining")[0] == "declined"


def test_a_short_word_never_sinks_the_query():
    # «с», «на», "the", "at" beside a word that needs typo tolerance
    assert ids(russian(), "нет сдчи с крупной")[0] == "no-change"
    assert ids(russian(), "паспорт на пиво")[0] == "age"
    assert ids(english(), "ID for the beer")[0] == "age"
    assert ids(english(), "alarm at the gaet")[0] == "alarm"


def test_a_word_that_matches_nothing_does_not_veto_the_others():
    assert ids(russian(), "рамка пищит громко-громко")[0] == "alarm"
    assert ids(english(), "card bounced again zzzq")[0] == "declined"
    # but a card that matches both words ranks above one that matches one
    assert ids(russian(), "рамка бирку")[0] == "alarm"
    assert ids(russian(), "карта отказ")[0] == "declined"


def test_exact_beats_form_and_a_word_found_is_not_read_as_a_slip():
    cards = [
        card("typo", "Пиар"),  # «пиво» with one letter changed
        card("form", "Пивом угостил"),
        card("exact", "Пиво"),
    ]
    index = SearchIndex(cards)
    hits = index.search("пиво ")
    assert [hit.card.id for hit in hits] == ["exact", "form"]
    assert [m.kind for hit in hits for m in hit.why] == ["exact", "form"]
    assert hits[0].score > hits[1].score


def test_typo_beats_another_layout():
    cards = [
        card("layout", "Rfhnf", "en"),  # «карта» typed on the Latin layout
        card("typo", "Карпа"),  # «карта» with one letter changed
    ]
    hits = SearchIndex(cards).search("карта ")
    assert [hit.card.id for hit in hits] == ["typo", "layout"]
    assert [(m.kind, m.reading) for hit in hits for m in hit.why] == [
        ("typo", ""),
        ("exact", "layout"),
    ]


def test_a_typo_of_one_word_does_not_tie_with_an_exact_other_word():
    cards = [card("beep", "Beep at the door", "en"), card("beer", "Beer", "en")]
    assert ids(SearchIndex(cards), "beer")[0] == "beer"


def test_typo_is_found_only_when_no_exact_word_is():
    # "beer" is a word of the age card: the gate's "beeping" is not offered as a slip of it
    assert ids(english(), "beer") == ["age"]


def test_another_layout_is_the_last_guess():
    cards = [
        card("latin", "Rfhnf", "en"),  # a word that is «карта» typed on the Latin layout
        card("cyrillic", "Карта"),
    ]
    index = SearchIndex(cards)
    assert ids(index, "rfhnf ") == ["latin", "cyrillic"]
    assert index.search("rfhnf ")[1].why[0].reading == "layout"


def test_whole_phrase_beats_scattered_words():
    cards = [
        card("scattered", "Связь", summary="Нет связи с банком, и сдачи тоже мало"),
        card("phrase", "Мелочь", summary="Когда нет сдачи у кассы"),
    ]
    assert ids(SearchIndex(cards), "нет сдачи")[0] == "phrase"


def test_title_and_tags_weigh_more_than_body_text():
    cards = [
        card("body", "Очередь", say=("Сейчас откроем вторую кассу, размен тоже есть",)),
        card("tag", "Купюры", tags=("размен",)),
        card("title", "Размен денег"),
    ]
    assert ids(SearchIndex(cards), "размен") == ["title", "tag", "body"]


def test_both_languages_at_once():
    # a Russian word in the English interface, and the other way round; shown in the interface
    hits = english().search("возврат")
    assert hits[0].card.id == "return" and hits[0].card.lang == "en"
    assert hits[0].why[0].lang == "ru"
    assert ids(russian(), "refund")[0] == "return"
    assert russian().search("refund")[0].card.lang == "ru"


def test_either_layout_in_either_interface():
    assert ids(english(), "hfvrf")[0] == "alarm"  # «рамка» typed on the Latin layout
    assert ids(russian(), "кугтв")[0] == "return"  # "refund" typed on the Russian layout
    assert ids(russian(), "vozvrat")[0] == "return"  # Russian in Latin letters


def test_there_is_always_a_best_guess_when_a_word_matched():
    for query in ("сканер пищит", "пищит сильно", "карта карта карта", "возр"):
        assert ids(russian(), query), query


def test_only_stop_words_are_read_as_the_start_of_a_word():
    assert ids(russian(), "пи")[0] in {"alarm", "age"}  # «пищит», «пиво»
    assert ids(russian(), "на") == []  # no title, tag or id starts with «на»
    assert ids(russian(), "") == []
    assert ids(russian(), "   ") == []


def test_every_result_says_why():
    hit = russian().search("возврат картой")[0]
    kinds = {(m.word, m.kind) for m in hit.why}
    assert ("возврат", "exact") in kinds
    assert all(m.field in {"title", "tags", "id", "summary", "say", "steps"} for m in hit.why)


def test_a_card_only_in_the_other_language_is_not_shown():
    only_en = [*EN, card("spill", "Spilled milk", "en")]
    assert "spill" not in ids(SearchIndex(RU, [only_en]), "milk")


def test_a_finished_word_of_the_cards_is_not_read_as_the_start_of_a_longer_one():
    index = SearchIndex(
        [
            card("queue", "Long queue", "en", tags=("one cashier only",)),
            card("terminal", "Card machine down", "en", tags=("cash",)),
        ],
        [],
    )
    # "cash" is a word of the cards: it means cash, not "cashier"; "only" is a stop word
    assert ids(index, "cash only")[0] == "terminal"
    assert ids(index, "cash only ")[0] == "terminal"
    # while typing, the word may still become "cashier"
    assert "queue" in ids(index, "cash")
    # a word cut short that is no word of the cards still finds the longer one
    assert ids(index, "cashi only")[0] == "queue"


def test_a_short_word_beside_a_word_as_the_card_has_it_ranks_that_card_first():
    index = SearchIndex(
        [
            card("loyalty", "Карта постоянного покупателя", tags=("не забудьте спросить карту",)),
            card("queue", "Без очереди", tags=("я только спросить",)),
        ],
        [],
    )
    # «только» alone finds nothing, but beside «спросить» it is the customer's own phrase
    assert ids(index, "мне только спросить")[0] == "queue"
    assert set(ids(index, "спросить")) == {"loyalty", "queue"}


def test_please_is_a_filler_word_in_both_languages():
    index = SearchIndex(
        [
            card("hurry", "Торопится", tags=("быстрее",)),
            card("queue", "Без очереди", tags=("быстро",), say=("Проходите, пожалуйста",)),
        ],
        [],
    )
    assert ids(index, "быстрее пожалуйста")[0] == "hurry"


def test_a_tag_of_its_own_says_more_than_a_word_of_a_longer_tag():
    # the drunk card mentions rudeness in one of its tags; the rude card is about it
    cards = [
        card("drunk", "Нетрезвый покупатель", tags=("выпивший", "пьяный хамит")),
        card("rude", "Раздражён или грубит", tags=("хамит", "кричит")),
    ]
    index = SearchIndex(cards)
    assert ids(index, "хамит") == ["rude", "drunk"]
    assert ids(index, "пьяный хамит")[0] == "drunk"  # the whole tag, as typed


def test_the_card_about_a_word_ranks_above_one_that_only_tags_it():
    # both carry the tag; only one speaks of it in its steps and phrasings as well
    cards = [
        card("alarm", "Сработала рамка", tags=("кража", "пищит")),
        card(
            "theft",
            "Заметили, что прячут товар",
            tags=("кража", "прячет"),
            steps=("Не обвиняйте в краже вслух.", "О краже скажите старшему."),
            say=("Вам помочь с пакетом? Кража тут ни при чём.",),
        ),
    ]
    assert ids(SearchIndex(cards), "кража") == ["theft", "alarm"]


def test_one_or_two_letters_find_titles_tags_and_ids_only():
    cards = [
        card("alarm", "Сработала рамка", say=("Покажите, пожалуйста, пакет",)),
        card("bag", "Пакет на кассе", tags=("маечка",)),
    ]
    index = SearchIndex(cards)
    assert ids(index, "п") == ["bag"]  # «Покажите», «пакет» in a phrasing do not count
    assert ids(index, "па") == ["bag"]
    assert ids(index, "пак")[0] == "bag" and "alarm" in ids(index, "пак")  # three letters do


def test_the_counter_gets_the_same_order_without_the_reasons():
    from pos_coach.cards import load_pack
    from pos_coach.library import Library
    from tests.conftest import SHIPPED_PACK

    result = load_pack(SHIPPED_PACK)
    library = Library(result.packs["ru"], result.packs.values())
    for query in (
        "карта не проходит",
        "пищит рамка",
        "с",
        "refund",
        "хамит п",
        "vozvrat",
        "ghbdtn",
    ):
        hits = library.search_hits(query, limit=24)
        assert [card.id for card in library.search(query, limit=24)] == [h.card.id for h in hits]
        assert all(hit.why for hit in hits), query


def test_a_single_letter_being_typed_after_words_waits_for_the_next():
    index = russian()
    assert ids(index, "карта п") == ids(index, "карта")  # «п» is not a word yet
    assert ids(index, "карта пр")[0] == "declined"  # «пр»: «проходит»
    # alone, one letter is read as typed: "r" is not «к» on the other layout
    hits = english().search("r")
    assert hits and all(match.reading == "" for hit in hits for match in hit.why)
    assert "loyalty" not in [hit.card.id for hit in hits]  # «Карта...» only on the other layout


def test_invisible_and_full_width_characters_are_read_as_the_word():
    index = russian()
    assert ids(index, "воз\u200bврат")[0] == "return"  # a zero-width space pasted in a word
    assert ids(index, "\u202eвозврат")[0] == "return"  # a direction mark before it
    assert ids(english(), "ＲＥＦＵＮＤ")[0] == "return"  # full-width letters
