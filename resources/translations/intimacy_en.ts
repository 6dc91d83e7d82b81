<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English plural forms. The source strings are English already; Qt applies plural rules only through a
     translation, so this file gives English its "one" and "other" forms. Other languages add intimacy_<lang>.ts. -->
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>JournalPage</name>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln in trash</source>
        <translation>
            <numerusform>%Ln in trash</numerusform>
            <numerusform>%Ln in trash</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MoodCalendar</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message numerus="yes">
        <source>You have written %Ln entries so far.</source>
        <translation>
            <numerusform>You have written your first entry.</numerusform>
            <numerusform>You have written %Ln entries so far.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message numerus="yes">
        <source>Use a passphrase of at least %n characters.</source>
        <translation>
            <numerusform>Use a passphrase of at least %n character.</numerusform>
            <numerusform>Use a passphrase of at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message numerus="yes">
        <source>Use a new passphrase of at least %n characters.</source>
        <translation>
            <numerusform>Use a new passphrase of at least %n character.</numerusform>
            <numerusform>Use a new passphrase of at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityPanel</name>
    <message numerus="yes">
        <source>You talked about %Ln cards of this layer this week.</source>
        <translation>
            <numerusform>You talked about one card of this layer this week.</numerusform>
            <numerusform>You talked about %Ln cards of this layer this week.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeckRow</name>
    <message numerus="yes">
        <source>%Ln not for us: see or bring back</source>
        <translation>
            <numerusform>%Ln not for us: see or bring back</numerusform>
            <numerusform>%Ln not for us: see or bring back</numerusform>
        </translation>
    </message>
</context>
</TS>
