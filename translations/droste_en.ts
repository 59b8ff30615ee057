<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>droste::engine::Engine</name>
    <message numerus="yes">
        <location filename="../core/engine/engine.cpp" line="+513"/>
        <source>Adding %n keyframe(s)</source>
        <translation>
            <numerusform>Adding %n keyframe</numerusform>
            <numerusform>Adding %n keyframes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>droste::session::Session</name>
    <message numerus="yes">
        <location filename="../core/session/session_jobs.cpp" line="+59"/>
        <source>Add %n keyframe(s)</source>
        <translation>
            <numerusform>Add %n keyframe</numerusform>
            <numerusform>Add %n keyframes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>droste::ui::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="+156"/>
        <source>The chain&apos;s geometry changed: %n keyframe(s) turned stale. “Regenerate stale” repaints them.</source>
        <translation>
            <numerusform>The chain&apos;s geometry changed: %n keyframe turned stale. “Regenerate stale” repaints it.</numerusform>
            <numerusform>The chain&apos;s geometry changed: %n keyframes turned stale. “Regenerate stale” repaints them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>CPU, %n thread(s)</source>
        <translation>
            <numerusform>CPU, %n thread</numerusform>
            <numerusform>CPU, %n threads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>droste::ui::ModelDownloadDialog</name>
    <message numerus="yes">
        <location filename="../ui/model_download_dialog.cpp" line="+185"/>
        <source>%1 to download in %n file(s).</source>
        <translation>
            <numerusform>%1 to download in %n file.</numerusform>
            <numerusform>%1 to download in %n files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+101"/>
        <source>%n second(s) left</source>
        <translation>
            <numerusform>%n second left</numerusform>
            <numerusform>%n seconds left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>droste::ui::ModelManagerWidget</name>
    <message numerus="yes">
        <location filename="../ui/model_manager_widget.cpp" line="+174"/>
        <source>%n model(s) found, %1 usable.</source>
        <translation>
            <numerusform>%n model found, %1 usable.</numerusform>
            <numerusform>%n models found, %1 usable.</numerusform>
        </translation>
    </message>
</context>
</TS>
