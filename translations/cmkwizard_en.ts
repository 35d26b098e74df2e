<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DesHealth</name>
    <message numerus="yes">
        <source>The key %1 used by %2 expires on %3, in %n day(s).</source>
        <translation>
            <numerusform>The key %1 used by %2 expires on %3, in %n day.</numerusform>
            <numerusform>The key %1 used by %2 expires on %3, in %n days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetAuditReport</name>
    <message numerus="yes">
        <source>Audited %n image version(s)</source>
        <translation>
            <numerusform>Audited %n image version</numerusform>
            <numerusform>Audited %n image versions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with findings</source>
        <translation>
            <numerusform>%n with findings</numerusform>
            <numerusform>%n with findings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewAnalysis</name>
    <message numerus="yes">
        <source>Reading %n disk encryption set(s)…</source>
        <translation>
            <numerusform>Reading %n disk encryption set…</numerusform>
            <numerusform>Reading %n disk encryption sets…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checking the keys of %n disk encryption set(s)…</source>
        <translation>
            <numerusform>Checking the key of %n disk encryption set…</numerusform>
            <numerusform>Checking the keys of %n disk encryption sets…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewReport</name>
    <message numerus="yes">
        <source>%1 — %n replica(s), %2, %3</source>
        <translation>
            <numerusform>%1 — %n replica, %2, %3</numerusform>
            <numerusform>%1 — %n replicas, %2, %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cmkui::DesReadinessWidget</name>
    <message numerus="yes">
        <source>%n target region(s) have no disk encryption set in this subscription: %1.</source>
        <translation>
            <numerusform>%n target region has no disk encryption set in this subscription: %1.</numerusform>
            <numerusform>%n target regions have no disk encryption set in this subscription: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cmkui::DraftPage</name>
    <message numerus="yes">
        <source>…and %n more problem(s).</source>
        <translation>
            <numerusform>…and %n more problem.</numerusform>
            <numerusform>…and %n more problems.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cmkui::EncryptionPage</name>
    <message numerus="yes">
        <source>The disk encryption sets chosen in %n region(s) were cleared: a set serves one encryption type. They come back if you switch back.</source>
        <translation>
            <numerusform>The disk encryption sets chosen in %n region were cleared: a set serves one encryption type. They come back if you switch back.</numerusform>
            <numerusform>The disk encryption sets chosen in %n regions were cleared: a set serves one encryption type. They come back if you switch back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The sets chosen earlier for this type in %n region(s) were restored.</source>
        <translation>
            <numerusform>The sets chosen earlier for this type in %n region were restored.</numerusform>
            <numerusform>The sets chosen earlier for this type in %n regions were restored.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cmkui::FleetTab</name>
    <message numerus="yes">
        <source>%Ln version(s)</source>
        <translation>
            <numerusform>%Ln version</numerusform>
            <numerusform>%Ln versions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln finding(s)</source>
        <translation>
            <numerusform>%Ln finding</numerusform>
            <numerusform>%Ln findings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cmkui::PrerequisitesPage</name>
    <message numerus="yes">
        <source>Waiting for Azure to finish the registration: next check in %n second(s) (check %1).</source>
        <translation>
            <numerusform>Waiting for Azure to finish the registration: next check in %n second (check %1).</numerusform>
            <numerusform>Waiting for Azure to finish the registration: next check in %n seconds (check %1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cmkui::ReviewWindow</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
</TS>
