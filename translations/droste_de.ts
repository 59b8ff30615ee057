<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>droste::catalog::ModelCatalog</name>
    <message>
        <location filename="../core/catalog/model_catalog.cpp" line="+46"/>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 is gone: it was moved or deleted. Add it again from its new place.</source>
        <translation>%1 ist nicht mehr da: verschoben oder gelöscht. Fügen Sie es an seinem neuen Ort wieder hinzu.</translation>
    </message>
</context>
<context>
    <name>droste::engine::Engine</name>
    <message>
        <location filename="../core/engine/engine.cpp" line="+504"/>
        <source>Painting the first keyframe</source>
        <translation>Erstes Schlüsselbild wird gemalt</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Adding %n keyframe(s)</source>
        <translation>
            <numerusform>%n Schlüsselbild wird hinzugefügt</numerusform>
            <numerusform>%n Schlüsselbilder werden hinzugefügt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Repainting keyframe %1</source>
        <translation>Schlüsselbild %1 wird neu gemalt</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Repainting stale keyframes</source>
        <translation>Veraltete Schlüsselbilder werden neu gemalt</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Paint every keyframe before closing the loop (Repaint Stale).</source>
        <translation>Malen Sie alle Schlüsselbilder, bevor Sie die Schleife schließen (Veraltete malen).</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Closing the loop needs at least %1 keyframes: add keyframes first.</source>
        <translation>Zum Schließen der Schleife braucht es mindestens %1 Schlüsselbilder: Fügen Sie zuerst welche hinzu.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Closing the loop</source>
        <translation>Schleife wird geschlossen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import the picture as the start picture: there is no keyframe yet.</source>
        <translation>Importieren Sie das Bild als Startbild: Es gibt noch kein Schlüsselbild.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The picture is empty or could not be read.</source>
        <translation>Das Bild ist leer oder konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paint keyframe %1 first: the picture is fitted around it.</source>
        <translation>Malen Sie zuerst Schlüsselbild %1: Das Bild wird darum herum eingepasst.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Fitting your picture into keyframe %1</source>
        <translation>Ihr Bild wird in Schlüsselbild %1 eingepasst</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Paint the first keyframe before preparing a video.</source>
        <translation>Malen Sie zuerst das erste Schlüsselbild, bevor Sie ein Video vorbereiten.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The keyframes changed while the video&apos;s pictures were being made: try again.</source>
        <translation>Die Schlüsselbilder haben sich geändert, während die Bilder des Videos entstanden: Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Adding detail for a %1 × %2 video</source>
        <translation>Details für ein Video mit %1 × %2 Pixeln</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enlarging the keyframes for a %1 × %2 video</source>
        <translation>Schlüsselbilder für ein Video mit %1 × %2 Pixeln vergrößern</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>The keyframes changed while the loop was being closed.</source>
        <translation>Die Schlüsselbilder haben sich geändert, während die Schleife geschlossen wurde.</translation>
    </message>
</context>
<context>
    <name>droste::session::Session</name>
    <message>
        <location filename="../core/session/session.cpp" line="+108"/>
        <source>Change model</source>
        <translation>Modell ändern</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Edit prompt of keyframe %1</source>
        <translation>Prompt von Schlüsselbild %1 bearbeiten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Insert keyframe</source>
        <translation>Schlüsselbild einfügen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete keyframe %1</source>
        <translation>Schlüsselbild %1 löschen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import start image</source>
        <translation>Startbild importieren</translation>
    </message>
    <message>
        <location filename="../core/session/session_jobs.cpp" line="+19"/>
        <source>Another keyframe is being painted: wait for it, or stop it first.</source>
        <translation>Gerade wird ein Schlüsselbild gemalt: Warten Sie darauf oder stoppen Sie es zuerst.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Generate first keyframe</source>
        <translation>Erstes Schlüsselbild generieren</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Add %n keyframe(s)</source>
        <translation>
            <numerusform>%n Schlüsselbild hinzufügen</numerusform>
            <numerusform>%n Schlüsselbilder hinzufügen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Regenerate keyframe %1 with seed %2</source>
        <translation>Schlüsselbild %1 mit Seed %2 neu generieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regenerate keyframe %1</source>
        <translation>Schlüsselbild %1 neu generieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Regenerate stale keyframes</source>
        <translation>Veraltete Schlüsselbilder neu generieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close the loop</source>
        <translation>Schleife schließen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add an exit picture</source>
        <translation>Schlussbild hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace keyframe %1 with a picture</source>
        <translation>Schlüsselbild %1 durch ein Bild ersetzen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add detail for the video</source>
        <translation>Details für das Video hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enlarge the keyframes for the video</source>
        <translation>Schlüsselbilder für das Video vergrößern</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Paint or import the first keyframe before exporting.</source>
        <translation>Malen oder importieren Sie vor dem Export das erste Schlüsselbild.</translation>
    </message>
</context>
<context>
    <name>droste::ui::ChainView</name>
    <message>
        <location filename="../ui/chain_view.cpp" line="+73"/>
        <source>Imported picture</source>
        <translation>Importiertes Bild</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed %1
%2</source>
        <translation>Seed %1
%2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>imported picture</source>
        <translation>importiertes Bild</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>seed %1</source>
        <translation>Seed %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyframe %1 of %2 · %3 · %4</source>
        <translation>Schlüsselbild %1 von %2 · %3 · %4</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Zoom position %1 of %2</source>
        <translation>Zoomposition %1 von %2</translation>
    </message>
</context>
<context>
    <name>droste::ui::ErrorText</name>
    <message>
        <location filename="../ui/error_text.cpp" line="+8"/>
        <source>Choose another model in Settings → Models, or download one there.</source>
        <translation>Wählen Sie unter Einstellungen → Modelle ein anderes Modell, oder laden Sie dort eines herunter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose another device or precision in Settings → General.</source>
        <translation>Wählen Sie unter Einstellungen → Allgemein ein anderes Gerät oder eine andere Genauigkeit.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use a smaller keyframe size, choose bf16 precision in Settings → General, or close other programs.</source>
        <translation>Wählen Sie eine kleinere Schlüsselbildgröße, unter Einstellungen → Allgemein die Genauigkeit bf16, oder schließen Sie andere Programme.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use a smaller keyframe size, choose fp16 precision in Settings → General, or paint on the CPU.</source>
        <translation>Wählen Sie eine kleinere Schlüsselbildgröße, unter Einstellungen → Allgemein die Genauigkeit fp16, oder malen Sie auf der CPU.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a higher precision in Settings → General: fp32 is exact.</source>
        <translation>Wählen Sie unter Einstellungen → Allgemein eine höhere Genauigkeit: fp32 ist exakt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that the folder exists, that you may write there, and that the disk has room.</source>
        <translation>Prüfen Sie, ob der Ordner existiert, ob Sie dort schreiben dürfen und ob auf dem Datenträger Platz ist.</translation>
    </message>
</context>
<context>
    <name>droste::ui::ExportDialog</name>
    <message>
        <location filename="../ui/export_dialog.cpp" line="+60"/>
        <source>Export MP4 video</source>
        <translation>MP4-Video exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export WebM video</source>
        <translation>WebM-Video exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export frames as PNG</source>
        <translation>Einzelbilder als PNG exportieren</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Folder</source>
        <translation>&amp;Ordner</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames per second of the video. 30 is smooth; 60 is smoother and twice the work.</source>
        <translation>Bilder pro Sekunde im Video. 30 wirkt flüssig, 60 noch flüssiger bei doppeltem Aufwand.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;rame rate</source>
        <translation>Bild&amp;rate</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the zoom takes to pass one keyframe: the speed of the zoom.</source>
        <translation>Wie lange der Zoom braucht, um ein Schlüsselbild zu durchlaufen – also seine Geschwindigkeit.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Seconds per keyframe</source>
        <translation>&amp;Sekunden pro Schlüsselbild</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+122"/>
        <source>%1p</source>
        <translation>%1p</translation>
    </message>
    <message>
        <location line="-119"/>
        <source>Si&amp;ze</source>
        <translation>&amp;Größe</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Square 1:1</source>
        <translation>Quadratisch 1:1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Landscape 16:9</source>
        <translation>Querformat 16:9</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portrait 9:16 (phones)</source>
        <translation>Hochformat 9:16 (Smartphones)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classic 4:3</source>
        <translation>Klassisch 4:3</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Height of the video in pixels; the width follows from the aspect ratio. Sizes above the keyframe size are enlarged.</source>
        <translation>Höhe des Videos in Pixeln; die Breite ergibt sich aus dem Seitenverhältnis. Größen über der Schlüsselbildgröße werden vergrößert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>As painted (%1:%2)</source>
        <translation>Wie gemalt (%1:%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The shape of the video. As painted shows the whole keyframes; another shape shows a centred crop of them (paint wide or tall keyframes in the Zoom panel instead).</source>
        <translation>Die Form des Videos. „Wie gemalt“ zeigt die ganzen Schlüsselbilder; eine andere Form zeigt einen mittigen Ausschnitt (malen Sie stattdessen breite oder hohe Schlüsselbilder im Bereich „Zoom“).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Aspect</source>
        <translation>Seiten&amp;verhältnis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zoom in (into the first keyframe)</source>
        <translation>Hineinzoomen (zum ersten Schlüsselbild hin)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out (away from the first keyframe)</source>
        <translation>Herauszoomen (vom ersten Schlüsselbild weg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Direction</source>
        <translation>R&amp;ichtung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Constant speed</source>
        <translation>Gleichmäßige Geschwindigkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ease in and out</source>
        <translation>Sanft beschleunigen und abbremsen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Constant speed keeps the zoom steady from the first to the last frame. Ease in and out starts gently and comes to a gentle stop (one keyframe step each).</source>
        <translation>Bei gleichmäßiger Geschwindigkeit läuft der Zoom vom ersten bis zum letzten Bild gleich schnell. Sanftes Beschleunigen und Abbremsen beginnt langsam und kommt sanft zum Stehen (je ein Schlüsselbildschritt).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Easing</source>
        <translation>&amp;Tempoverlauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seamless loop</source>
        <translation>Nahtlose Schleife</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stops one frame before the end, which shows the first frame again, so the video plays in an endless loop. For zooms whose loop was closed (Generate ▸ Close the Loop).</source>
        <translation>Endet ein Bild vor dem Schluss, der wieder das erste Bild zeigt, sodass das Video endlos in einer Schleife läuft. Für Zooms, deren Schleife geschlossen wurde (Generieren ▸ Endlosschleife schließen).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Picture quality against file size. 75 looks clean for sharing; 100 is near lossless.</source>
        <translation>Bildqualität gegenüber Dateigröße. 75 sieht zum Teilen sauber aus, 100 ist nahezu verlustfrei.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quality</source>
        <translation>&amp;Qualität</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add detail with the model</source>
        <translation>Details mit dem Modell hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For a video larger than the keyframes: before exporting, the model repaints the enlarged keyframes once, in tiles of the size it paints, so the video gains detail instead of blur. This takes a while; the result is kept in the project for later exports.</source>
        <translation>Für ein Video, das größer ist als die Schlüsselbilder: Vor dem Export malt das Modell die vergrößerten Schlüsselbilder einmal in Kacheln seiner Malgröße neu, sodass das Video Details gewinnt statt unscharf zu werden. Das dauert eine Weile; das Ergebnis bleibt für spätere Exporte im Projekt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How much the model may change: 0.2 to 0.4 adds detail and keeps the picture.</source>
        <translation>Wie stark das Modell ändern darf: 0,2 bis 0,4 fügt Details hinzu und bewahrt das Bild.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail s&amp;trength</source>
        <translation>Detail&amp;stärke</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>%1 × %2 pixels, %3 frames, %4 s of video from %5 keyframes.</source>
        <translation>%1 × %2 Pixel, %3 Bilder, %4 s Video aus %5 Schlüsselbildern.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The keyframes are enlarged %1× once, and the model adds detail first.</source>
        <translation>Die Schlüsselbilder werden einmal %1-fach vergrößert, und das Modell fügt zuerst Details hinzu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The keyframes are enlarged %1× for each frame.</source>
        <translation>Die Schlüsselbilder werden für jedes Bild %1-fach vergrößert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Folder for the frames</source>
        <translation>Ordner für die Einzelbilder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4-Video (*.mp4)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>WebM video (*.webm)</source>
        <translation>WebM-Video (*.webm)</translation>
    </message>
</context>
<context>
    <name>droste::ui::JobStatusBar</name>
    <message>
        <location filename="../ui/job_status_bar.cpp" line="+33"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop painting or exporting (Esc). Keyframes already finished are kept.</source>
        <translation>Malen oder Exportieren stoppen (Esc). Fertige Schlüsselbilder bleiben erhalten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the painter runs (Settings &gt; Preferences to change)</source>
        <translation>Wo der Generator läuft (ändern unter Einstellungen &gt; Droste einrichten)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The painter in use</source>
        <translation>Der verwendete Generator</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  Painter: %1</source>
        <translation>  Generator: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> (%1 of %2)</source>
        <translation> (%1 von %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>step %v/%m</source>
        <translation>Schritt %v/%m</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>frame %v/%m</source>
        <translation>Bild %v/%m</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>preparing…</source>
        <translation>wird vorbereitet…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 it/s</source>
        <translation>%1 It./s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
</context>
<context>
    <name>droste::ui::MainActions</name>
    <message>
        <location filename="../ui/main_actions.cpp" line="+97"/>
        <source>&amp;New Project</source>
        <translation>&amp;Neues Projekt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start an empty project</source>
        <translation>Ein leeres Projekt beginnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open a .droste project</source>
        <translation>Ein .droste-Projekt öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the project</source>
        <translation>Das Projekt speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the project under a new name</source>
        <translation>Das Projekt unter einem neuen Namen speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import Start Image…</source>
        <translation>Startbild &amp;importieren…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a picture of your own as the first keyframe and zoom out of it</source>
        <translation>Ein eigenes Bild als erstes Schlüsselbild verwenden und aus ihm herauszoomen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;MP4…</source>
        <translation>Als &amp;MP4 exportieren…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Render the zoom as an H.264 MP4 video</source>
        <translation>Den Zoom als H.264-MP4-Video rendern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;WebM…</source>
        <translation>Als &amp;WebM exportieren…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Render the zoom as a VP9 WebM video</source>
        <translation>Den Zoom als VP9-WebM-Video rendern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;Frames…</source>
        <translation>&amp;Einzelbilder exportieren…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Render every frame of the zoom as a PNG file</source>
        <translation>Jedes Bild des Zooms als PNG-Datei rendern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Generate First Keyframe</source>
        <translation>Erstes &amp;Schlüsselbild generieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paint the innermost picture from the prompt</source>
        <translation>Das innerste Bild aus dem Prompt malen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add Keyframes</source>
        <translation>Schlüsselbilder &amp;hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out: paint new keyframes around the last one</source>
        <translation>Herauszoomen: neue Schlüsselbilder um das letzte herum malen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Regenerate Selected</source>
        <translation>Auswahl &amp;neu generieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paint the selected keyframe again with a new seed; later ones turn stale</source>
        <translation>Das ausgewählte Schlüsselbild mit neuem Seed neu malen; spätere werden dadurch veraltet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regenerate &amp;Stale</source>
        <translation>&amp;Veraltete neu generieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repaint every stale or failed keyframe, in order</source>
        <translation>Alle veralteten oder fehlgeschlagenen Schlüsselbilder der Reihe nach neu malen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the &amp;Loop</source>
        <translation>&amp;Endlosschleife schließen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the zoom endless: the outermost keyframe becomes the first one, its seam is repainted, and the video loops without a jump</source>
        <translation>Den Zoom endlos machen: Das äußerste Schlüsselbild wird zum ersten, seine Naht wird neu gemalt, und das Video läuft ohne Sprung in einer Schleife</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End on a &amp;Picture…</source>
        <translation>Mit eigenem &amp;Bild enden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a picture of your own as the last keyframe: the zoom ends on it (its seam is repainted)</source>
        <translation>Ein eigenes Bild als letztes Schlüsselbild hinzufügen: Der Zoom endet darauf (seine Naht wird neu gemalt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop painting or exporting; finished keyframes are kept</source>
        <translation>Malen oder Exportieren stoppen; fertige Schlüsselbilder bleiben erhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Play Preview</source>
        <translation>Vorschau &amp;abspielen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Render a quick low-resolution video of the zoom and play it in a loop</source>
        <translation>Ein schnelles Video des Zooms in niedriger Auflösung rendern und in Schleife abspielen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbildmodus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preferences…</source>
        <translation>Droste &amp;einrichten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model location, device, precision, threads, language</source>
        <translation>Modellort, Gerät, Genauigkeit, Threads, Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Droste</source>
        <translation>&amp;Über Droste</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Generate</source>
        <comment>tool bar button</comment>
        <translation>Generieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add Keyframes</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regenerate</source>
        <translation>Neu malen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repaint Stale</source>
        <translation>Veraltete malen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export MP4</source>
        <translation>MP4 exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent</source>
        <translation>Zu&amp;letzt geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Generate</source>
        <translation>&amp;Generieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
</context>
<context>
    <name>droste::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window_jobs.cpp" line="+30"/>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="+165"/>
        <source>Choose a model folder (diffusers layout)</source>
        <translation>Modellordner wählen (diffusers-Aufbau)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a model file</source>
        <translation>Modelldatei wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model checkpoints (*.safetensors)</source>
        <translation>Modell-Checkpoints (*.safetensors)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This model cannot be used</source>
        <translation>Dieses Modell kann nicht verwendet werden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keyframes set to %1 × %2 px, the size this model paints best (ring %3 px).</source>
        <translation>Schlüsselbilder auf %1 × %2 px gesetzt, die Größe, in der dieses Modell am besten malt (Ring %3 px).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Draft painter (no model)</source>
        <translation>Entwurfsmodus (kein Modell)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>draft painter</source>
        <translation>Entwurfsmodus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CPU (draft)</source>
        <translation>CPU (Entwurf)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>CPU, %n thread(s)</source>
        <translation>
            <numerusform>CPU, %n Thread</numerusform>
            <numerusform>CPU, %n Threads</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Droste — %1[*]</source>
        <translation>Droste – %1[*]</translation>
    </message>
    <message>
        <location filename="../ui/main_window_export.cpp" line="+60"/>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The export was cancelled.</source>
        <translation>Der Export wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No file was written to %1.</source>
        <translation>Es wurde keine Datei nach %1 geschrieben.</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+24"/>
        <location line="+30"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Wait for the painting to finish, or stop it, before exporting with added detail.</source>
        <translation>Warten Sie, bis das Malen fertig ist, oder halten Sie es an, bevor Sie mit hinzugefügten Details exportieren.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Preparing the preview</source>
        <translation>Vorschau wird vorbereitet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exporting %1</source>
        <translation>Exportiere %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The preview was cancelled.</source>
        <translation>Die Vorschau wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preview failed</source>
        <translation>Vorschau fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/main_window_files.cpp" line="+37"/>
        <source>Images (%1)</source>
        <translation>Bilder (%1)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not open the project</source>
        <translation>Das Projekt konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+25"/>
        <source>Droste projects (*.droste)</source>
        <translation>Droste-Projekte (*.droste)</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Could not save the project</source>
        <translation>Das Projekt konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../ui/main_window_jobs.cpp" line="+63"/>
        <location filename="../ui/main_window_files.cpp" line="+5"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/main_window_files.cpp" line="+9"/>
        <source>/zoom.droste</source>
        <translation>/zoom.droste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save project</source>
        <translation>Projekt speichern</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+27"/>
        <source>Could not import the picture</source>
        <translation>Das Bild konnte nicht importiert werden</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+32"/>
        <source>%1 could not be read as a picture (%2). Try a PNG or JPEG file.</source>
        <translation>%1 konnte nicht als Bild gelesen werden (%2). Versuchen Sie eine PNG- oder JPEG-Datei.</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Import start image</source>
        <translation>Startbild importieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Wait for the painting to finish, or stop it, before placing a picture.</source>
        <translation>Warten Sie, bis das Malen fertig ist, oder halten Sie es an, bevor Sie ein Bild einsetzen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Picture to end the zoom on</source>
        <translation>Bild, auf dem der Zoom endet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Picture for keyframe %1</source>
        <translation>Bild für Schlüsselbild %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The project has changes that are not saved. Save them first?</source>
        <translation>Das Projekt enthält ungespeicherte Änderungen. Sollen sie zuerst gespeichert werden?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recover work</source>
        <translation>Arbeit wiederherstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Droste did not close properly last time. Open the automatically saved copy of %1?</source>
        <translation>Droste wurde beim letzten Mal nicht ordnungsgemäß beendet. Die automatisch gespeicherte Kopie von %1 öffnen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your untitled project</source>
        <translation>Ihrem unbenannten Projekt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not recover the project</source>
        <translation>Das Projekt konnte nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>About Droste</source>
        <translation>Über Droste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Droste %1&lt;/h3&gt;&lt;p&gt;Infinite zoom videos with Stable Diffusion inpainting.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Droste %1&lt;/h3&gt;&lt;p&gt;Endlose Zoom-Videos mit Stable-Diffusion-Inpainting.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="-82"/>
        <source>The chain&apos;s geometry changed: %n keyframe(s) turned stale. “Regenerate stale” repaints them.</source>
        <translation>
            <numerusform>Die Geometrie der Kette hat sich geändert: %n Schlüsselbild ist jetzt veraltet. „Veraltete neu generieren“ malt es neu.</numerusform>
            <numerusform>Die Geometrie der Kette hat sich geändert: %n Schlüsselbilder sind jetzt veraltet. „Veraltete neu generieren“ malt sie neu.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New keyframes and repaints use the new setting; painted keyframes are kept.</source>
        <translation>Neue Schlüsselbilder und Neuberechnungen verwenden die neue Einstellung; bereits gemalte Schlüsselbilder bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../ui/main_window_jobs.cpp" line="-44"/>
        <source>Stopped. Keyframes that were finished are kept.</source>
        <translation>Angehalten. Fertige Schlüsselbilder bleiben erhalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Painting failed</source>
        <translation>Malen fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: done.</source>
        <translation>%1: fertig.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Prompt of keyframe %1</source>
        <translation>Prompt von Schlüsselbild %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This keyframe&apos;s own prompt. Leave it equal to the project&apos;s prompt to follow that one.
Then use &quot;Regenerate with this seed&quot; to repaint it.</source>
        <translation>Der eigene Prompt dieses Schlüsselbilds. Lassen Sie ihn gleich dem Projekt-Prompt, um diesem zu folgen.
Malen Sie es danach mit „Mit diesem Seed neu generieren“ neu.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save keyframe %1</source>
        <translation>Schlüsselbild %1 speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keyframe-%1.png</source>
        <translation>schluesselbild-%1.png</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not write %1. Check that the folder exists and is writable.</source>
        <translation>%1 konnte nicht geschrieben werden. Prüfen Sie, ob der Ordner existiert und beschreibbar ist.</translation>
    </message>
</context>
<context>
    <name>droste::ui::ModelBanner</name>
    <message>
        <location filename="../ui/model_banner.cpp" line="+52"/>
        <source>&lt;b&gt;No Stable Diffusion model found.&lt;/b&gt; Droste paints with the &lt;i&gt;draft painter&lt;/i&gt; (quick placeholder shapes, no model needed) until you choose an inpainting model.</source>
        <translation>&lt;b&gt;Kein Stable-Diffusion-Modell gefunden.&lt;/b&gt; Droste malt im &lt;i&gt;Entwurfsmodus&lt;/i&gt; (schnelle Platzhalterformen, kein Modell nötig), bis Sie ein Inpainting-Modell wählen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose model folder…</source>
        <translation>Modellordner wählen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose model file…</source>
        <translation>Modelldatei wählen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download a model…</source>
        <translation>Modell herunterladen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download Stable Diffusion 2 inpainting (or another model) from the Hugging Face Hub</source>
        <translation>Stable Diffusion 2 Inpainting (oder ein anderes Modell) vom Hugging Face Hub herunterladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide this message; the draft painter stays in use</source>
        <translation>Diese Meldung ausblenden; der Entwurfsmodus bleibt aktiv</translation>
    </message>
</context>
<context>
    <name>droste::ui::ModelDownloadDialog</name>
    <message>
        <location filename="../ui/model_download_dialog.cpp" line="+25"/>
        <source>Download a model</source>
        <translation>Modell herunterladen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Downloads a Stable Diffusion model from the Hugging Face Hub into its shared cache, where other tools find it too. Only the weights Droste needs (.safetensors, fp16 where the model has it) and the configuration files are fetched.</source>
        <translation>Lädt ein Stable-Diffusion-Modell vom Hugging Face Hub in dessen gemeinsamen Cache, wo es auch andere Programme finden. Geladen werden nur die Gewichte, die Droste braucht (.safetensors, fp16, wo das Modell es anbietet), und die Konfigurationsdateien.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stable Diffusion 2 inpainting (512 px)</source>
        <translation>Stable Diffusion 2 Inpainting (512 px)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stable Diffusion 1.5 inpainting (512 px)</source>
        <translation>Stable Diffusion 1.5 Inpainting (512 px)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SDXL inpainting (1024 px, best pictures, slower)</source>
        <translation>SDXL Inpainting (1024 px, beste Bilder, langsamer)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another model: type its name below</source>
        <translation>Anderes Modell: Namen unten eingeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the fp16 weights are fetched where a model offers them; the size is shown before the download begins.</source>
        <translation>Wo ein Modell fp16-Gewichte anbietet, werden nur diese geladen; die Größe wird angezeigt, bevor der Download beginnt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The model&apos;s name on the Hub, owner/name, as in its web address</source>
        <translation>Der Name des Modells auf dem Hub, Besitzer/Name, wie in seiner Webadresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Download</source>
        <translation>&amp;Herunterladen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel download</source>
        <translation>Download &amp;abbrechen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repository:</source>
        <translation>&amp;Repository:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Use this model</source>
        <translation>Dieses Modell &amp;verwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make it the default model: new projects paint with it</source>
        <translation>Zum Standardmodell machen: Neue Projekte malen damit</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Enter the model&apos;s name on the Hub, for example %1.</source>
        <translation>Geben Sie den Namen des Modells auf dem Hub ein, zum Beispiel %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Asking the Hub what %1 holds…</source>
        <translation>Frage beim Hub nach, was %1 enthält…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%1 to download in %n file(s).</source>
        <translation>
            <numerusform>%1 herunterzuladen in %n Datei.</numerusform>
            <numerusform>%1 herunterzuladen in %n Dateien.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All %1 are already in the cache.</source>
        <translation>Alle %1 sind bereits im Cache.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resuming: %1 of %2 still to fetch.</source>
        <translation>Wird fortgesetzt: %1 von %2 fehlen noch.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File %1 of %2: %3</source>
        <translation>Datei %1 von %2: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is ready in %2.</source>
        <translation>%1 liegt bereit in %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is ready in %2. Droste paints with it from now on.</source>
        <translation>%1 liegt bereit in %2. Droste malt ab jetzt damit.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stopped. Press Download to continue where it stopped.</source>
        <translation>Angehalten. Klicken Sie auf „Herunterladen“, um dort weiterzumachen, wo es aufgehört hat.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Droste cannot reach the Hugging Face Hub. Check the internet connection (or the proxy), then press Download again: it continues where it stopped.</source>
        <translation>Droste erreicht den Hugging Face Hub nicht. Prüfen Sie die Internetverbindung (oder den Proxy) und klicken Sie dann erneut auf „Herunterladen“: Der Download macht dort weiter, wo er aufgehört hat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is gated or private: the Hub wants to know who is asking. Accept the model&apos;s conditions on its Hugging Face page, then give Droste your access token: set HF_TOKEN, or log in once with &quot;huggingface-cli login&quot;.</source>
        <translation>%1 ist zugangsbeschränkt oder privat: Der Hub will wissen, wer fragt. Akzeptieren Sie die Bedingungen des Modells auf seiner Hugging-Face-Seite und geben Sie Droste dann Ihr Zugriffstoken: Setzen Sie HF_TOKEN oder melden Sie sich einmal mit „huggingface-cli login“ an.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your Hugging Face token has no access to %1. Accept the model&apos;s conditions on its Hugging Face page with the same account, then try again.</source>
        <translation>Ihr Hugging-Face-Token hat keinen Zugriff auf %1. Akzeptieren Sie die Bedingungen des Modells auf seiner Hugging-Face-Seite mit demselben Konto und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Hub has no model named %1. Check the spelling: owner/name, as in the model&apos;s web address.</source>
        <translation>Auf dem Hub gibt es kein Modell namens %1. Prüfen Sie die Schreibweise: Besitzer/Name, wie in der Webadresse des Modells.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has no .safetensors weights Droste can use. Pickle files (.ckpt, .bin) are never downloaded because they can run code on your computer.</source>
        <translation>%1 hat keine .safetensors-Gewichte, die Droste verwenden kann. Pickle-Dateien (.ckpt, .bin) werden nie heruntergeladen, weil sie Code auf Ihrem Computer ausführen können.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not enough free disk space for the model. Free some space on the drive that holds the Hugging Face cache, then press Download again.</source>
        <translation>Nicht genug freier Speicherplatz für das Modell. Schaffen Sie Platz auf dem Laufwerk mit dem Hugging-Face-Cache und klicken Sie dann erneut auf „Herunterladen“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model could not be written to the disk. Check that you may write to the Hugging Face cache folder, then press Download again.</source>
        <translation>Das Modell konnte nicht auf den Datenträger geschrieben werden. Prüfen Sie, ob Sie in den Hugging-Face-Cache-Ordner schreiben dürfen, und klicken Sie dann erneut auf „Herunterladen“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A file arrived damaged and was thrown away. Press Download again.</source>
        <translation>Eine Datei kam beschädigt an und wurde verworfen. Klicken Sie erneut auf „Herunterladen“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Hub answered with an error. Try again in a while.</source>
        <translation>Der Hub hat mit einem Fehler geantwortet. Versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The download stopped.</source>
        <translation>Der Download wurde beendet.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n second(s) left</source>
        <translation>
            <numerusform>noch %n Sekunde</numerusform>
            <numerusform>noch %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min %2 s left</source>
        <translation>noch %1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min left</source>
        <translation>noch %1 h %2 min</translation>
    </message>
</context>
<context>
    <name>droste::ui::ModelManagerWidget</name>
    <message>
        <location filename="../ui/model_manager_widget.cpp" line="+46"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inpainting</source>
        <translation>Inpainting</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Set as &amp;default</source>
        <translation>Als &amp;Standard festlegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New projects paint with this model</source>
        <translation>Neue Projekte malen mit diesem Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do&amp;wnload…</source>
        <translation>Herunter&amp;laden…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download a model from the Hugging Face Hub into its shared cache</source>
        <translation>Ein Modell vom Hugging Face Hub in dessen gemeinsamen Cache herunterladen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Folders and files you added</source>
        <translation>Von Ihnen hinzugefügte Ordner und Dateien</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A folder is searched for models inside it; a model folder or file is listed itself.</source>
        <translation>Ein Ordner wird nach Modellen darin durchsucht; ein Modellordner oder eine Modelldatei erscheint selbst in der Liste.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add &amp;folder…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add f&amp;ile…</source>
        <translation>Datei &amp;hinzufügen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop listing the models there; nothing is deleted from the disk</source>
        <translation>Die Modelle dort nicht mehr auflisten; von der Festplatte wird nichts gelöscht</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Add a model folder, or a folder of models</source>
        <translation>Einen Modellordner oder einen Ordner mit Modellen hinzufügen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add a model file</source>
        <translation>Eine Modelldatei hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model checkpoints (*.safetensors)</source>
        <translation>Modell-Checkpoints (*.safetensors)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Looking for models…</source>
        <translation>Suche nach Modellen…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Searched: the Hugging Face cache (%1), %2 and the places you added below.</source>
        <translation>Durchsucht: der Hugging-Face-Cache (%1), %2 und die unten hinzugefügten Orte.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No models found. Download one, or add the folder or file of a model you have.</source>
        <translation>Keine Modelle gefunden. Laden Sie eines herunter oder fügen Sie den Ordner oder die Datei eines vorhandenen Modells hinzu.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n model(s) found, %1 usable.</source>
        <translation>
            <numerusform>%n Modell gefunden, %1 verwendbar.</numerusform>
            <numerusform>%n Modelle gefunden, %1 verwendbar.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Hugging Face cache</source>
        <translation>Hugging-Face-Cache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>diffusers folder</source>
        <translation>diffusers-Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>single checkpoint file</source>
        <translation>einzelne Checkpoint-Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pickle checkpoint</source>
        <translation>Pickle-Checkpoint</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (default)</source>
        <translation>%1 (Standard)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot be used: %1</source>
        <translation>Nicht verwendbar: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>SD 1.x</source>
        <translation>SD 1.x</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SD 2.x</source>
        <translation>SD 2.x</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SDXL</source>
        <translation>SDXL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not an inpainting model: Droste can still outpaint with it by blending latents, with weaker seams.</source>
        <translation>Kein Inpainting-Modell: Droste kann damit trotzdem nach außen malen, indem es Latents überblendet, aber die Nähte fallen stärker auf.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not found: moved or deleted?</source>
        <translation>Nicht gefunden: verschoben oder gelöscht?</translation>
    </message>
</context>
<context>
    <name>droste::ui::PanelSettings</name>
    <message>
        <location filename="../ui/panel_settings.cpp" line="+54"/>
        <source>Edit prompt</source>
        <translation>Prompt bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit negative prompt</source>
        <translation>Negativ-Prompt bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change model</source>
        <translation>Modell ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change sampler</source>
        <translation>Sampler ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change steps</source>
        <translation>Schritte ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change guidance</source>
        <translation>Prompt-Treue ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change keyframe size</source>
        <translation>Schlüsselbildgröße ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change outpaint ring</source>
        <translation>Außenrand ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change method</source>
        <translation>Methode ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change padding</source>
        <translation>Auffüllung ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change locked seed</source>
        <translation>Gesperrten Seed ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock or unlock seed</source>
        <translation>Seed sperren oder freigeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change keyframes to add</source>
        <translation>Anzahl neuer Schlüsselbilder ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change setting</source>
        <translation>Einstellung ändern</translation>
    </message>
</context>
<context>
    <name>droste::ui::PlayPreviewDialog</name>
    <message>
        <location filename="../ui/play_preview_dialog.cpp" line="+16"/>
        <source>Preview of the zoom</source>
        <translation>Vorschau des Zooms</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+16"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The preview cannot be played: %1. Qt Multimedia&apos;s GStreamer backend needs the gstreamer1.0-libav package for H.264 video.</source>
        <translation>Die Vorschau kann nicht abgespielt werden: %1. Das GStreamer-Backend von Qt Multimedia benötigt für H.264-Video das Paket gstreamer1.0-libav.</translation>
    </message>
</context>
<context>
    <name>droste::ui::PreviewWidget</name>
    <message>
        <location filename="../ui/preview_widget.cpp" line="+54"/>
        <source>Show input &amp;&amp; mask</source>
        <translation>Eingabe &amp;&amp; Maske zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show what the painter receives for this keyframe: the previous keyframe shrunk and padded, with the ring it repaints tinted red.</source>
        <translation>Zeigt, was der Generator für dieses Schlüsselbild erhält: das vorige Schlüsselbild verkleinert und aufgefüllt, der neu zu malende Rand rot eingefärbt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type a prompt on the left and press “Generate”,
or drop a picture here to zoom out of it.</source>
        <translation>Geben Sie links einen Prompt ein und klicken Sie auf „Generieren“,
oder ziehen Sie ein Bild hierher, um aus ihm herauszuzoomen.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Painting — step %1/%2</source>
        <translation>Malen – Schritt %1/%2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Painting…</source>
        <translation>Malen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Painter input: red = ring to paint</source>
        <translation>Generator-Eingabe: rot = zu malender Rand</translation>
    </message>
</context>
<context>
    <name>droste::ui::PromptPanel</name>
    <message>
        <location filename="../ui/prompt_panel.cpp" line="+54"/>
        <source>Direct (all sides at once)</source>
        <translation>Direkt (alle Seiten auf einmal)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sequential (one side at a time)</source>
        <translation>Nacheinander (eine Seite nach der anderen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mirror (default)</source>
        <translation>Spiegeln (Standard)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mirror, skipping the edge</source>
        <translation>Spiegeln ohne Randpixel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stretch the edge pixels</source>
        <translation>Randpixel strecken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blurred stretch</source>
        <translation>Weichgezeichnet strecken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Black</source>
        <translation>Schwarz</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>What to paint</source>
        <translation>Was gemalt wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Describe the picture, e.g. &quot;a cosy library inside a seashell, warm light, highly detailed&quot;</source>
        <translation>Beschreiben Sie das Bild, z. B. „a cosy library inside a seashell, warm light, highly detailed“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The prompt: what every new keyframe should show. Keyframes you regenerate later use the prompt that is here then, unless they have their own.</source>
        <translation>Der Prompt: was jedes neue Schlüsselbild zeigen soll. Später neu generierte Schlüsselbilder verwenden den Prompt, der dann hier steht – außer sie haben einen eigenen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What to avoid, e.g. &quot;blurry, text, watermark&quot;</source>
        <translation>Was vermieden werden soll, z. B. „blurry, text, watermark“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The negative prompt: things the painter should steer away from.</source>
        <translation>Der Negativ-Prompt: was der Generator vermeiden soll.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Prompt</source>
        <translation>&amp;Prompt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Negative prompt</source>
        <translation>&amp;Negativ-Prompt</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Painter</source>
        <translation>Generator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Stable Diffusion inpainting model that paints the keyframes. &quot;Draft painter&quot; needs no model: it paints quick placeholder shapes.</source>
        <translation>Das Stable-Diffusion-Inpainting-Modell, das die Schlüsselbilder malt. Der „Entwurfsmodus“ braucht kein Modell: Er malt schnelle Platzhalterformen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a model folder (diffusers layout) or a single .safetensors file.</source>
        <translation>Einen Modellordner (diffusers-Aufbau) oder eine einzelne .safetensors-Datei wählen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sampler that removes the noise step by step. &quot;Model default&quot; uses the one the model ships with.</source>
        <translation>Der Sampler, der das Rauschen Schritt für Schritt entfernt. „Modellstandard“ verwendet den, der mit dem Modell geliefert wird.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;ampler</source>
        <translation>Samp&amp;ler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Denoising steps per keyframe. More steps: finer detail, slower. 20–30 is usual.</source>
        <translation>Entrauschungsschritte pro Schlüsselbild. Mehr Schritte: feinere Details, aber langsamer. Üblich sind 20–30.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Steps</source>
        <translation>&amp;Schritte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guidance (CFG): how strictly the picture follows the prompt. Low: freer and softer; high: literal and harsher. 7–8 is usual.</source>
        <translation>Prompt-Treue (CFG, Guidance): wie genau das Bild dem Prompt folgt. Niedrig: freier und weicher; hoch: wörtlicher und härter. Üblich sind 7–8.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Guidance (CFG)</source>
        <translation>Prompt-Tre&amp;ue (CFG)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The seed picks the starting noise: the same seed and settings paint the same picture.</source>
        <translation>Der Seed bestimmt das Anfangsrauschen: gleicher Seed und gleiche Einstellungen malen dasselbe Bild.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll a new random seed</source>
        <translation>Einen neuen zufälligen Seed würfeln</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The shape of the keyframes and of the video: square, landscape for wide screens, portrait for phones. Every shape is painted in full, not cropped.</source>
        <translation>Die Form der Schlüsselbilder und des Videos: quadratisch, Querformat für breite Bildschirme, Hochformat für Smartphones. Jede Form wird vollständig gemalt, nicht zugeschnitten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aspect &amp;ratio</source>
        <translation>Seiten&amp;verhältnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The size each keyframe is painted at. SD 1.x/2.x inpainting models work best near 512 px, SDXL near 1024. Larger is slower.</source>
        <translation>Die Größe, in der jedes Schlüsselbild gemalt wird. Inpainting-Modelle für SD 1.x/2.x arbeiten am besten bei etwa 512 px, SDXL bei etwa 1024. Größer ist langsamer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outpaint ring: how much new picture is painted around the previous keyframe on each long side; the short sides get a ring in proportion, so both zoom alike (on wide and tall keyframes only some widths allow that: the nearest is used). Wider: faster zoom, fewer keyframes, but less continuity.</source>
        <translation>Außenrand: wie viel neues Bild an jeder langen Seite um das vorige Schlüsselbild gemalt wird; die kurzen Seiten bekommen einen Rand im gleichen Verhältnis, damit beide gleich zoomen (bei Quer- und Hochformat erlauben das nur manche Breiten: die nächstgelegene wird verwendet). Breiter: schnellerer Zoom, weniger Schlüsselbilder, aber weniger Zusammenhang.</translation>
    </message>
    <message>
        <location line="+94"/>
        <location line="+102"/>
        <source>Custom</source>
        <translation>Eigene</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Square 1:1</source>
        <translation>Quadratisch 1:1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Landscape 16:9</source>
        <translation>Querformat 16:9</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portrait 9:16</source>
        <translation>Hochformat 9:16</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Landscape 4:3</source>
        <translation>Querformat 4:3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portrait 3:4</source>
        <translation>Hochformat 3:4</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Landscape 3:2</source>
        <translation>Querformat 3:2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portrait 2:3</source>
        <translation>Hochformat 2:3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 px</translation>
    </message>
    <message>
        <location line="-344"/>
        <location line="+193"/>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Locked: every new keyframe uses this seed. Unlocked: each new keyframe rolls its own.</source>
        <translation>Gesperrt: Jedes neue Schlüsselbild verwendet diesen Seed. Entsperrt: Jedes neue Schlüsselbild würfelt seinen eigenen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See&amp;d</source>
        <translation>Start&amp;wert (Seed)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Keyframe size</source>
        <translation>S&amp;chlüsselbildgröße</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Outpaint ring</source>
        <translation>Außen&amp;rand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direct paints the whole ring in one go. Sequential paints one side at a time, which joins better but takes four times as long.</source>
        <translation>Direkt malt den ganzen Rand in einem Durchgang. Nacheinander malt eine Seite nach der anderen: Die Übergänge werden besser, es dauert aber viermal so lange.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>M&amp;ethod</source>
        <translation>Me&amp;thode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What fills the empty ring before it is painted. It guides colours and composition at the seam.</source>
        <translation>Womit der leere Rand vor dem Malen gefüllt wird. Das lenkt Farben und Bildaufbau an der Nahtstelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Padding</source>
        <translation>Au&amp;ffüllung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many keyframes &quot;Add keyframes&quot; paints, one zoom step out each.</source>
        <translation>Wie viele Schlüsselbilder „Schlüsselbilder hinzufügen“ malt, jeweils einen Zoomschritt weiter außen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyframes to &amp;add</source>
        <translation>An&amp;zahl neuer Schlüsselbilder</translation>
    </message>
    <message>
        <location line="-156"/>
        <location line="+193"/>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <location line="-195"/>
        <location line="+263"/>
        <source>Model default</source>
        <translation>Modellstandard</translation>
    </message>
</context>
<context>
    <name>droste::ui::RecentProjects</name>
    <message>
        <location filename="../ui/recent_projects.cpp" line="+35"/>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear list</source>
        <translation>Liste leeren</translation>
    </message>
</context>
<context>
    <name>droste::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="+27"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No model chosen: the draft painter is used</source>
        <translation>Kein Modell: Entwurfsmodus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A Stable Diffusion inpainting model: a diffusers folder (with model_index.json) or a single .safetensors checkpoint.</source>
        <translation>Ein Stable-Diffusion-Inpainting-Modell: ein diffusers-Ordner (mit model_index.json) oder ein einzelner .safetensors-Checkpoint.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File…</source>
        <translation>Datei…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Model location</source>
        <translation>&amp;Modellort</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Automatic (GPU when available)</source>
        <translation>Automatisch (GPU, falls vorhanden)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NVIDIA GPU (CUDA)</source>
        <translation>NVIDIA-GPU (CUDA)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the model runs. A GPU is many times faster than the CPU.</source>
        <translation>Wo das Modell läuft. Eine GPU ist um ein Vielfaches schneller als die CPU.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the model runs. No NVIDIA GPU is usable here, so it runs on the CPU.</source>
        <translation>Wo das Modell läuft. Hier ist keine NVIDIA-GPU nutzbar, daher läuft es auf der CPU.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Device</source>
        <translation>&amp;Gerät</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number format of the model&apos;s weights. Lower precision: faster and half the memory, pictures differ very slightly. Only what runs on this computer is offered.</source>
        <translation>Zahlenformat der Modellgewichte. Geringere Genauigkeit: schneller und halber Speicher, Bilder unterscheiden sich sehr leicht. Angeboten wird nur, was auf diesem Computer läuft.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Automatic (%1 on this GPU)</source>
        <translation>Automatisch (%1 auf dieser GPU)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Automatic (%1 on this CPU)</source>
        <translation>Automatisch (%1 auf dieser CPU)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bf16 (fast, half the memory)</source>
        <translation>bf16 (schnell, halber Speicher)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bf16 (half the memory, not faster on this CPU)</source>
        <translation>bf16 (halber Speicher, auf dieser CPU nicht schneller)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fp16 (fastest on a GPU, half the memory)</source>
        <translation>fp16 (am schnellsten auf einer GPU, halber Speicher)</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>fp32 (exact, most memory)</source>
        <translation>fp32 (exakt, höchster Speicherbedarf)</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>&amp;Precision</source>
        <translation>Gen&amp;auigkeit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Automatic (%1)</source>
        <translation>Automatisch (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU threads for painting on the CPU. Takes effect after a restart.</source>
        <translation>CPU-Threads für das Malen auf der CPU. Wirkt nach einem Neustart.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU &amp;threads</source>
        <translation>CPU-&amp;Threads</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The language of the interface. Applies as soon as you press OK.</source>
        <translation>Die Sprache der Oberfläche. Gilt sofort, wenn Sie OK drücken.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>M&amp;odels</source>
        <translation>Mo&amp;delle</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose a model folder</source>
        <translation>Modellordner wählen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a model file</source>
        <translation>Modelldatei wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model checkpoints (*.safetensors)</source>
        <translation>Modell-Checkpoints (*.safetensors)</translation>
    </message>
</context>
<context>
    <name>droste::ui::TimelineWidget</name>
    <message>
        <location filename="../ui/timeline_widget.cpp" line="+123"/>
        <source>Keyframes from the innermost (1) outwards. Right-click one for more.</source>
        <translation>Schlüsselbilder vom innersten (1) nach außen. Rechtsklick für weitere Aktionen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag to see the zoom at any point between keyframes.</source>
        <translation>Ziehen, um den Zoom an jeder Stelle zwischen den Schlüsselbildern zu sehen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+96"/>
        <source>Zoom position %1</source>
        <translation>Zoomposition %1</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Scrub:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>fresh</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>painting</source>
        <translation>wird gemalt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>queued</source>
        <translation>wartet</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Keyframe %1, %2</source>
        <translation>Schlüsselbild %1, %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyframe %1 (%2)</source>
        <translation>Schlüsselbild %1 (%2)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Regenerate with a new seed</source>
        <translation>Mit neuem Seed neu generieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regenerate with this seed (after editing the prompt)</source>
        <translation>Mit diesem Seed neu generieren (nach Bearbeiten des Prompts)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit this keyframe&apos;s prompt…</source>
        <translation>Prompt dieses Schlüsselbilds bearbeiten…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insert a keyframe after this one</source>
        <translation>Danach ein Schlüsselbild einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace with a picture…</source>
        <translation>Durch ein Bild ersetzen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as PNG…</source>
        <translation>Als PNG speichern…</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui_main.cpp" line="+24"/>
        <source>Infinite zoom videos with Stable Diffusion</source>
        <translation>Endlose Zoom-Videos mit Stable Diffusion</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A .droste project to open, or a picture to start from</source>
        <translation>Ein zu öffnendes .droste-Projekt oder ein Bild als Ausgangspunkt</translation>
    </message>
</context>
</TS>
