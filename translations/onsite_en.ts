<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Money</name>
    <message numerus="yes">
        <source>%1 amounts have at most %n decimal(s), like %2.</source>
        <translation>
            <numerusform>%1 amounts have at most %n decimal, like %2.</numerusform>
            <numerusform>%1 amounts have at most %n decimals, like %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message numerus="yes">
        <source>%1 per hour, up to %n hours</source>
        <translation>
            <numerusform>%1 per hour, up to %n hour</numerusform>
            <numerusform>%1 per hour, up to %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New task: %1.</source>
        <translation>
            <numerusform>New task: %1.</numerusform>
            <numerusform>New tasks: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n to upload)</source>
        <translation>
            <numerusform>%1 (%n to upload)</numerusform>
            <numerusform>%1 (%n to upload)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SiteTime</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimeOnSite</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Timesheet</name>
    <message numerus="yes">
        <source>All visits (%n)</source>
        <translation>
            <numerusform>All visits (%n)</numerusform>
            <numerusform>All visits (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onsite::AssignmentDetails</name>
    <message numerus="yes">
        <source>%1 per hour, up to %n hours</source>
        <translation>
            <numerusform>%1 per hour, up to %n hour</numerusform>
            <numerusform>%1 per hour, up to %n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onsite::DeliverablesPanel</name>
    <message numerus="yes">
        <source>%n file(s) not uploaded:</source>
        <translation>
            <numerusform>%n file not uploaded:</numerusform>
            <numerusform>%n files not uploaded:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onsite::FundsRequestDialog</name>
    <message numerus="yes">
        <source>The work took %n hour(s) more than the budget.</source>
        <translation>
            <numerusform>The work took %n hour more than the budget.</numerusform>
            <numerusform>The work took %n hours more than the budget.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onsite::FundsRequestModel</name>
    <message numerus="yes">
        <source>%1 (%n h)</source>
        <translation>
            <numerusform>%1 (%n h)</numerusform>
            <numerusform>%1 (%n h)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onsite::MainWindow</name>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n change waiting to sync</numerusform>
            <numerusform>%n changes waiting to sync</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n change(s) need attention</source>
        <translation>
            <numerusform>⚠ %n change needs attention</numerusform>
            <numerusform>⚠ %n changes need attention</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onsite::MessagesSection</name>
    <message numerus="yes">
        <source>%n file(s) attached.</source>
        <translation>
            <numerusform>%n file attached.</numerusform>
            <numerusform>%n files attached.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onsite::VisitsSection</name>
    <message numerus="yes">
        <source>%1 in %n visit(s)</source>
        <translation>
            <numerusform>%1 in %n visit</numerusform>
            <numerusform>%1 in %n visits</numerusform>
        </translation>
    </message>
</context>
</TS>
