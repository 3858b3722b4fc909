<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru_RU">
<context>
    <name>CardView</name>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="84" />
        <source>← Back  (Esc)</source>
        <translation>← Назад  (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="103" />
        <source>SAY</source>
        <translation>СКАЖИТЕ</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="109" />
        <source>↻ Another phrasing</source>
        <translation>↻ Другая фраза</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="112" />
        <location filename="../../pos_coach/ui/card_view.py" line="180" />
        <source>✓ I said it</source>
        <translation>✓ Я сказал(а)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="166" />
        <source>What to do</source>
        <translation>Что делать</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="167" />
        <source>Avoid</source>
        <translation>Чего избегать</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="168" />
        <source>Make it WOW</source>
        <translation>Как добиться «ВАУ»</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="170" />
        <source>Call the shift lead</source>
        <translation>Когда звать старшего смены</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="176" />
        <source>phrasing %1 of %2</source>
        <translation>фраза %1 из %2</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="180" />
        <source>✓ Said</source>
        <translation>✓ Сказано</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message numerus="yes">
        <location filename="../../pos_coach/ui/counter_window.py" line="98" />
        <source>%n problem(s) in the situation cards:</source>
        <translation><numerusform>%n ошибка в карточках ситуаций:</numerusform><numerusform>%n ошибки в карточках ситуаций:</numerusform><numerusform>%n ошибок в карточках ситуаций:</numerusform></translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="229" />
        <source>Saved: upset</source>
        <translation>Записано: недоволен</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="230" />
        <source>Saved: OK</source>
        <translation>Записано: нормально</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="231" />
        <source>Saved: WOW!</source>
        <translation>Записано: ВАУ!</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="232" />
        <source>Saved: called the lead</source>
        <translation>Записано: позвали старшего</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="279" />
        <source>Found</source>
        <translation>Найдено</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="281" />
        <source>Nothing found. Try another word.</source>
        <translation>Ничего не нашлось. Попробуйте другое слово.</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="24" />
        <source>Type to find a situation…</source>
        <translation>Начните печатать, чтобы найти ситуацию…</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="34" />
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="41" />
        <source>Register %1</source>
        <translation>Касса %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="43" />
        <source>Pick cashier</source>
        <translation>Выбрать кассира</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="44" />
        <source>Change cashier</source>
        <translation>Сменить кассира</translation>
    </message>
</context>
<context>
    <name>OutcomeBar</name>
    <message>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="25" />
        <source>Upset</source>
        <translation>Недоволен</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="26" />
        <source>OK</source>
        <translation>Нормально</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="27" />
        <source>WOW!</source>
        <translation>ВАУ!</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="28" />
        <source>Called the lead</source>
        <translation>Позвали старшего</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="29" />
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="37" />
        <source>Store name</source>
        <translation>Название магазина</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="41" />
        <source>Register</source>
        <translation>Касса</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="43" />
        <source>Cashiers (double-tap a name to rename it)</source>
        <translation>Кассиры (двойное касание — переименовать)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="51" />
        <source>New name</source>
        <translation>Новое имя</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="55" />
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="59" />
        <source>Remove selected</source>
        <translation>Удалить выбранное</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="68" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="72" />
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
</context>
<context>
    <name>ShiftPage</name>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="28" />
        <source>Who is at the till?</source>
        <translation>Кто за кассой?</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="31" />
        <source>Tap your name to start the shift.</source>
        <translation>Коснитесь своего имени, чтобы начать смену.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="37" />
        <source>No names yet: type yours below.</source>
        <translation>Имён пока нет: введите своё ниже.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="43" />
        <source>Your name</source>
        <translation>Ваше имя</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="48" />
        <source>Start shift</source>
        <translation>Начать смену</translation>
    </message>
</context>
</TS>