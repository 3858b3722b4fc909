<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>CardView</name>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="84" />
        <source>← Back  (Esc)</source>
        <translation>← Back  (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="103" />
        <source>SAY</source>
        <translation>SAY</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="109" />
        <source>↻ Another phrasing</source>
        <translation>↻ Another phrasing</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="112" />
        <location filename="../../pos_coach/ui/card_view.py" line="180" />
        <source>✓ I said it</source>
        <translation>✓ I said it</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="166" />
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="167" />
        <source>Avoid</source>
        <translation>Avoid</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="168" />
        <source>Make it WOW</source>
        <translation>Make it WOW</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="170" />
        <source>Call the shift lead</source>
        <translation>Call the shift lead</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="176" />
        <source>phrasing %1 of %2</source>
        <translation>phrasing %1 of %2</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/card_view.py" line="180" />
        <source>✓ Said</source>
        <translation>✓ Said</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message numerus="yes">
        <location filename="../../pos_coach/ui/counter_window.py" line="98" />
        <source>%n problem(s) in the situation cards:</source>
        <translation><numerusform>%n problem in the situation cards:</numerusform><numerusform>%n problems in the situation cards:</numerusform></translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="229" />
        <source>Saved: upset</source>
        <translation>Saved: upset</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="230" />
        <source>Saved: OK</source>
        <translation>Saved: OK</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="231" />
        <source>Saved: WOW!</source>
        <translation>Saved: WOW!</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="232" />
        <source>Saved: called the lead</source>
        <translation>Saved: called the lead</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="279" />
        <source>Found</source>
        <translation>Found</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/counter_window.py" line="281" />
        <source>Nothing found. Try another word.</source>
        <translation>Nothing found. Try another word.</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="24" />
        <source>Type to find a situation…</source>
        <translation>Type to find a situation…</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="34" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="41" />
        <source>Register %1</source>
        <translation>Register %1</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="43" />
        <source>Pick cashier</source>
        <translation>Pick cashier</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/header.py" line="44" />
        <source>Change cashier</source>
        <translation>Change cashier</translation>
    </message>
</context>
<context>
    <name>OutcomeBar</name>
    <message>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="25" />
        <source>Upset</source>
        <translation>Upset</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="26" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="27" />
        <source>WOW!</source>
        <translation>WOW!</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/outcome_bar.py" line="28" />
        <source>Called the lead</source>
        <translation>Called the lead</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="29" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="37" />
        <source>Store name</source>
        <translation>Store name</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="41" />
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="43" />
        <source>Cashiers (double-tap a name to rename it)</source>
        <translation>Cashiers (double-tap a name to rename it)</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="51" />
        <source>New name</source>
        <translation>New name</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="55" />
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="59" />
        <source>Remove selected</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="68" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/settings_page.py" line="72" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>ShiftPage</name>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="28" />
        <source>Who is at the till?</source>
        <translation>Who is at the till?</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="31" />
        <source>Tap your name to start the shift.</source>
        <translation>Tap your name to start the shift.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="37" />
        <source>No names yet: type yours below.</source>
        <translation>No names yet: type yours below.</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="43" />
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../../pos_coach/ui/shift_page.py" line="48" />
        <source>Start shift</source>
        <translation>Start shift</translation>
    </message>
</context>
</TS>