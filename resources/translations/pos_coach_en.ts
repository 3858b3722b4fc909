<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BackOffice</name>
    <message>
        <location filename="../../pos_coach/ui/back_office.py" line="73"/>
        <source>The journal is being updated to this version (%1%); the review opens once that is done.</source>
        <translation>The journal is being updated to this version (%1%); the review opens once that is done.</translation>
    </message>
</context>
<context>
    <name>CardForm</name>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="60"/>
        <source>words to find the card by, separated by commas</source>
        <translation>words to find the card by, separated by commas</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="66"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="67"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="68"/>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="69"/>
        <source>Hotkey</source>
        <translation>Hotkey</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="70"/>
        <source>Search words</source>
        <translation>Search words</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="71"/>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="72"/>
        <source>What to say: ways to say the opening line (they take turns)</source>
        <translation>What to say: ways to say the opening line (they take turns)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="73"/>
        <source>Then, in this order: the later lines (never rotated)</source>
        <translation>Then, in this order: the later lines (never rotated)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="74"/>
        <source>Avoid</source>
        <translation>Avoid</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="75"/>
        <source>WOW</source>
        <translation>WOW</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/card_form.py" line="76"/>
        <source>Call the shift lead</source>
        <translation>Call the shift lead</translation>
    </message>
</context>
<context>
    <name>CardView</name>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="82"/>
        <source>← Back  (Esc)</source>
        <translation>← Back  (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="106"/>
        <source>SAY</source>
        <translation>SAY</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="112"/>
        <source>↻ Another phrasing</source>
        <translation>↻ Another phrasing</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="115"/>
        <location filename="../../pos_coach/ui/card_view.py" line="248"/>
        <source>✓ I said it</source>
        <translation>✓ I said it</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="232"/>
        <source>Then say, in order</source>
        <translation>Then say, in order</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="234"/>
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="235"/>
        <source>Avoid</source>
        <translation>Avoid</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="236"/>
        <source>Make it WOW</source>
        <translation>Make it WOW</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="238"/>
        <source>Call the shift lead</source>
        <translation>Call the shift lead</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="244"/>
        <source>phrasing %1 of %2</source>
        <translation>phrasing %1 of %2</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="248"/>
        <source>✓ Said</source>
        <translation>✓ Said</translation>
    </message>
</context>
<context>
    <name>CategoriesPage</name>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="38"/>
        <source>The order of the rows is the order on the tile screen. Colours are #RRGGBB; dark, calm colours read best with white text.</source>
        <translation>The order of the rows is the order on the tile screen. Colours are #RRGGBB; dark, calm colours read best with white text.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="47"/>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="48"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="51"/>
        <source>Save categories</source>
        <translation>Save categories</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="69"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="70"/>
        <source>Colour</source>
        <translation>Colour</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="71"/>
        <source>Label (%1)</source>
        <translation>Label (%1)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="126"/>
        <source>New category</source>
        <translation>New category</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="142"/>
        <source>&apos;%1&apos; is used by %2 card(s); move them first.</source>
        <translation>&apos;%1&apos; is used by %2 card(s); move them first.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="167"/>
        <source>&apos;%1&apos; is not a valid category id: use lowercase letters a-z, digits and &apos;-&apos;</source>
        <translation>&apos;%1&apos; is not a valid category id: use lowercase letters a-z, digits and &apos;-&apos;</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="174"/>
        <source>&apos;%1&apos; is not a colour: write it as #RRGGBB, for example #2E6B3F</source>
        <translation>&apos;%1&apos; is not a colour: write it as #RRGGBB, for example #2E6B3F</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="179"/>
        <source>Every category needs a label in every language.</source>
        <translation>Every category needs a label in every language.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/categories.py" line="188"/>
        <source>Categories saved.</source>
        <translation>Categories saved.</translation>
    </message>
</context>
<context>
    <name>ChartLabel</name>
    <message>
        <location filename="../../pos_coach/ui/review/charts_view.py" line="29"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="277"/>
        <source>Updating the journal to this version: %1%. The counter works on; events wait in memory and are written as soon as it is done.</source>
        <translation>Updating the journal to this version: %1%. The counter works on; events wait in memory and are written as soon as it is done.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_coach/ui/counter_window.py" line="283"/>
        <source>%n event(s) wait to be written to the journal; the counter works on and they will be written as soon as the disk allows.</source>
        <translation>
            <numerusform>%n event waits to be written to the journal; the counter works on and it will be written as soon as the disk allows.</numerusform>
            <numerusform>%n events wait to be written to the journal; the counter works on and they will be written as soon as the disk allows.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="290"/>
        <source>The data folder cannot be written; the counter works on, and events will wait in memory until it can be.</source>
        <translation>The data folder cannot be written; the counter works on, and events will wait in memory until it can be.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos_coach/ui/counter_window.py" line="330"/>
        <source>%n problem(s) in the situation cards:</source>
        <translation>
            <numerusform>%n problem in the situation cards:</numerusform>
            <numerusform>%n problems in the situation cards:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="336"/>
        <source>Showing the last good version of:</source>
        <translation>Showing the last good version of:</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="518"/>
        <source>Settings not saved (%1); they apply until the app closes.</source>
        <translation>Settings not saved (%1); they apply until the app closes.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="579"/>
        <source>Saved: upset</source>
        <translation>Saved: upset</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="580"/>
        <source>Saved: OK</source>
        <translation>Saved: OK</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="581"/>
        <source>Saved: WOW!</source>
        <translation>Saved: WOW!</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="582"/>
        <source>Saved: called the lead</source>
        <translation>Saved: called the lead</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="629"/>
        <source>Found</source>
        <translation>Found</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="631"/>
        <source>Nothing found. Try another word.</source>
        <translation>Nothing found. Try another word.</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="104"/>
        <source>POS Coach — card editor</source>
        <translation>POS Coach — card editor</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="117"/>
        <source>Cards</source>
        <translation>Cards</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="120"/>
        <source>Categories</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="123"/>
        <source>Import, export, trash</source>
        <translation>Import, export, trash</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="150"/>
        <source>Find a card…</source>
        <translation>Find a card…</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="163"/>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="164"/>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="165"/>
        <source>Rename id</source>
        <translation>Rename id</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="166"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="211"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="214"/>
        <source>Revert</source>
        <translation>Revert</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="195"/>
        <source>History of this card</source>
        <translation>History of this card</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="233"/>
        <source>As the cashier sees it (1024×600)</source>
        <translation>As the cashier sees it (1024×600)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="376"/>
        <source>Card: %1</source>
        <translation>Card: %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="411"/>
        <source>Not written in this language yet.</source>
        <translation>Not written in this language yet.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="413"/>
        <source>Out of date: the other language was changed after this one.</source>
        <translation>Out of date: the other language was changed after this one.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="439"/>
        <source>Not saved: fix the problems shown next to the fields.</source>
        <translation>Not saved: fix the problems shown next to the fields.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="450"/>
        <source>Saved %1 file(s).</source>
        <translation>Saved %1 file(s).</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="469"/>
        <source>owner</source>
        <translation>owner</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="470"/>
        <source>lead</source>
        <translation>lead</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="471"/>
        <source>saved</source>
        <translation>saved</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="472"/>
        <source>created</source>
        <translation>created</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="473"/>
        <source>duplicated</source>
        <translation>duplicated</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="474"/>
        <source>renamed</source>
        <translation>renamed</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="475"/>
        <source>deleted</source>
        <translation>deleted</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="476"/>
        <source>restored</source>
        <translation>restored</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="477"/>
        <source>title</source>
        <translation>title</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="478"/>
        <source>category</source>
        <translation>category</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="479"/>
        <source>summary</source>
        <translation>summary</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="480"/>
        <source>hotkey</source>
        <translation>hotkey</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="481"/>
        <source>order</source>
        <translation>order</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="482"/>
        <source>tags</source>
        <translation>tags</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="483"/>
        <source>steps</source>
        <translation>steps</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="484"/>
        <source>say</source>
        <translation>say</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="485"/>
        <source>then</source>
        <translation>then</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="486"/>
        <source>avoid</source>
        <translation>avoid</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="487"/>
        <source>wow</source>
        <translation>wow</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="488"/>
        <source>escalate</source>
        <translation>escalate</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="493"/>
        <source>Card id (a-z, 0-9 and -, at most %1 characters):</source>
        <translation>Card id (a-z, 0-9 and -, at most %1 characters):</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="504"/>
        <source>New card</source>
        <translation>New card</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="510"/>
        <source>New situation</source>
        <translation>New situation</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="512"/>
        <source>What to do, in one line.</source>
        <translation>What to do, in one line.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="513"/>
        <source>First step.</source>
        <translation>First step.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="514"/>
        <source>What to say.</source>
        <translation>What to say.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="515"/>
        <source>What not to do.</source>
        <translation>What not to do.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="516"/>
        <source>How to make it WOW.</source>
        <translation>How to make it WOW.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="528"/>
        <source>Duplicate card</source>
        <translation>Duplicate card</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="541"/>
        <source>Rename card id</source>
        <translation>Rename card id</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="559"/>
        <source>&apos;%1&apos; moved to the trash (restore it from “Import, export, trash”).</source>
        <translation>&apos;%1&apos; moved to the trash (restore it from “Import, export, trash”).</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="286"/>
        <source>&apos;%1&apos; has unsaved changes: Save them, or press Close again to drop them.</source>
        <translation>&apos;%1&apos; has unsaved changes: Save them, or press Close again to drop them.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="124"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="126"/>
        <source>Close the editor (Ctrl+W, Esc)</source>
        <translation>Close the editor (Ctrl+W, Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="220"/>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/editor_window.py" line="224"/>
        <source>Show or hide the card as the cashier sees it</source>
        <translation>Show or hide the card as the cashier sees it</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="38"/>
        <source>This shift</source>
        <translation>This shift</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="39"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="40"/>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="41"/>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="42"/>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="43"/>
        <source>Custom…</source>
        <translation>Custom…</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="60"/>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="157"/>
        <source>All cashiers</source>
        <translation>All cashiers</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="61"/>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="141"/>
        <source>All situations</source>
        <translation>All situations</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="62"/>
        <source>Any outcome</source>
        <translation>Any outcome</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="64"/>
        <source>WOW</source>
        <translation>WOW</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="65"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="66"/>
        <source>Upset</source>
        <translation>Upset</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="67"/>
        <source>Called lead</source>
        <translation>Called lead</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="68"/>
        <source>No outcome</source>
        <translation>No outcome</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="71"/>
        <source>Any language</source>
        <translation>Any language</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="72"/>
        <source>Russian</source>
        <translation>Russian</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="73"/>
        <source>English</source>
        <translation>English</translation>
    </message>
</context>
<context>
    <name>GlancePanel</name>
    <message>
        <location filename="../../pos_coach/ui/review/glance_panel.py" line="43"/>
        <source>Interactions</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/glance_panel.py" line="44"/>
        <source>Ended in WOW</source>
        <translation>Ended in WOW</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/glance_panel.py" line="45"/>
        <source>Ended OK</source>
        <translation>Ended OK</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/glance_panel.py" line="46"/>
        <source>Ended upset</source>
        <translation>Ended upset</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/glance_panel.py" line="47"/>
        <source>Shift lead called</source>
        <translation>Shift lead called</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/glance_panel.py" line="48"/>
        <source>Busiest hour</source>
        <translation>Busiest hour</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/glance_panel.py" line="49"/>
        <source>Most often upset</source>
        <translation>Most often upset</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/glance_panel.py" line="60"/>
        <source>before: %1</source>
        <translation>before: %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/glance_panel.py" line="75"/>
        <source>pts</source>
        <translation>pts</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="29"/>
        <source>Type to find a situation…</source>
        <translation>Type to find a situation…</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="38"/>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="42"/>
        <source>Cards</source>
        <translation>Cards</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="44"/>
        <source>The owner&apos;s card editor</source>
        <translation>The owner&apos;s card editor</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="47"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="75"/>
        <source>Register %1</source>
        <translation>Register %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="78"/>
        <source>Pick cashier</source>
        <translation>Pick cashier</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="79"/>
        <source>Change cashier</source>
        <translation>Change cashier</translation>
    </message>
</context>
<context>
    <name>HotkeyField</name>
    <message>
        <location filename="../../pos_coach/ui/editor/fields.py" line="109"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <location filename="../../pos_coach/ui/editor/fields.py" line="41"/>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/fields.py" line="42"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/fields.py" line="73"/>
        <source>New line</source>
        <translation>New line</translation>
    </message>
</context>
<context>
    <name>OutcomeBar</name>
    <message>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="29"/>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="35"/>
        <source>Upset</source>
        <translation>Upset</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="30"/>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="36"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="31"/>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="37"/>
        <source>WOW!</source>
        <translation>WOW!</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="32"/>
        <source>Called the lead</source>
        <translation>Called the lead</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="38"/>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
</context>
<context>
    <name>PackPage</name>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="33"/>
        <source>Export the pack as .zip…</source>
        <translation>Export the pack as .zip…</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="36"/>
        <source>Import a pack from .zip…</source>
        <translation>Import a pack from .zip…</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="48"/>
        <source>Choose a .zip to see what it would add, change and remove. Nothing is written until you apply it; the current pack is backed up first.</source>
        <translation>Choose a .zip to see what it would add, change and remove. Nothing is written until you apply it; the current pack is backed up first.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="52"/>
        <source>Apply the import</source>
        <translation>Apply the import</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="57"/>
        <source>Trash: deleted cards, newest first</source>
        <translation>Trash: deleted cards, newest first</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="61"/>
        <source>Restore the selected card</source>
        <translation>Restore the selected card</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="70"/>
        <source>Export the pack</source>
        <translation>Export the pack</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="74"/>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="78"/>
        <source>Import a pack</source>
        <translation>Import a pack</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="85"/>
        <source>From: %1</source>
        <translation>From: %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="87"/>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="88"/>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="89"/>
        <source>Removed (to the trash)</source>
        <translation>Removed (to the trash)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="95"/>
        <source>Problems:</source>
        <translation>Problems:</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="99"/>
        <source>Ready to apply.</source>
        <translation>Ready to apply.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="101"/>
        <source>This pack cannot be imported: fix the problems above.</source>
        <translation>This pack cannot be imported: fix the problems above.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="117"/>
        <source>Imported. The previous pack was saved as %1</source>
        <translation>Imported. The previous pack was saved as %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/editor/packs.py" line="139"/>
        <source>Restored &apos;%1&apos;.</source>
        <translation>Restored &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="28"/>
        <location filename="../../pos_coach/ui/pin_page.py" line="80"/>
        <source>Shift lead&apos;s PIN</source>
        <translation>Shift lead&apos;s PIN</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="53"/>
        <source>Back to the counter</source>
        <translation>Back to the counter</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="80"/>
        <source>Owner&apos;s PIN</source>
        <translation>Owner&apos;s PIN</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="83"/>
        <source>Enter the owner&apos;s PIN to open the card editor.</source>
        <translation>Enter the owner&apos;s PIN to open the card editor.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="85"/>
        <source>Enter the shift lead&apos;s PIN to open the review.</source>
        <translation>Enter the shift lead&apos;s PIN to open the review.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="97"/>
        <source>No PIN yet: choose one of 4 to 12 digits (6 or more is safer), then repeat it.</source>
        <translation>No PIN yet: choose one of 4 to 12 digits (6 or more is safer), then repeat it.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="99"/>
        <source>No PIN yet: choose one of 4 to 12 digits, then repeat it.</source>
        <translation>No PIN yet: choose one of 4 to 12 digits, then repeat it.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="126"/>
        <source>A PIN is at least 4 digits.</source>
        <translation>A PIN is at least 4 digits.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="129"/>
        <source>Repeat the new PIN.</source>
        <translation>Repeat the new PIN.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="134"/>
        <source>A short PIN is quickly guessed by anyone who can copy the settings file: 6 digits or more are advised for the owner. Repeat it to keep it, or type another to start again.</source>
        <translation>A short PIN is quickly guessed by anyone who can copy the settings file: 6 digits or more are advised for the owner. Repeat it to keep it, or type another to start again.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="141"/>
        <source>The two PINs differ; start again.</source>
        <translation>The two PINs differ; start again.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="153"/>
        <source>Wrong PIN. Try again.</source>
        <translation>Wrong PIN. Try again.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="156"/>
        <source>Wrong PIN. Next try in %1 s.</source>
        <translation>Wrong PIN. Next try in %1 s.</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="84"/>
        <source>POS Coach — shift review</source>
        <translation>POS Coach — shift review</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="111"/>
        <location filename="../../pos_coach/ui/review/review_window.py" line="349"/>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="114"/>
        <location filename="../../pos_coach/ui/review/review_window.py" line="384"/>
        <source>PDF report</source>
        <translation>PDF report</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="132"/>
        <location filename="../../pos_coach/ui/review/review_window.py" line="259"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="151"/>
        <source>Notes for the PDF report (optional)</source>
        <translation>Notes for the PDF report (optional)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="154"/>
        <source>At a glance</source>
        <translation>At a glance</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="165"/>
        <source>When and who</source>
        <translation>When and who</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="167"/>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="169"/>
        <source>Situations</source>
        <translation>Situations</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="171"/>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="173"/>
        <source>Cashiers</source>
        <translation>Cashiers</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="185"/>
        <source>Phrasing</source>
        <translation>Phrasing</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="188"/>
        <source>Phrasings</source>
        <translation>Phrasings</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="194"/>
        <source>Cards never shown in this period: candidates to reword or remove.</source>
        <translation>Cards never shown in this period: candidates to reword or remove.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="200"/>
        <source>Unused cards</source>
        <translation>Unused cards</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="206"/>
        <source>Find in phrasing, situation or cashier…</source>
        <translation>Find in phrasing, situation or cashier…</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="222"/>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="284"/>
        <source>PDF report saved: %1</source>
        <translation>PDF report saved: %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="290"/>
        <source>Could not read the journal: %1</source>
        <translation>Could not read the journal: %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="325"/>
        <source>%1 – %2 · %3 interactions · %4 events in the journal</source>
        <translation>%1 – %2 · %3 interactions · %4 events in the journal</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="333"/>
        <source>too few uses to compare</source>
        <translation>too few uses to compare</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="338"/>
        <source>No phrasing has been used often enough yet to say which works better.</source>
        <translation>No phrasing has been used often enough yet to say which works better.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="343"/>
        <source>Each figure rests on the uses shown beside it; phrasings with fewer than %1 recorded outcomes are not compared.</source>
        <translation>Each figure rests on the uses shown beside it; phrasings with fewer than %1 recorded outcomes are not compared.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="365"/>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="408"/>
        <source>Writing the PDF report…</source>
        <translation>Writing the PDF report…</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="117"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="119"/>
        <source>Close the review (Ctrl+W, Esc)</source>
        <translation>Close the review (Ctrl+W, Esc)</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <location filename="../../pos_coach/ui/review/models.py" line="37"/>
        <source>Interactions</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/models.py" line="38"/>
        <source>WOW</source>
        <translation>WOW</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/models.py" line="39"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/models.py" line="40"/>
        <source>Upset</source>
        <translation>Upset</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/models.py" line="41"/>
        <source>Called lead</source>
        <translation>Called lead</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/models.py" line="42"/>
        <source>No outcome</source>
        <translation>No outcome</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/models.py" line="43"/>
        <source>WOW %</source>
        <translation>WOW %</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/models.py" line="44"/>
        <source>Upset %</source>
        <translation>Upset %</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="37"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="40"/>
        <source>Review (shift lead)</source>
        <translation>Review (shift lead)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="41"/>
        <source>Card editor (owner)</source>
        <translation>Card editor (owner)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="64"/>
        <source>Store name</source>
        <translation>Store name</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="63"/>
        <source>street, number, town, postcode</source>
        <translation>street, number, town, postcode</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="68"/>
        <source>Address (for emergency calls)</source>
        <translation>Address (for emergency calls)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="66"/>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="73"/>
        <source>Cashiers (double-tap a name to rename it)</source>
        <translation>Cashiers (double-tap a name to rename it)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="81"/>
        <source>New name</source>
        <translation>New name</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="85"/>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="89"/>
        <source>Remove selected</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="99"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="103"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>ShiftPage</name>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="33"/>
        <source>Who is at the till?</source>
        <translation>Who is at the till?</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="33"/>
        <source>Tap your name to start the shift.</source>
        <translation>Tap your name to start the shift.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="38"/>
        <source>No names yet: type yours below.</source>
        <translation>No names yet: type yours below.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="44"/>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="49"/>
        <source>Start shift</source>
        <translation>Start shift</translation>
    </message>
</context>
<context>
    <name>TileBoard</name>
    <message>
        <location filename="../../pos_coach/ui/tiles.py" line="306"/>
        <source>Most used</source>
        <translation>Most used</translation>
    </message>
</context>
</TS>
