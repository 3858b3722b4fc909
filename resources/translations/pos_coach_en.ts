<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CardView</name>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="92"/>
        <source>← Back  (Esc)</source>
        <translation>← Back  (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="114"/>
        <source>SAY</source>
        <translation>SAY</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="119"/>
        <source>↻ Another phrasing</source>
        <translation>↻ Another phrasing</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="122"/>
        <location filename="../../pos_coach/ui/card_view.py" line="192"/>
        <source>✓ I said it</source>
        <translation>✓ I said it</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="178"/>
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="179"/>
        <source>Avoid</source>
        <translation>Avoid</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="180"/>
        <source>Make it WOW</source>
        <translation>Make it WOW</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="182"/>
        <source>Call the shift lead</source>
        <translation>Call the shift lead</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="188"/>
        <source>phrasing %1 of %2</source>
        <translation>phrasing %1 of %2</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="192"/>
        <source>✓ Said</source>
        <translation>✓ Said</translation>
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
    <message numerus="yes">
        <location filename="../../pos_coach/ui/counter_window.py" line="115"/>
        <source>%n problem(s) in the situation cards:</source>
        <translation>
            <numerusform>%n problem in the situation cards:</numerusform>
            <numerusform>%n problems in the situation cards:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="121"/>
        <source>Showing the last good version of:</source>
        <translation>Showing the last good version of:</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="335"/>
        <source>Saved: upset</source>
        <translation>Saved: upset</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="336"/>
        <source>Saved: OK</source>
        <translation>Saved: OK</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="337"/>
        <source>Saved: WOW!</source>
        <translation>Saved: WOW!</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="338"/>
        <source>Saved: called the lead</source>
        <translation>Saved: called the lead</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="385"/>
        <source>Found</source>
        <translation>Found</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="387"/>
        <source>Nothing found. Try another word.</source>
        <translation>Nothing found. Try another word.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="27"/>
        <source>This shift</source>
        <translation>This shift</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="28"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="29"/>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="30"/>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="31"/>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="32"/>
        <source>Custom…</source>
        <translation>Custom…</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="49"/>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="100"/>
        <source>All cashiers</source>
        <translation>All cashiers</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="50"/>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="85"/>
        <source>All situations</source>
        <translation>All situations</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="51"/>
        <source>Any outcome</source>
        <translation>Any outcome</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="53"/>
        <source>WOW</source>
        <translation>WOW</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="54"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="55"/>
        <source>Upset</source>
        <translation>Upset</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="56"/>
        <source>Called lead</source>
        <translation>Called lead</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="57"/>
        <source>No outcome</source>
        <translation>No outcome</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="60"/>
        <source>Any language</source>
        <translation>Any language</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="61"/>
        <source>Russian</source>
        <translation>Russian</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/filter_bar.py" line="62"/>
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
        <location filename="../../pos_coach/ui/header.py" line="26"/>
        <source>Type to find a situation…</source>
        <translation>Type to find a situation…</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="37"/>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="42"/>
        <source>Cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="45"/>
        <source>The owner&apos;s card editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="48"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="55"/>
        <source>Register %1</source>
        <translation>Register %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="57"/>
        <source>Pick cashier</source>
        <translation>Pick cashier</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="58"/>
        <source>Change cashier</source>
        <translation>Change cashier</translation>
    </message>
</context>
<context>
    <name>OutcomeBar</name>
    <message>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="25"/>
        <source>Upset</source>
        <translation>Upset</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="26"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="27"/>
        <source>WOW!</source>
        <translation>WOW!</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="28"/>
        <source>Called the lead</source>
        <translation>Called the lead</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="28"/>
        <location filename="../../pos_coach/ui/pin_page.py" line="88"/>
        <source>Shift lead&apos;s PIN</source>
        <translation>Shift lead&apos;s PIN</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="54"/>
        <source>Back to the counter</source>
        <translation>Back to the counter</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="88"/>
        <source>Owner&apos;s PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="91"/>
        <source>Enter the owner&apos;s PIN to open the card editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="93"/>
        <source>Enter the shift lead&apos;s PIN to open the review.</source>
        <translation>Enter the shift lead&apos;s PIN to open the review.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="97"/>
        <location filename="../../pos_coach/ui/pin_page.py" line="135"/>
        <source>No PIN yet: choose one (at least 4 digits), then repeat it.</source>
        <translation>No PIN yet: choose one (at least 4 digits), then repeat it.</translation>
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
        <location filename="../../pos_coach/ui/pin_page.py" line="137"/>
        <source>The two PINs differ; start again.</source>
        <translation>The two PINs differ; start again.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="150"/>
        <source>Wrong PIN. Try again.</source>
        <translation>Wrong PIN. Try again.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/pin_page.py" line="153"/>
        <source>Wrong PIN. Next try in %1 s.</source>
        <translation>Wrong PIN. Next try in %1 s.</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="78"/>
        <source>POS Coach — shift review</source>
        <translation>POS Coach — shift review</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="102"/>
        <location filename="../../pos_coach/ui/review/review_window.py" line="333"/>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="105"/>
        <location filename="../../pos_coach/ui/review/review_window.py" line="365"/>
        <source>PDF report</source>
        <translation>PDF report</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="116"/>
        <location filename="../../pos_coach/ui/review/review_window.py" line="243"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="135"/>
        <source>Notes for the PDF report (optional)</source>
        <translation>Notes for the PDF report (optional)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="138"/>
        <source>At a glance</source>
        <translation>At a glance</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="149"/>
        <source>When and who</source>
        <translation>When and who</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="151"/>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="153"/>
        <source>Situations</source>
        <translation>Situations</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="155"/>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="157"/>
        <source>Cashiers</source>
        <translation>Cashiers</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="169"/>
        <source>Phrasing</source>
        <translation>Phrasing</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="172"/>
        <source>Phrasings</source>
        <translation>Phrasings</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="178"/>
        <source>Cards never shown in this period: candidates to reword or remove.</source>
        <translation>Cards never shown in this period: candidates to reword or remove.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="184"/>
        <source>Unused cards</source>
        <translation>Unused cards</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="190"/>
        <source>Find in phrasing, situation or cashier…</source>
        <translation>Find in phrasing, situation or cashier…</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="206"/>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="270"/>
        <source>PDF report saved: %1</source>
        <translation>PDF report saved: %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="274"/>
        <source>Could not read the journal: %1</source>
        <translation>Could not read the journal: %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="309"/>
        <source>%1 – %2 · %3 interactions · %4 events in the journal</source>
        <translation>%1 – %2 · %3 interactions · %4 events in the journal</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="317"/>
        <source>too few uses to compare</source>
        <translation>too few uses to compare</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="322"/>
        <source>No phrasing has been used often enough yet to say which works better.</source>
        <translation>No phrasing has been used often enough yet to say which works better.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="327"/>
        <source>Each figure rests on the uses shown beside it; phrasings with fewer than %1 recorded outcomes are not compared.</source>
        <translation>Each figure rests on the uses shown beside it; phrasings with fewer than %1 recorded outcomes are not compared.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="346"/>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/review/review_window.py" line="389"/>
        <source>Writing the PDF report…</source>
        <translation>Writing the PDF report…</translation>
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
        <location filename="../../pos_coach/ui/settings_page.py" line="31"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="38"/>
        <source>Store name</source>
        <translation>Store name</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="42"/>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="44"/>
        <source>Cashiers (double-tap a name to rename it)</source>
        <translation>Cashiers (double-tap a name to rename it)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="52"/>
        <source>New name</source>
        <translation>New name</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="56"/>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="60"/>
        <source>Remove selected</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="69"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="73"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>ShiftPage</name>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="29"/>
        <source>Who is at the till?</source>
        <translation>Who is at the till?</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="29"/>
        <source>Tap your name to start the shift.</source>
        <translation>Tap your name to start the shift.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="34"/>
        <source>No names yet: type yours below.</source>
        <translation>No names yet: type yours below.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="40"/>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="45"/>
        <source>Start shift</source>
        <translation>Start shift</translation>
    </message>
</context>
</TS>
