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
<context>
    <name>BackupDialog</name>
    <message numerus="yes">
        <source>Backup written and checked: %Ln entries in %1.</source>
        <translation>
            <numerusform>Backup written and checked: %Ln entry in %1.</numerusform>
            <numerusform>Backup written and checked: %Ln entries in %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Exported %Ln entries to %1.</source>
        <translation>
            <numerusform>Exported %Ln entry to %1.</numerusform>
            <numerusform>Exported %Ln entries to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%Ln already in your journal or repeated in the file: left out.</source>
        <translation>
            <numerusform>%Ln already in your journal or repeated in the file: left out.</numerusform>
            <numerusform>%Ln already in your journal or repeated in the file: left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln empty ones (photos only, say): left out.</source>
        <translation>
            <numerusform>%Ln empty one (photos only, say): left out.</numerusform>
            <numerusform>%Ln empty ones (photos only, say): left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new, from %1 to %2.</source>
        <translation>
            <numerusform>%Ln new, on %1.</numerusform>
            <numerusform>%Ln new, from %1 to %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Found %Ln entries.</source>
        <translation>
            <numerusform>Found %Ln entry.</numerusform>
            <numerusform>Found %Ln entries.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln entries</source>
        <translation>
            <numerusform>Import %Ln entry</numerusform>
            <numerusform>Import %Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln entries. They are in your journal now.</source>
        <translation>
            <numerusform>Imported %Ln entry. It is in your journal now.</numerusform>
            <numerusform>Imported %Ln entries. They are in your journal now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message numerus="yes">
        <source>After %n minute(s) without use</source>
        <translation>
            <numerusform>After %n minute without use</numerusform>
            <numerusform>After %n minutes without use</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message numerus="yes">
        <source>Share %Ln entries</source>
        <translation>
            <numerusform>Share %Ln entry</numerusform>
            <numerusform>Share %Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shared %Ln entries with your partner.</source>
        <translation>
            <numerusform>Shared %Ln entry with your partner.</numerusform>
            <numerusform>Shared %Ln entries with your partner.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your partner will be able to read %Ln entries, in full:</source>
        <translation>
            <numerusform>Your partner will be able to read %Ln entry, in full:</numerusform>
            <numerusform>Your partner will be able to read %Ln entries, in full:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HabitsCard</name>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Days with at least one: %Ln</source>
        <translation>
            <numerusform>Days with at least one: %Ln</numerusform>
            <numerusform>Days with at least one: %Ln</numerusform>
        </translation>
    </message>
</context>
</TS>
