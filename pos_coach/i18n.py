"""Message catalogue for the Qt-free core (problems, CLI output).

The windows translate their own text through Qt's ``tr()``; the core cannot use Qt, so the few
sentences it produces live here, keyed by a code, in every shipped language.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("ru", "en")
DEFAULT_LANG = "ru"

MESSAGES: dict[str, dict[str, str]] = {
    "toml_syntax": {
        "en": "not valid TOML: {detail}",
        "ru": "ошибка в записи TOML: {detail}",
    },
    "zip_absolute": {
        "en": "an absolute path in the archive; refused",
        "ru": "абсолютный путь внутри архива; отклонено",
    },
    "zip_outside": {
        "en": "a path leading out of the pack ('..'); refused",
        "ru": "путь, ведущий за пределы набора ('..'); отклонено",
    },
    "zip_symlink": {
        "en": "a symbolic link; refused",
        "ru": "символическая ссылка; отклонено",
    },
    "zip_encrypted": {
        "en": "an encrypted entry; refused",
        "ru": "зашифрованный файл; отклонено",
    },
    "zip_entry_big": {
        "en": "{size} bytes; a file in the archive may be at most {limit} bytes",
        "ru": "{size} байт; файл в архиве может быть не больше {limit} байт",
    },
    "zip_entries": {
        "en": "{count} files in the archive; at most {limit}",
        "ru": "в архиве {count} файлов; можно не больше {limit}",
    },
    "zip_total": {
        "en": "{size} bytes unpacked; at most {limit}",
        "ru": "{size} байт после распаковки; можно не больше {limit}",
    },
    "zip_unusable": {
        "en": "not a .zip file, or a damaged or unsupported one ({kind}): export the pack again",
        "ru": "это не .zip-файл, или он повреждён, или сжат неизвестным способом ({kind}): выгрузите набор заново",
    },
    "toml_open_text": {
        "en": 'a text is not closed: a closing " is missing on this line (a text over several lines needs three quotes """)',
        "ru": 'текст не закрыт: на этой строке не хватает закрывающей " (текст на несколько строк пишется в тройных кавычках """)',
    },
    "toml_open_list": {
        "en": 'a list in [ ] is broken here: check the items above for a missing comma or quote, or a " inside a text (write it \\" or use «…»)',
        "ru": 'список в [ ] здесь сломан: проверьте пункты выше — не пропущена ли запятая или кавычка, нет ли " внутри текста (пишите \\" или «…»)',
    },
    "toml_after_value": {
        "en": 'there is more on this line after the value: a " inside the text ends it early — write it \\" or use «…» or “…”',
        "ru": 'после значения на строке есть ещё текст: " внутри текста закрывает его раньше времени — пишите \\" или «…» и “…”',
    },
    "toml_open_table": {
        "en": "a table in { } is not closed with }",
        "ru": "таблица в { } не закрыта знаком }",
    },
    "toml_no_equals": {
        "en": "this is not a line of the form key = value: a text outside quotes, or a quote missing on the line before?",
        "ru": "это не строка вида ключ = значение: текст без кавычек или не закрыта кавычка на строке выше?",
    },
    "toml_twice": {
        "en": "this key is written twice in the file: keep one",
        "ru": "этот ключ записан в файле дважды: оставьте один",
    },
    "toml_backslash": {
        "en": "a lone backslash \\ in a text: write it twice (\\\\) or remove it",
        "ru": "одиночная обратная косая черта \\ в тексте: напишите её дважды (\\\\) или уберите",
    },
    "toml_bad_value": {
        "en": "the value cannot be read: a text needs double quotes, a list needs [ ], a number none",
        "ru": "значение не читается: текст пишется в двойных кавычках, список — в [ ], число — без кавычек",
    },
    "toml_open_section": {
        "en": "a section header such as [categories.everyday] is not closed with ]",
        "ru": "заголовок раздела вроде [categories.everyday] не закрыт знаком ]",
    },
    "toml_deep": {
        "en": "brackets nested far too deep",
        "ru": "скобки вложены слишком глубоко",
    },
    "toml_other": {
        "en": "{detail} (check the quotes, brackets and commas near here)",
        "ru": "{detail} (проверьте кавычки, скобки и запятые рядом)",
    },
    "not_utf8": {
        "en": "the file is not UTF-8 text (byte {byte} cannot be read); save it as UTF-8",
        "ru": "файл не в кодировке UTF-8 (байт {byte} не читается); сохраните его как UTF-8",
    },
    "too_large": {
        "en": "the file is {size} bytes; a card file may be at most {limit} bytes",
        "ru": "файл весит {size} байт; файл карточки может быть не больше {limit} байт",
    },
    "bad_id": {
        "en": "'{name}' is not a valid card id: use lowercase letters a-z, digits and '-'{hint}",
        "ru": "'{name}' не годится как id карточки: только строчные латинские буквы, цифры и '-'{hint}",
    },
    "long_id": {
        "en": "the card id is {length} characters long; at most {limit}",
        "ru": "id карточки длиной {length} символов, а можно не больше {limit}",
    },
    "reserved_id": {
        "en": "'{name}' cannot be a card id: Windows keeps the name for a device, so the file cannot be copied or unzipped there; choose another id",
        "ru": "'{name}' нельзя сделать id карточки: в Windows это имя устройства, такой файл там не скопировать и не распаковать; выберите другой id",
    },
    "missing_key": {
        "en": "required key '{key}' is missing",
        "ru": "нет обязательного ключа '{key}'",
    },
    "unknown_key": {
        "en": "unknown key '{key}'{hint}",
        "ru": "неизвестный ключ '{key}'{hint}",
    },
    "wrong_type": {
        "en": "{what} must be {expected}, not {got}",
        "ru": "{what}: нужен {expected}, а здесь {got}",
    },
    "empty_text": {
        "en": "{what} must not be empty",
        "ru": "{what}: текст не может быть пустым",
    },
    "too_long": {
        "en": "{what} is {length} characters long; at most {limit}",
        "ru": "{what}: {length} символов, а можно не больше {limit}",
    },
    "too_few": {
        "en": "{what} needs at least {limit} item(s)",
        "ru": "{what}: нужно хотя бы {limit}",
    },
    "too_many": {
        "en": "{what} has {count} items; at most {limit}",
        "ru": "{what}: пунктов — {count}, а можно не больше {limit}",
    },
    "out_of_range": {
        "en": "{what} must be between {low} and {high}",
        "ru": "{what}: число должно быть от {low} до {high}",
    },
    "one_line": {
        "en": "{what} must be a single line",
        "ru": "{what}: должно быть в одну строку",
    },
    "bad_colour": {
        "en": "'{value}' is not a colour: write it as #RRGGBB, for example #2E6B3F",
        "ru": "'{value}' не цвет: пишите в виде #RRGGBB, например #2E6B3F",
    },
    "bad_category_id": {
        "en": "'{value}' is not a valid category id: use lowercase letters a-z, digits and '-'",
        "ru": "'{value}' не годится как id категории: только строчные латинские буквы, цифры и '-'",
    },
    "unknown_category": {
        "en": "unknown category '{value}'{hint}",
        "ru": "неизвестная категория '{value}'{hint}",
    },
    "bad_hotkey": {
        "en": "'{value}' is not a hotkey: use F1-F24, or Ctrl/Alt with a letter, digit or F-key",
        "ru": "'{value}' не горячая клавиша: используйте F1-F24 или Ctrl/Alt с буквой, цифрой или F-клавишей",
    },
    "reserved_hotkey": {
        "en": "hotkey '{value}' is reserved: {why}",
        "ru": "клавиша '{value}' занята: {why}",
    },
    "duplicate_hotkey": {
        "en": "hotkey '{value}' is already used by card '{other}'",
        "ru": "клавиша '{value}' уже назначена карточке '{other}'",
    },
    "unknown_placeholder": {
        "en": "unknown placeholder '{{{name}}}'{hint}; known: {known}",
        "ru": "неизвестная подстановка '{{{name}}}'{hint}; можно: {known}",
    },
    "stray_brace": {
        "en": "a lone '{brace}' in the text: placeholders look like {{greeting}}",
        "ru": "одиночная '{brace}' в тексте: подстановки пишутся так: {{greeting}}",
    },
    "later_line": {
        "en": "{what} reads as a later line of the conversation ({stage}): the phrasings in 'say' take turns and any may come first; move it to 'then' (or end its line with # keep)",
        "ru": "{what} звучит как более поздняя реплика разговора ({stage}): фразы из 'say' показываются по очереди, любая может оказаться первой; перенесите её в 'then' (или допишите в конце строки # keep)",
    },
    "stage_closing": {
        "en": "it closes the matter",
        "ru": "она завершает разговор",
    },
    "stage_promising": {
        "en": "it promises what has not happened yet",
        "ru": "она обещает то, чего ещё не случилось",
    },
    "stage_conceding": {
        "en": "it concedes before anything is checked",
        "ru": "она признаёт ошибку или уступает до проверки",
    },
    "missing_translation": {
        "en": "card '{id}' has no {lang} version ({expected} is missing)",
        "ru": "у карточки '{id}' нет версии на языке {lang} (нет файла {expected})",
    },
    "missing_pack_file": {
        "en": "no pack.toml here: it names the pack and its categories",
        "ru": "нет файла pack.toml: в нём название набора и категории",
    },
    "no_languages": {
        "en": "no language folders found; expected {expected}",
        "ru": "не найдено папок языков; ожидались {expected}",
    },
    "not_a_folder": {
        "en": "not a folder of situation cards",
        "ru": "это не папка с карточками ситуаций",
    },
    "unreadable": {
        "en": "cannot read the file: {detail}",
        "ru": "не удаётся прочитать файл: {detail}",
    },
    "did_you_mean": {"en": "; did you mean '{match}'?", "ru": "; может быть, '{match}'?"},
    "why_typing": {
        "en": "plain keys start a search",
        "ru": "обычные клавиши начинают поиск",
    },
    "why_outcome": {
        "en": "digits record how the interaction ended",
        "ru": "цифры отмечают, чем закончилось обслуживание",
    },
    "why_app": {
        "en": "the app uses it",
        "ru": "её использует само приложение",
    },
    "why_system": {
        "en": "the system uses it",
        "ru": "её использует система",
    },
    # Descriptions of places and types used inside the messages above.
    "item_of": {"en": "item {index} of '{key}'", "ru": "пункт {index} в '{key}'"},
    "key": {"en": "'{key}'", "ru": "'{key}'"},
    "type_text": {"en": "text in quotes", "ru": "текст в кавычках"},
    "type_list": {
        "en": 'a list of texts, like ["first", "second"]',
        "ru": 'список текстов, например ["первый", "второй"]',
    },
    "type_int": {"en": "a whole number", "ru": "целое число"},
    "type_table": {"en": "a table", "ru": "таблица"},
    "got_str": {"en": "text", "ru": "текст"},
    "got_int": {"en": "a number", "ru": "число"},
    "got_float": {"en": "a decimal number", "ru": "дробное число"},
    "got_bool": {"en": "true/false", "ru": "true/false"},
    "got_list": {"en": "a list", "ru": "список"},
    "got_dict": {"en": "a table", "ru": "таблица"},
    "got_other": {"en": "something else", "ru": "что-то другое"},
    "hotkeys_wayland": {
        "en": "Global hotkeys cannot work on Wayland: use the tiles, the hotkeys while POS Coach has the keyboard, or pos-coach trigger.",
        "ru": "Глобальные горячие клавиши не работают в Wayland: пользуйтесь плитками, клавишами, пока POS Coach в фокусе, или pos-coach trigger.",
    },
    "hotkeys_missing": {
        "en": "Global hotkeys need the pynput package (pip install pynput) and a desktop session.",
        "ru": "Для глобальных горячих клавиш нужен пакет pynput (pip install pynput) и рабочий стол.",
    },
    "journal_set_aside": {
        "en": "The journal could not be read ({reason}). It was kept as {name} and a new journal was started, into which every event that can still be read is being copied; nothing was deleted.",
        "ru": "Журнал не удалось прочитать ({reason}). Он сохранён как {name}, начат новый журнал, и в него переносятся все события, которые ещё можно прочитать; ничего не удалено.",
    },
    # The settings file (said at start on standard error and in the counter's banner)
    "setting_refused": {
        "en": "{path}: {name} = {value} is not allowed ({rule}); the default {default} is used",
        "ru": "{path}: {name} = {value} — недопустимое значение (нужно: {rule}); используется значение по умолчанию {default}",
    },
    "settings_broken": {
        "en": "{path} cannot be read ({detail}); it was kept as {backup} and the defaults are used",
        "ru": "{path} не читается ({detail}); файл сохранён как {backup}, используются значения по умолчанию",
    },
    "settings_broken_here": {
        "en": "{path} cannot be read ({detail}); the defaults are used",
        "ru": "{path} не читается ({detail}); используются значения по умолчанию",
    },
    "settings_more": {
        "en": "…and {count} more setting(s) not used; pos-coach run names each one when it starts",
        "ru": "…и ещё не использовано настроек: {count}; pos-coach run называет каждую при запуске",
    },
    "value_hidden": {"en": "(not shown)", "ru": "(не показано)"},
    "rule_bool": {"en": "true or false", "ru": "true или false"},
    "rule_int": {
        "en": "a whole number from {low} to {high}",
        "ru": "целое число от {low} до {high}",
    },
    "rule_text": {
        "en": "text of at most {length} characters, without control characters",
        "ru": "текст не длиннее {length} символов, без управляющих символов",
    },
    "rule_zone": {
        "en": "empty, or an IANA time zone name such as Europe/Moscow (at most {length} characters)",
        "ru": "пусто или название часового пояса IANA, например Europe/Moscow (не длиннее {length} символов)",
    },
    "rule_names": {
        "en": "a list of at most {items} names, each at most {length} characters, without control characters",
        "ru": "список не более чем из {items} имён, каждое не длиннее {length} символов, без управляющих символов",
    },
    # CLI
    "check_summary_ok": {
        "en": "{cards} cards in {langs} language(s), no problems",
        "ru": "карточек: {cards}, языков: {langs}, ошибок нет",
    },
    "search_none": {
        "en": 'no card matches "{query}"',
        "ru": "ни одна карточка не подходит к «{query}»",
    },
    "search_header": {
        "en": "rank\tid\tscore\ttitle\twhy",
        "ru": "место\tid\tбаллы\tзаголовок\tпочему",
    },
    "check_summary_bad": {
        "en": "{errors} error(s), {warnings} warning(s); {cards} card(s) loaded",
        "ru": "ошибок: {errors}, предупреждений: {warnings}; загружено карточек: {cards}",
    },
    "check_summary_warn": {
        "en": "{cards} cards in {langs} language(s), no errors; {warnings} warning(s) worth a look",
        "ru": "карточек: {cards}, языков: {langs}, ошибок нет; предупреждений: {warnings}",
    },
    # the report's table, for people (CSV and JSON keep the field names, for programs)
    "report_interactions": {"en": "interactions", "ru": "взаимодействий"},
    "report_wow": {"en": "wow", "ru": "вау"},
    "report_ok": {"en": "ok", "ru": "нормально"},
    "report_upset": {"en": "upset", "ru": "недоволен"},
    "report_escalated": {"en": "escalated", "ru": "позвали старшего"},
    "report_no_outcome": {"en": "no outcome", "ru": "без итога"},
    "report_wow_share": {"en": "wow %", "ru": "вау %"},
    "report_upset_share": {"en": "upset %", "ru": "недоволен %"},
    "report_total": {"en": "total", "ru": "итого"},
    "report_situation": {"en": "situation", "ru": "ситуация"},
    "report_cashier": {"en": "cashier", "ru": "кассир"},
    "report_hour": {"en": "hour", "ru": "час"},
    "report_day": {"en": "day", "ru": "день"},
    "report_weekday": {"en": "weekday", "ru": "день недели"},
    "report_outcome": {"en": "outcome", "ru": "итог"},
    "report_lang": {"en": "language", "ru": "язык"},
    "report_source": {"en": "source", "ru": "откуда"},
    "report_by_situation": {"en": "by situation", "ru": "по ситуациям"},
    "report_by_cashier": {"en": "by cashier", "ru": "по кассирам"},
    "report_by_hour": {"en": "by hour", "ru": "по часам"},
    "report_by_day": {"en": "by day", "ru": "по дням"},
    "report_by_weekday": {"en": "by weekday", "ru": "по дням недели"},
    "report_by_outcome": {"en": "by outcome", "ru": "по итогам"},
    "report_by_lang": {"en": "by language", "ru": "по языкам"},
    "report_by_source": {"en": "by source", "ru": "по источникам"},
    "weekday_names": {
        "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
        "ru": "понедельник вторник среда четверг пятница суббота воскресенье",
    },
    "warning_prefix": {
        "en": "warning: ",
        "ru": "предупреждение: ",
    },
}


def template(catalogue: Mapping[str, Mapping[str, str]], code: str, lang: str) -> str:
    """Message ``code`` of ``catalogue`` in ``lang``, English when the language has none."""
    entry = catalogue[code]
    return entry.get(lang) or entry["en"]


def message(code: str, lang: str, args: Mapping[str, object] | None = None) -> str:
    """The text of message ``code`` in ``lang`` (English when the language has none)."""
    return template(MESSAGES, code, lang).format(**(args or {}))


def system_lang() -> str:
    """The language of the user's locale, as far as the environment tells."""
    import os

    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(var):
            return normalise_lang(os.environ[var])
    import locale

    return normalise_lang(locale.getlocale()[0])


def normalise_lang(lang: str | None) -> str:
    """Map a locale name such as ``ru_RU.UTF-8`` to a shipped language."""
    if not lang:
        return DEFAULT_LANG
    short = lang.lower().replace("-", "_").split("_")[0].split(".")[0]
    return short if short in LANGUAGES else "en"
