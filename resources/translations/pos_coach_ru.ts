<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>BackOffice</name>
    <message>
        <location filename="../../pos_coach/ui/back_office.py" line="73"/>
        <source>The journal is being updated to this version (%1%); the review opens once that is done.</source>
        <translation>Журнал переводится на эту версию программы (%1%); обзор откроется, когда перевод закончится.</translation>
    </message>
</context>
<context>
    <name>CardForm</name>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="60"/>
        <source>words to find the card by, separated by commas</source>
        <translation>слова для поиска карточки, через запятую</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="66"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="67"/>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="68"/>
        <source>Summary</source>
        <translation>Коротко</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="69"/>
        <source>Hotkey</source>
        <translation>Горячая клавиша</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="70"/>
        <source>Search words</source>
        <translation>Слова для поиска</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="71"/>
        <source>Steps</source>
        <translation>Шаги</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="72"/>
        <source>What to say: ways to say the opening line (they take turns)</source>
        <translation>Что сказать: варианты первой фразы (показываются по очереди)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="73"/>
        <source>Then, in this order: the later lines (never rotated)</source>
        <translation>Дальше, по порядку: следующие реплики (не чередуются)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="74"/>
        <source>Avoid</source>
        <translation>Чего избегать</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="75"/>
        <source>WOW</source>
        <translation>ВАУ</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="76"/>
        <source>Call the shift lead</source>
        <translation>Когда звать старшего смены</translation>
    </message>
</context>
<context>
    <name>CardView</name>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="82"/>
        <source>← Back  (Esc)</source>
        <translation>← Назад  (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="106"/>
        <source>SAY</source>
        <translation>СКАЖИТЕ</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="112"/>
        <source>↻ Another phrasing</source>
        <translation>↻ Другая фраза</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="115"/>
        <location filename="../../pos_coach/ui/card_view.py" line="248"/>
        <source>✓ I said it</source>
        <translation>✓ Я сказал(а)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="232"/>
        <source>Then say, in order</source>
        <translation>Дальше скажите по порядку</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="234"/>
        <source>What to do</source>
        <translation>Что делать</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="235"/>
        <source>Avoid</source>
        <translation>Чего избегать</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="236"/>
        <source>Make it WOW</source>
        <translation>Как добиться «ВАУ»</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="238"/>
        <source>Call the shift lead</source>
        <translation>Когда звать старшего смены</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="244"/>
        <source>phrasing %1 of %2</source>
        <translation>фраза %1 из %2</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="248"/>
        <source>✓ Said</source>
        <translation>✓ Сказано</translation>
    </message>
</context>
<context>
    <name>CategoriesPage</name>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="38"/>
        <source>The order of the rows is the order on the tile screen. Colours are #RRGGBB; dark, calm colours read best with white text.</source>
        <translation>Порядок строк — это порядок на экране плиток. Цвета пишутся как #RRGGBB; лучше всего читаются тёмные спокойные цвета с белым текстом.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="47"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="48"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="51"/>
        <source>Save categories</source>
        <translation>Сохранить категории</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="69"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="70"/>
        <source>Colour</source>
        <translation>Цвет</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="71"/>
        <source>Label (%1)</source>
        <translation>Название (%1)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="126"/>
        <source>New category</source>
        <translation>Новая категория</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="142"/>
        <source>&apos;%1&apos; is used by %2 card(s); move them first.</source>
        <translation>&apos;%1&apos; используется в карточках: %2; сначала перенесите их.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="167"/>
        <source>&apos;%1&apos; is not a valid category id: use lowercase letters a-z, digits and &apos;-&apos;</source>
        <translation>&apos;%1&apos; не годится как id категории: только строчные латинские буквы, цифры и &apos;-&apos;</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="174"/>
        <source>&apos;%1&apos; is not a colour: write it as #RRGGBB, for example #2E6B3F</source>
        <translation>&apos;%1&apos; не цвет: пишите в виде #RRGGBB, например #2E6B3F</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="179"/>
        <source>Every category needs a label in every language.</source>
        <translation>У каждой категории должно быть название на каждом языке.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="188"/>
        <source>Categories saved.</source>
        <translation>Категории сохранены.</translation>
    </message>
</context>
<context>
    <name>ChartLabel</name>
    <message>
        <location filename="../../pos_coach/ui/review/charts_view.py" line="29"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="277"/>
        <source>Updating the journal to this version: %1%. The counter works on; events wait in memory and are written as soon as it is done.</source>
        <translation>Журнал переводится на эту версию программы: %1%. Касса работает дальше; события ждут в памяти и запишутся, как только перевод закончится.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_coach/ui/counter_window.py" line="283"/>
        <source>%n event(s) wait to be written to the journal; the counter works on and they will be written as soon as the disk allows.</source>
        <translation>
            <numerusform>%n событие ждёт записи в журнал; касса работает дальше, событие запишется, как только диск позволит.</numerusform>
            <numerusform>%n события ждут записи в журнал; касса работает дальше, они запишутся, как только диск позволит.</numerusform>
            <numerusform>%n событий ждут записи в журнал; касса работает дальше, они запишутся, как только диск позволит.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="290"/>
        <source>The data folder cannot be written; the counter works on, and events will wait in memory until it can be.</source>
        <translation>В папку данных нельзя записать; касса работает дальше, а события подождут в памяти, пока запись не станет возможной.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_coach/ui/counter_window.py" line="330"/>
        <source>%n problem(s) in the situation cards:</source>
        <translation>
            <numerusform>%n проблема в карточках ситуаций:</numerusform>
            <numerusform>%n проблемы в карточках ситуаций:</numerusform>
            <numerusform>%n проблем в карточках ситуаций:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="336"/>
        <source>Showing the last good version of:</source>
        <translation>Показана последняя исправная версия:</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="518"/>
        <source>Settings not saved (%1); they apply until the app closes.</source>
        <translation>Настройки не сохранены (%1); они действуют, пока программа не закрыта.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="579"/>
        <source>Saved: upset</source>
        <translation>Записано: недоволен</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="580"/>
        <source>Saved: OK</source>
        <translation>Записано: нормально</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="581"/>
        <source>Saved: WOW!</source>
        <translation>Записано: ВАУ!</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="582"/>
        <source>Saved: called the lead</source>
        <translation>Записано: позвали старшего</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="629"/>
        <source>Found</source>
        <translation>Найдено</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="631"/>
        <source>Nothing found. Try another word.</source>
        <translation>Ничего не нашлось. Попробуйте другое слово.</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="104"/>
        <source>POS Coach — card editor</source>
        <translation>POS Coach — редактор карточек</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="117"/>
        <source>Cards</source>
        <translation>Карточки</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="120"/>
        <source>Categories</source>
        <translation>Категории</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="123"/>
        <source>Import, export, trash</source>
        <translation>Импорт, экспорт, корзина</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="150"/>
        <source>Find a card…</source>
        <translation>Найти карточку…</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="163"/>
        <source>New</source>
        <translation>Новая</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="164"/>
        <source>Duplicate</source>
        <translation>Копия</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="165"/>
        <source>Rename id</source>
        <translation>Сменить id</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="166"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="211"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="214"/>
        <source>Revert</source>
        <translation>Отменить правки</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="195"/>
        <source>History of this card</source>
        <translation>История карточки</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="233"/>
        <source>As the cashier sees it (1024×600)</source>
        <translation>Как видит кассир (1024×600)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="376"/>
        <source>Card: %1</source>
        <translation>Карточка: %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="411"/>
        <source>Not written in this language yet.</source>
        <translation>На этом языке карточки ещё нет.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="413"/>
        <source>Out of date: the other language was changed after this one.</source>
        <translation>Устарела: другой язык меняли позже этого.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="439"/>
        <source>Not saved: fix the problems shown next to the fields.</source>
        <translation>Не сохранено: исправьте ошибки рядом с полями.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="450"/>
        <source>Saved %1 file(s).</source>
        <translation>Сохранено файлов: %1.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="469"/>
        <source>owner</source>
        <translation>владелец</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="470"/>
        <source>lead</source>
        <translation>старший смены</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="471"/>
        <source>saved</source>
        <translation>сохранено</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="472"/>
        <source>created</source>
        <translation>создано</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="473"/>
        <source>duplicated</source>
        <translation>скопировано</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="474"/>
        <source>renamed</source>
        <translation>переименовано</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="475"/>
        <source>deleted</source>
        <translation>удалено</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="476"/>
        <source>restored</source>
        <translation>восстановлено</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="477"/>
        <source>title</source>
        <translation>название</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="478"/>
        <source>category</source>
        <translation>категория</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="479"/>
        <source>summary</source>
        <translation>коротко</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="480"/>
        <source>hotkey</source>
        <translation>клавиша</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="481"/>
        <source>order</source>
        <translation>порядок</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="482"/>
        <source>tags</source>
        <translation>слова для поиска</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="483"/>
        <source>steps</source>
        <translation>шаги</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="484"/>
        <source>say</source>
        <translation>что сказать</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="485"/>
        <source>then</source>
        <translation>дальше</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="486"/>
        <source>avoid</source>
        <translation>чего избегать</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="487"/>
        <source>wow</source>
        <translation>вау</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="488"/>
        <source>escalate</source>
        <translation>старший смены</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="493"/>
        <source>Card id (a-z, 0-9 and -, at most %1 characters):</source>
        <translation>Id карточки (a-z, 0-9 и -, не больше %1 символов):</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="504"/>
        <source>New card</source>
        <translation>Новая карточка</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="510"/>
        <source>New situation</source>
        <translation>Новая ситуация</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="512"/>
        <source>What to do, in one line.</source>
        <translation>Что делать — одной строкой.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="513"/>
        <source>First step.</source>
        <translation>Первый шаг.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="514"/>
        <source>What to say.</source>
        <translation>Что сказать.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="515"/>
        <source>What not to do.</source>
        <translation>Чего не делать.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="516"/>
        <source>How to make it WOW.</source>
        <translation>Как добиться «ВАУ».</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="528"/>
        <source>Duplicate card</source>
        <translation>Копия карточки</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="541"/>
        <source>Rename card id</source>
        <translation>Сменить id карточки</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="559"/>
        <source>&apos;%1&apos; moved to the trash (restore it from “Import, export, trash”).</source>
        <translation>&apos;%1&apos; перемещена в корзину (вернуть можно на вкладке «Импорт, экспорт, корзина»).</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="286"/>
        <source>&apos;%1&apos; has unsaved changes: Save them, or press Close again to drop them.</source>
        <translation>В «%1» есть несохранённые правки: сохраните их или нажмите «Закрыть» ещё раз, чтобы их отбросить.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="124"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="126"/>
        <source>Close the editor (Ctrl+W, Esc)</source>
        <translation>Закрыть редактор (Ctrl+W, Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="220"/>
        <source>Preview</source>
        <translation>Просмотр</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="224"/>
        <source>Show or hide the card as the cashier sees it</source>
        <translation>Показать или скрыть карточку такой, какой её видит кассир</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="38"/>
        <source>This shift</source>
        <translation>Эта смена</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="39"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="40"/>
        <source>Yesterday</source>
        <translation>Вчера</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="41"/>
        <source>Last 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="42"/>
        <source>Last 30 days</source>
        <translation>Последние 30 дней</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="43"/>
        <source>Custom…</source>
        <translation>Выбрать даты…</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="60"/>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="157"/>
        <source>All cashiers</source>
        <translation>Все кассиры</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="61"/>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="141"/>
        <source>All situations</source>
        <translation>Все ситуации</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="62"/>
        <source>Any outcome</source>
        <translation>Любой итог</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="64"/>
        <source>WOW</source>
        <translation>ВАУ</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="65"/>
        <source>OK</source>
        <translation>Нормально</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="66"/>
        <source>Upset</source>
        <translation>Недоволен</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="67"/>
        <source>Called lead</source>
        <translation>Позвали старшего</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="68"/>
        <source>No outcome</source>
        <translation>Без итога</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="71"/>
        <source>Any language</source>
        <translation>Любой язык</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="72"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="73"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
</context>
<context>
    <name>GlancePanel</name>
    <message>
        <location filename="../../pos_coach/ui/review/glance_panel.py" line="43"/>
        <source>Interactions</source>
        <translation>Обращения</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/glance_panel.py" line="44"/>
        <source>Ended in WOW</source>
        <translation>Итог «ВАУ»</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/glance_panel.py" line="45"/>
        <source>Ended OK</source>
        <translation>Итог «нормально»</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/glance_panel.py" line="46"/>
        <source>Ended upset</source>
        <translation>Итог «недоволен»</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/glance_panel.py" line="47"/>
        <source>Shift lead called</source>
        <translation>Звали старшего</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/glance_panel.py" line="48"/>
        <source>Busiest hour</source>
        <translation>Самый загруженный час</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/glance_panel.py" line="49"/>
        <source>Most often upset</source>
        <translation>Чаще всего недовольны</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/glance_panel.py" line="60"/>
        <source>before: %1</source>
        <translation>раньше: %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/glance_panel.py" line="75"/>
        <source>pts</source>
        <translation>п.п.</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="29"/>
        <source>Type to find a situation…</source>
        <translation>Начните печатать, чтобы найти ситуацию…</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="38"/>
        <source>Review</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="42"/>
        <source>Cards</source>
        <translation>Карточки</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="44"/>
        <source>The owner&apos;s card editor</source>
        <translation>Редактор карточек владельца</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="47"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="75"/>
        <source>Register %1</source>
        <translation>Касса %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="78"/>
        <source>Pick cashier</source>
        <translation>Выбрать кассира</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="79"/>
        <source>Change cashier</source>
        <translation>Сменить кассира</translation>
    </message>
</context>
<context>
    <name>HotkeyField</name>
    <message>
        <location filename="../../pos_coach/ui/editor/fields.py" line="109"/>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <location filename="../../pos_coach/ui/editor/fields.py" line="41"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/fields.py" line="42"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/fields.py" line="73"/>
        <source>New line</source>
        <translation>Новая строка</translation>
    </message>
</context>
<context>
    <name>OutcomeBar</name>
    <message>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="29"/>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="35"/>
        <source>Upset</source>
        <translation>Недоволен</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="30"/>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="36"/>
        <source>OK</source>
        <translation>Нормально</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="31"/>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="37"/>
        <source>WOW!</source>
        <translation>ВАУ!</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="32"/>
        <source>Called the lead</source>
        <translation>Позвали старшего</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="38"/>
        <source>Lead</source>
        <translation>Старший</translation>
    </message>
</context>
<context>
    <name>PackPage</name>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="33"/>
        <source>Export the pack as .zip…</source>
        <translation>Экспорт набора в .zip…</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="36"/>
        <source>Import a pack from .zip…</source>
        <translation>Импорт набора из .zip…</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="48"/>
        <source>Choose a .zip to see what it would add, change and remove. Nothing is written until you apply it; the current pack is backed up first.</source>
        <translation>Выберите .zip, чтобы увидеть, что он добавит, изменит и удалит. Ничего не записывается, пока Вы не примените импорт; текущий набор сначала сохраняется в резервную копию.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="52"/>
        <source>Apply the import</source>
        <translation>Применить импорт</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="57"/>
        <source>Trash: deleted cards, newest first</source>
        <translation>Корзина: удалённые карточки, сначала новые</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="61"/>
        <source>Restore the selected card</source>
        <translation>Вернуть выбранную карточку</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="70"/>
        <source>Export the pack</source>
        <translation>Экспорт набора</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="74"/>
        <source>Saved: %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="78"/>
        <source>Import a pack</source>
        <translation>Импорт набора</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="85"/>
        <source>From: %1</source>
        <translation>Откуда: %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="87"/>
        <source>Added</source>
        <translation>Добавится</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="88"/>
        <source>Changed</source>
        <translation>Изменится</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="89"/>
        <source>Removed (to the trash)</source>
        <translation>Удалится (в корзину)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="95"/>
        <source>Problems:</source>
        <translation>Ошибки:</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="99"/>
        <source>Ready to apply.</source>
        <translation>Можно применять.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="101"/>
        <source>This pack cannot be imported: fix the problems above.</source>
        <translation>Этот набор нельзя импортировать: исправьте ошибки выше.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="117"/>
        <source>Imported. The previous pack was saved as %1</source>
        <translation>Импортировано. Прежний набор сохранён как %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="139"/>
        <source>Restored &apos;%1&apos;.</source>
        <translation>Карточка &apos;%1&apos; возвращена.</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="28"/>
        <location filename="../../pos_coach/ui/pin_page.py" line="80"/>
        <source>Shift lead&apos;s PIN</source>
        <translation>PIN старшего смены</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="53"/>
        <source>Back to the counter</source>
        <translation>Вернуться к кассе</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="80"/>
        <source>Owner&apos;s PIN</source>
        <translation>PIN владельца</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="83"/>
        <source>Enter the owner&apos;s PIN to open the card editor.</source>
        <translation>Введите PIN владельца, чтобы открыть редактор карточек.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="85"/>
        <source>Enter the shift lead&apos;s PIN to open the review.</source>
        <translation>Введите PIN старшего смены, чтобы открыть отчёты.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="97"/>
        <source>No PIN yet: choose one of 4 to 12 digits (6 or more is safer), then repeat it.</source>
        <translation>PIN ещё не задан: придумайте его (от 4 до 12 цифр, 6 и больше надёжнее) и повторите.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="99"/>
        <source>No PIN yet: choose one of 4 to 12 digits, then repeat it.</source>
        <translation>PIN ещё не задан: придумайте его (от 4 до 12 цифр) и повторите.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="126"/>
        <source>A PIN is at least 4 digits.</source>
        <translation>PIN — это не меньше 4 цифр.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="129"/>
        <source>Repeat the new PIN.</source>
        <translation>Повторите новый PIN.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="134"/>
        <source>A short PIN is quickly guessed by anyone who can copy the settings file: 6 digits or more are advised for the owner. Repeat it to keep it, or type another to start again.</source>
        <translation>Короткий PIN быстро подберёт любой, кто скопирует файл настроек: владельцу лучше взять 6 цифр и больше. Повторите PIN, чтобы оставить его, или введите другой, чтобы начать заново.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="141"/>
        <source>The two PINs differ; start again.</source>
        <translation>PIN не совпали; начните заново.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="153"/>
        <source>Wrong PIN. Try again.</source>
        <translation>Неверный PIN. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="156"/>
        <source>Wrong PIN. Next try in %1 s.</source>
        <translation>Неверный PIN. Следующая попытка через %1 с.</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="84"/>
        <source>POS Coach — shift review</source>
        <translation>POS Coach — отчёты смены</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="111"/>
        <location filename="../../pos_coach/ui/review/review_window.py" line="349"/>
        <source>Export CSV</source>
        <translation>Экспорт CSV</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="114"/>
        <location filename="../../pos_coach/ui/review/review_window.py" line="384"/>
        <source>PDF report</source>
        <translation>Отчёт PDF</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="132"/>
        <location filename="../../pos_coach/ui/review/review_window.py" line="259"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="151"/>
        <source>Notes for the PDF report (optional)</source>
        <translation>Заметки для отчёта PDF (необязательно)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="154"/>
        <source>At a glance</source>
        <translation>Коротко</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="165"/>
        <source>When and who</source>
        <translation>Когда и кто</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="167"/>
        <source>Situation</source>
        <translation>Ситуация</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="169"/>
        <source>Situations</source>
        <translation>Ситуации</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="171"/>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="173"/>
        <source>Cashiers</source>
        <translation>Кассиры</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="185"/>
        <source>Phrasing</source>
        <translation>Фраза</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="188"/>
        <source>Phrasings</source>
        <translation>Фразы</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="194"/>
        <source>Cards never shown in this period: candidates to reword or remove.</source>
        <translation>Карточки, которые ни разу не открывали за период: их стоит переписать или убрать.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="200"/>
        <source>Unused cards</source>
        <translation>Неиспользуемые карточки</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="206"/>
        <source>Find in phrasing, situation or cashier…</source>
        <translation>Поиск по фразе, ситуации или кассиру…</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="222"/>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="284"/>
        <source>PDF report saved: %1</source>
        <translation>Отчёт PDF сохранён: %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="290"/>
        <source>Could not read the journal: %1</source>
        <translation>Не удалось прочитать журнал: %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="325"/>
        <source>%1 – %2 · %3 interactions · %4 events in the journal</source>
        <translation>%1 – %2 · обращений: %3 · событий в журнале: %4</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="333"/>
        <source>too few uses to compare</source>
        <translation>слишком мало, чтобы сравнивать</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="338"/>
        <source>No phrasing has been used often enough yet to say which works better.</source>
        <translation>Пока ни одну фразу не использовали достаточно часто, чтобы сказать, какая работает лучше.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="343"/>
        <source>Each figure rests on the uses shown beside it; phrasings with fewer than %1 recorded outcomes are not compared.</source>
        <translation>Каждая цифра опирается на указанное рядом число использований; фразы, у которых меньше %1 отмеченных итогов, не сравниваются.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="365"/>
        <source>Saved: %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="408"/>
        <source>Writing the PDF report…</source>
        <translation>Записываю отчёт PDF…</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="117"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="119"/>
        <source>Close the review (Ctrl+W, Esc)</source>
        <translation>Закрыть отчёты (Ctrl+W, Esc)</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <location filename="../../pos_coach/ui/review/models.py" line="37"/>
        <source>Interactions</source>
        <translation>Обращения</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/models.py" line="38"/>
        <source>WOW</source>
        <translation>ВАУ</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/models.py" line="39"/>
        <source>OK</source>
        <translation>Нормально</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/models.py" line="40"/>
        <source>Upset</source>
        <translation>Недоволен</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/models.py" line="41"/>
        <source>Called lead</source>
        <translation>Позвали старшего</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/models.py" line="42"/>
        <source>No outcome</source>
        <translation>Без итога</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/models.py" line="43"/>
        <source>WOW %</source>
        <translation>ВАУ, %</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/models.py" line="44"/>
        <source>Upset %</source>
        <translation>Недоволен, %</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="37"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="40"/>
        <source>Review (shift lead)</source>
        <translation>Отчёты (старший смены)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="41"/>
        <source>Card editor (owner)</source>
        <translation>Редактор карточек (владелец)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="64"/>
        <source>Store name</source>
        <translation>Название магазина</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="63"/>
        <source>street, number, town, postcode</source>
        <translation>улица, дом, город, индекс</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="68"/>
        <source>Address (for emergency calls)</source>
        <translation>Адрес (для экстренных вызовов)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="66"/>
        <source>Register</source>
        <translation>Касса</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="73"/>
        <source>Cashiers (double-tap a name to rename it)</source>
        <translation>Кассиры (двойное касание — переименовать)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="81"/>
        <source>New name</source>
        <translation>Новое имя</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="85"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="89"/>
        <source>Remove selected</source>
        <translation>Удалить выбранное</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="99"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="103"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
</context>
<context>
    <name>ShiftPage</name>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="33"/>
        <source>Who is at the till?</source>
        <translation>Кто за кассой?</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="33"/>
        <source>Tap your name to start the shift.</source>
        <translation>Коснитесь своего имени, чтобы начать смену.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="38"/>
        <source>No names yet: type yours below.</source>
        <translation>Имён пока нет: введите своё ниже.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="44"/>
        <source>Your name</source>
        <translation>Ваше имя</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="49"/>
        <source>Start shift</source>
        <translation>Начать смену</translation>
    </message>
</context>
<context>
    <name>TileBoard</name>
    <message>
        <location filename="../../pos_coach/ui/tiles.py" line="306"/>
        <source>Most used</source>
        <translation>Чаще всего</translation>
    </message>
</context>
</TS>
