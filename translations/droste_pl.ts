<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>droste::catalog::ModelCatalog</name>
    <message>
        <location filename="../core/catalog/model_catalog.cpp" line="+46"/>
        <source>%1 does not exist.</source>
        <translation>%1 nie istnieje.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 is gone: it was moved or deleted. Add it again from its new place.</source>
        <translation>Nie ma już %1: został przeniesiony lub usunięty. Dodaj go ponownie z nowego miejsca.</translation>
    </message>
</context>
<context>
    <name>droste::engine::Engine</name>
    <message>
        <location filename="../core/engine/engine.cpp" line="+504"/>
        <source>Painting the first keyframe</source>
        <translation>Malowanie pierwszej klatki kluczowej</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Adding %n keyframe(s)</source>
        <translation>
            <numerusform>Dodawanie %n klatki kluczowej</numerusform>
            <numerusform>Dodawanie %n klatek kluczowych</numerusform>
            <numerusform>Dodawanie %n klatek kluczowych</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Repainting keyframe %1</source>
        <translation>Ponowne malowanie klatki kluczowej %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Repainting stale keyframes</source>
        <translation>Ponowne malowanie nieaktualnych klatek kluczowych</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Paint every keyframe before closing the loop (Repaint Stale).</source>
        <translation>Namaluj wszystkie klatki kluczowe przed zamknięciem pętli (Przemaluj nieaktualne).</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Closing the loop needs at least %1 keyframes: add keyframes first.</source>
        <translation>Zamknięcie pętli wymaga co najmniej %1 klatek kluczowych: najpierw dodaj klatki.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Closing the loop</source>
        <translation>Zamykanie pętli</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import the picture as the start picture: there is no keyframe yet.</source>
        <translation>Zaimportuj obraz jako obraz początkowy: nie ma jeszcze żadnej klatki kluczowej.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The picture is empty or could not be read.</source>
        <translation>Obraz jest pusty lub nie dał się odczytać.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paint keyframe %1 first: the picture is fitted around it.</source>
        <translation>Najpierw namaluj klatkę kluczową %1: obraz jest dopasowywany wokół niej.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Fitting your picture into keyframe %1</source>
        <translation>Dopasowywanie twojego obrazu do klatki kluczowej %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Paint the first keyframe before preparing a video.</source>
        <translation>Najpierw namaluj pierwszą klatkę kluczową, potem przygotuj wideo.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The keyframes changed while the video&apos;s pictures were being made: try again.</source>
        <translation>Klatki kluczowe zmieniły się podczas tworzenia obrazów do wideo: spróbuj ponownie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Adding detail for a %1 × %2 video</source>
        <translation>Dodawanie szczegółów do wideo %1 × %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enlarging the keyframes for a %1 × %2 video</source>
        <translation>Powiększanie klatek kluczowych do wideo %1 × %2</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>The keyframes changed while the loop was being closed.</source>
        <translation>Klatki kluczowe zmieniły się podczas zamykania pętli.</translation>
    </message>
</context>
<context>
    <name>droste::session::Session</name>
    <message>
        <location filename="../core/session/session.cpp" line="+108"/>
        <source>Change model</source>
        <translation>Zmiana modelu</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Edit prompt of keyframe %1</source>
        <translation>Edycja opisu klatki kluczowej %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Insert keyframe</source>
        <translation>Wstawienie klatki kluczowej</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete keyframe %1</source>
        <translation>Usunięcie klatki kluczowej %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import start image</source>
        <translation>Importuj obraz początkowy</translation>
    </message>
    <message>
        <location filename="../core/session/session_jobs.cpp" line="+19"/>
        <source>Another keyframe is being painted: wait for it, or stop it first.</source>
        <translation>Trwa malowanie innej klatki kluczowej: zaczekaj na nią albo najpierw ją zatrzymaj.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Generate first keyframe</source>
        <translation>Generowanie pierwszej klatki kluczowej</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Add %n keyframe(s)</source>
        <translation>
            <numerusform>Dodanie %n klatki kluczowej</numerusform>
            <numerusform>Dodanie %n klatek kluczowych</numerusform>
            <numerusform>Dodanie %n klatek kluczowych</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Regenerate keyframe %1 with seed %2</source>
        <translation>Ponowne generowanie klatki kluczowej %1 z ziarnem %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regenerate keyframe %1</source>
        <translation>Ponowne generowanie klatki kluczowej %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Regenerate stale keyframes</source>
        <translation>Ponowne generowanie nieaktualnych klatek kluczowych</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close the loop</source>
        <translation>Zamknij pętlę</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add an exit picture</source>
        <translation>Dodaj obraz końcowy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace keyframe %1 with a picture</source>
        <translation>Zastąp klatkę kluczową %1 obrazem</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add detail for the video</source>
        <translation>Dodaj szczegóły do wideo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enlarge the keyframes for the video</source>
        <translation>Powiększ klatki kluczowe do wideo</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Paint or import the first keyframe before exporting.</source>
        <translation>Przed eksportem namaluj lub zaimportuj pierwszą klatkę kluczową.</translation>
    </message>
</context>
<context>
    <name>droste::ui::ChainView</name>
    <message>
        <location filename="../ui/chain_view.cpp" line="+73"/>
        <source>Imported picture</source>
        <translation>Zaimportowany obraz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed %1
%2</source>
        <translation>Ziarno %1
%2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>imported picture</source>
        <translation>zaimportowany obraz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>seed %1</source>
        <translation>ziarno %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyframe %1 of %2 · %3 · %4</source>
        <translation>Klatka kluczowa %1 z %2 · %3 · %4</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Zoom position %1 of %2</source>
        <translation>Pozycja zbliżenia %1 z %2</translation>
    </message>
</context>
<context>
    <name>droste::ui::ErrorText</name>
    <message>
        <location filename="../ui/error_text.cpp" line="+8"/>
        <source>Choose another model in Settings → Models, or download one there.</source>
        <translation>Wybierz inny model w Ustawienia → Modele albo pobierz go tam.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose another device or precision in Settings → General.</source>
        <translation>Wybierz inne urządzenie lub precyzję w Ustawienia → Ogólne.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use a smaller keyframe size, choose bf16 precision in Settings → General, or close other programs.</source>
        <translation>Użyj mniejszego rozmiaru klatki kluczowej, wybierz precyzję bf16 w Ustawienia → Ogólne albo zamknij inne programy.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use a smaller keyframe size, choose fp16 precision in Settings → General, or paint on the CPU.</source>
        <translation>Użyj mniejszego rozmiaru klatki kluczowej, wybierz precyzję fp16 w Ustawienia → Ogólne albo maluj na CPU.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a higher precision in Settings → General: fp32 is exact.</source>
        <translation>Wybierz wyższą precyzję w Ustawienia → Ogólne: fp32 jest dokładna.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that the folder exists, that you may write there, and that the disk has room.</source>
        <translation>Sprawdź, czy folder istnieje, czy możesz w nim zapisywać i czy na dysku jest miejsce.</translation>
    </message>
</context>
<context>
    <name>droste::ui::ExportDialog</name>
    <message>
        <location filename="../ui/export_dialog.cpp" line="+60"/>
        <source>Export MP4 video</source>
        <translation>Eksport wideo MP4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export WebM video</source>
        <translation>Eksport wideo WebM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export frames as PNG</source>
        <translation>Eksport klatek jako PNG</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Browse…</source>
        <translation>Przeglądaj…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Folder</source>
        <translation>&amp;Katalog</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> fps</source>
        <translation> kl./s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames per second of the video. 30 is smooth; 60 is smoother and twice the work.</source>
        <translation>Liczba klatek na sekundę. 30 daje płynny obraz, 60 – jeszcze płynniejszy, ale to dwa razy więcej pracy.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;rame rate</source>
        <translation>&amp;Liczba klatek na sekundę</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the zoom takes to pass one keyframe: the speed of the zoom.</source>
        <translation>Ile czasu zajmuje przejście przez jedną klatkę kluczową, czyli szybkość zbliżenia.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Seconds per keyframe</source>
        <translation>&amp;Sekundy na klatkę kluczową</translation>
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
        <translation>Rozmi&amp;ar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Square 1:1</source>
        <translation>Kwadrat 1:1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Landscape 16:9</source>
        <translation>Poziomo 16:9</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portrait 9:16 (phones)</source>
        <translation>Pionowo 9:16 (telefony)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classic 4:3</source>
        <translation>Klasyczny 4:3</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Height of the video in pixels; the width follows from the aspect ratio. Sizes above the keyframe size are enlarged.</source>
        <translation>Wysokość filmu w pikselach; szerokość wynika z proporcji. Rozmiary większe od rozmiaru klatki kluczowej są powiększane.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>As painted (%1:%2)</source>
        <translation>Jak namalowano (%1:%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The shape of the video. As painted shows the whole keyframes; another shape shows a centred crop of them (paint wide or tall keyframes in the Zoom panel instead).</source>
        <translation>Kształt filmu. „Jak namalowano” pokazuje całe klatki kluczowe; inny kształt pokazuje ich wyśrodkowany wycinek (zamiast tego namaluj szerokie lub wysokie klatki w panelu „Zbliżenie”).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Aspect</source>
        <translation>Pr&amp;oporcje</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zoom in (into the first keyframe)</source>
        <translation>Przybliżanie (w stronę pierwszej klatki kluczowej)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out (away from the first keyframe)</source>
        <translation>Oddalanie (od pierwszej klatki kluczowej)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Direction</source>
        <translation>Ki&amp;erunek</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Constant speed</source>
        <translation>Stała prędkość</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ease in and out</source>
        <translation>Łagodny start i koniec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Constant speed keeps the zoom steady from the first to the last frame. Ease in and out starts gently and comes to a gentle stop (one keyframe step each).</source>
        <translation>Stała prędkość utrzymuje równe tempo zbliżenia od pierwszej do ostatniej klatki. Łagodny start i koniec powoli się rozpędza i łagodnie zatrzymuje (po jednym kroku klatki kluczowej).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Easing</source>
        <translation>&amp;Wygładzanie ruchu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seamless loop</source>
        <translation>Płynna pętla</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stops one frame before the end, which shows the first frame again, so the video plays in an endless loop. For zooms whose loop was closed (Generate ▸ Close the Loop).</source>
        <translation>Kończy się jedną klatkę przed końcem, który znów pokazuje pierwszą klatkę, więc film odtwarza się w nieskończonej pętli. Dla zbliżeń, których pętla została zamknięta (Generowanie ▸ Zamknij pętlę).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Picture quality against file size. 75 looks clean for sharing; 100 is near lossless.</source>
        <translation>Jakość obrazu kosztem rozmiaru pliku. 75 wygląda czysto do udostępniania; 100 to niemal bezstratnie.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quality</source>
        <translation>&amp;Jakość</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add detail with the model</source>
        <translation>Dodaj szczegóły modelem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For a video larger than the keyframes: before exporting, the model repaints the enlarged keyframes once, in tiles of the size it paints, so the video gains detail instead of blur. This takes a while; the result is kept in the project for later exports.</source>
        <translation>Dla wideo większego niż klatki kluczowe: przed eksportem model raz przemalowuje powiększone klatki kluczowe w kafelkach o rozmiarze, w jakim maluje, więc wideo zyskuje szczegóły zamiast rozmycia. Trwa to chwilę; wynik zostaje w projekcie na kolejne eksporty.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How much the model may change: 0.2 to 0.4 adds detail and keeps the picture.</source>
        <translation>Jak bardzo model może zmienić obraz: 0,2–0,4 dodaje szczegóły i zachowuje obraz.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail s&amp;trength</source>
        <translation>Siła s&amp;zczegółów</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export</source>
        <translation>Eksportuj</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>%1 × %2 pixels, %3 frames, %4 s of video from %5 keyframes.</source>
        <translation>%1 × %2 pikseli, klatek: %3, %4 s wideo z %5 klatek kluczowych.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The keyframes are enlarged %1× once, and the model adds detail first.</source>
        <translation>Klatki kluczowe są raz powiększane %1×, a model najpierw dodaje szczegóły.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The keyframes are enlarged %1× for each frame.</source>
        <translation>Klatki kluczowe są powiększane %1× dla każdej klatki wideo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Folder for the frames</source>
        <translation>Katalog na klatki</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MP4 video (*.mp4)</source>
        <translation>Wideo MP4 (*.mp4)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>WebM video (*.webm)</source>
        <translation>Wideo WebM (*.webm)</translation>
    </message>
</context>
<context>
    <name>droste::ui::JobStatusBar</name>
    <message>
        <location filename="../ui/job_status_bar.cpp" line="+33"/>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop painting or exporting (Esc). Keyframes already finished are kept.</source>
        <translation>Zatrzymaj malowanie lub eksport (Esc). Gotowe klatki kluczowe zostają zachowane.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the painter runs (Settings &gt; Preferences to change)</source>
        <translation>Gdzie działa generator (zmiana: Ustawienia &gt; Konfiguruj Droste)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The painter in use</source>
        <translation>Używany generator</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Device: %1</source>
        <translation>Urządzenie: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  Painter: %1</source>
        <translation>  Generator: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> (%1 of %2)</source>
        <translation> (%1 z %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>step %v/%m</source>
        <translation>krok %v/%m</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>frame %v/%m</source>
        <translation>klatka %v/%m</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>preparing…</source>
        <translation>przygotowywanie…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 it/s</source>
        <translation>%1 it./s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 left</source>
        <translation>pozostało %1</translation>
    </message>
</context>
<context>
    <name>droste::ui::MainActions</name>
    <message>
        <location filename="../ui/main_actions.cpp" line="+97"/>
        <source>&amp;New Project</source>
        <translation>&amp;Nowy projekt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start an empty project</source>
        <translation>Rozpocznij pusty projekt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>&amp;Otwórz…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open a .droste project</source>
        <translation>Otwórz projekt .droste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Zapisz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the project</source>
        <translation>Zapisz projekt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;As…</source>
        <translation>Zapisz j&amp;ako…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the project under a new name</source>
        <translation>Zapisz projekt pod nową nazwą</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import Start Image…</source>
        <translation>&amp;Importuj obraz początkowy…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a picture of your own as the first keyframe and zoom out of it</source>
        <translation>Użyj własnego obrazu jako pierwszej klatki kluczowej i oddalaj się od niego</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;MP4…</source>
        <translation>Eksportuj do &amp;MP4…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Render the zoom as an H.264 MP4 video</source>
        <translation>Wyrenderuj zbliżenie jako wideo MP4 (H.264)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;WebM…</source>
        <translation>Eksportuj do &amp;WebM…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Render the zoom as a VP9 WebM video</source>
        <translation>Wyrenderuj zbliżenie jako wideo WebM (VP9)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;Frames…</source>
        <translation>Eksportuj &amp;klatki…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Render every frame of the zoom as a PNG file</source>
        <translation>Wyrenderuj każdą klatkę zbliżenia jako plik PNG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>Zakoń&amp;cz</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Generate First Keyframe</source>
        <translation>&amp;Generuj pierwszą klatkę kluczową</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paint the innermost picture from the prompt</source>
        <translation>Namaluj najbardziej wewnętrzny obraz na podstawie opisu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add Keyframes</source>
        <translation>&amp;Dodaj klatki kluczowe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out: paint new keyframes around the last one</source>
        <translation>Oddal: namaluj nowe klatki kluczowe wokół ostatniej</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Regenerate Selected</source>
        <translation>&amp;Wygeneruj ponownie zaznaczoną</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paint the selected keyframe again with a new seed; later ones turn stale</source>
        <translation>Namaluj zaznaczoną klatkę kluczową ponownie z nowym ziarnem; późniejsze staną się nieaktualne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regenerate &amp;Stale</source>
        <translation>Wygeneruj ponownie &amp;nieaktualne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repaint every stale or failed keyframe, in order</source>
        <translation>Namaluj ponownie po kolei wszystkie nieaktualne lub nieudane klatki kluczowe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the &amp;Loop</source>
        <translation>Zamknij &amp;pętlę</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the zoom endless: the outermost keyframe becomes the first one, its seam is repainted, and the video loops without a jump</source>
        <translation>Uczyń zbliżenie nieskończonym: najbardziej zewnętrzna klatka kluczowa staje się pierwszą, jej szew jest domalowany, a film zapętla się bez przeskoku</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End on a &amp;Picture…</source>
        <translation>Zakończ &amp;obrazem…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a picture of your own as the last keyframe: the zoom ends on it (its seam is repainted)</source>
        <translation>Dodaj własny obraz jako ostatnią klatkę kluczową: zbliżenie na nim się kończy (jego szew jest domalowany)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top</source>
        <translation>&amp;Zatrzymaj</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop painting or exporting; finished keyframes are kept</source>
        <translation>Zatrzymaj malowanie lub eksport; gotowe klatki kluczowe zostają zachowane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Play Preview</source>
        <translation>&amp;Odtwórz podgląd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Render a quick low-resolution video of the zoom and play it in a loop</source>
        <translation>Wyrenderuj szybkie wideo zbliżenia w niskiej rozdzielczości i odtwarzaj je w pętli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Full Screen</source>
        <translation>&amp;Pełny ekran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Konfiguruj Droste…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model location, device, precision, threads, language</source>
        <translation>Położenie modelu, urządzenie, precyzja, wątki, język</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Droste</source>
        <translation>&amp;O programie Droste</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Generate</source>
        <comment>tool bar button</comment>
        <translation>Generuj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add Keyframes</source>
        <translation>Dodaj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regenerate</source>
        <translation>Przemaluj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repaint Stale</source>
        <translation>Przemaluj nieaktualne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Zatrzymaj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo</source>
        <translation>Cofnij</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>Ponów</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play</source>
        <translation>Odtwórz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export MP4</source>
        <translation>Eksport MP4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File</source>
        <translation>&amp;Plik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent</source>
        <translation>Ostatnio o&amp;twierane</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edycja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Generate</source>
        <translation>&amp;Generowanie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Widok</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings</source>
        <translation>&amp;Ustawienia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>Pomo&amp;c</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generate</source>
        <translation>Generowanie</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Undo</source>
        <translation>&amp;Cofnij</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Cofnij: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Ponów</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Redo %1</source>
        <translation>&amp;Ponów: %1</translation>
    </message>
</context>
<context>
    <name>droste::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window_jobs.cpp" line="+30"/>
        <source>Autosave failed: %1</source>
        <translation>Automatyczny zapis nie powiódł się: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="+165"/>
        <source>Choose a model folder (diffusers layout)</source>
        <translation>Wybierz katalog modelu (układ diffusers)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a model file</source>
        <translation>Wybierz plik modelu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model checkpoints (*.safetensors)</source>
        <translation>Punkty kontrolne modelu (*.safetensors)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This model cannot be used</source>
        <translation>Tego modelu nie można użyć</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keyframes set to %1 × %2 px, the size this model paints best (ring %3 px).</source>
        <translation>Ustawiono klatki kluczowe na %1 × %2 px, rozmiar, w którym ten model maluje najlepiej (pierścień %3 px).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Draft painter (no model)</source>
        <translation>Tryb szkicu (bez modelu)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>draft painter</source>
        <translation>tryb szkicu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CPU (draft)</source>
        <translation>CPU (szkic)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>CPU, %n thread(s)</source>
        <translation>
            <numerusform>CPU, %n wątek</numerusform>
            <numerusform>CPU, %n wątki</numerusform>
            <numerusform>CPU, %n wątków</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Untitled</source>
        <translation>Bez nazwy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Droste — %1[*]</source>
        <translation>Droste – %1[*]</translation>
    </message>
    <message>
        <location filename="../ui/main_window_export.cpp" line="+60"/>
        <source>Exported %1</source>
        <translation>Wyeksportowano %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The export was cancelled.</source>
        <translation>Eksport został anulowany.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No file was written to %1.</source>
        <translation>Nie zapisano żadnego pliku w %1.</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+24"/>
        <location line="+30"/>
        <source>Export failed</source>
        <translation>Eksport nie powiódł się</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Wait for the painting to finish, or stop it, before exporting with added detail.</source>
        <translation>Poczekaj, aż malowanie się skończy, albo je zatrzymaj, zanim wyeksportujesz z dodanymi szczegółami.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Preparing the preview</source>
        <translation>Przygotowywanie podglądu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exporting %1</source>
        <translation>Eksportowanie %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The preview was cancelled.</source>
        <translation>Podgląd został anulowany.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preview failed</source>
        <translation>Podgląd nie powiódł się</translation>
    </message>
    <message>
        <location filename="../ui/main_window_files.cpp" line="+37"/>
        <source>Images (%1)</source>
        <translation>Obrazy (%1)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not open the project</source>
        <translation>Nie można otworzyć projektu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opened %1</source>
        <translation>Otwarto %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open project</source>
        <translation>Otwórz projekt</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+25"/>
        <source>Droste projects (*.droste)</source>
        <translation>Projekty Droste (*.droste)</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Could not save the project</source>
        <translation>Nie można zapisać projektu</translation>
    </message>
    <message>
        <location filename="../ui/main_window_jobs.cpp" line="+63"/>
        <location filename="../ui/main_window_files.cpp" line="+5"/>
        <source>Saved %1</source>
        <translation>Zapisano %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_files.cpp" line="+9"/>
        <source>/zoom.droste</source>
        <translation>/zoom.droste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save project</source>
        <translation>Zapisz projekt</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+27"/>
        <source>Could not import the picture</source>
        <translation>Nie można zaimportować obrazu</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+32"/>
        <source>%1 could not be read as a picture (%2). Try a PNG or JPEG file.</source>
        <translation>Nie można odczytać %1 jako obrazu (%2). Spróbuj pliku PNG lub JPEG.</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Import start image</source>
        <translation>Importuj obraz początkowy</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Wait for the painting to finish, or stop it, before placing a picture.</source>
        <translation>Poczekaj na koniec malowania albo je zatrzymaj, zanim wstawisz obraz.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Picture to end the zoom on</source>
        <translation>Obraz, na którym kończy się zbliżenie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Picture for keyframe %1</source>
        <translation>Obraz dla klatki kluczowej %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Unsaved changes</source>
        <translation>Niezapisane zmiany</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The project has changes that are not saved. Save them first?</source>
        <translation>Projekt zawiera niezapisane zmiany. Czy najpierw je zapisać?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recover work</source>
        <translation>Odzyskiwanie pracy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Droste did not close properly last time. Open the automatically saved copy of %1?</source>
        <translation>Droste nie zostało poprawnie zamknięte ostatnim razem. Otworzyć automatycznie zapisaną kopię: %1?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your untitled project</source>
        <translation>projekt bez nazwy</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not recover the project</source>
        <translation>Nie można odzyskać projektu</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>About Droste</source>
        <translation>O programie Droste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Droste %1&lt;/h3&gt;&lt;p&gt;Infinite zoom videos with Stable Diffusion inpainting.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Droste %1&lt;/h3&gt;&lt;p&gt;Nieskończone zbliżenia wideo dzięki domalowywaniu (inpainting) Stable Diffusion.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="-82"/>
        <source>The chain&apos;s geometry changed: %n keyframe(s) turned stale. “Regenerate stale” repaints them.</source>
        <translation>
            <numerusform>Geometria łańcucha się zmieniła: %n klatka kluczowa jest nieaktualna. „Wygeneruj ponownie nieaktualne” namaluje ją od nowa.</numerusform>
            <numerusform>Geometria łańcucha się zmieniła: %n klatki kluczowe są nieaktualne. „Wygeneruj ponownie nieaktualne” namaluje je od nowa.</numerusform>
            <numerusform>Geometria łańcucha się zmieniła: %n klatek kluczowych jest nieaktualnych. „Wygeneruj ponownie nieaktualne” namaluje je od nowa.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New keyframes and repaints use the new setting; painted keyframes are kept.</source>
        <translation>Nowe klatki kluczowe i ponowne malowanie użyją nowego ustawienia; namalowane już klatki kluczowe zostaną zachowane.</translation>
    </message>
    <message>
        <location filename="../ui/main_window_jobs.cpp" line="-44"/>
        <source>Stopped. Keyframes that were finished are kept.</source>
        <translation>Zatrzymano. Gotowe klatki kluczowe zostały zachowane.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Painting failed</source>
        <translation>Malowanie nie powiodło się</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: done.</source>
        <translation>%1: gotowe.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Prompt of keyframe %1</source>
        <translation>Opis klatki kluczowej %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This keyframe&apos;s own prompt. Leave it equal to the project&apos;s prompt to follow that one.
Then use &quot;Regenerate with this seed&quot; to repaint it.</source>
        <translation>Własny opis tej klatki kluczowej. Pozostaw go takim jak opis projektu, aby podążał za nim.
Następnie użyj „Wygeneruj ponownie z tym ziarnem”, aby ją przemalować.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save keyframe %1</source>
        <translation>Zapisz klatkę kluczową %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keyframe-%1.png</source>
        <translation>klatka-kluczowa-%1.png</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG image (*.png)</source>
        <translation>Obraz PNG (*.png)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not save</source>
        <translation>Nie można zapisać</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not write %1. Check that the folder exists and is writable.</source>
        <translation>Nie można zapisać %1. Sprawdź, czy katalog istnieje i można w nim zapisywać.</translation>
    </message>
</context>
<context>
    <name>droste::ui::ModelBanner</name>
    <message>
        <location filename="../ui/model_banner.cpp" line="+52"/>
        <source>&lt;b&gt;No Stable Diffusion model found.&lt;/b&gt; Droste paints with the &lt;i&gt;draft painter&lt;/i&gt; (quick placeholder shapes, no model needed) until you choose an inpainting model.</source>
        <translation>&lt;b&gt;Nie znaleziono modelu Stable Diffusion.&lt;/b&gt; Droste maluje w &lt;i&gt;trybie szkicu&lt;/i&gt; (szybkie kształty zastępcze, bez modelu), dopóki nie wybierzesz modelu do domalowywania (inpainting).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose model folder…</source>
        <translation>Wybierz katalog modelu…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose model file…</source>
        <translation>Wybierz plik modelu…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download a model…</source>
        <translation>Pobierz model…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download Stable Diffusion 2 inpainting (or another model) from the Hugging Face Hub</source>
        <translation>Pobierz Stable Diffusion 2 inpainting (lub inny model) z Hugging Face Hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide this message; the draft painter stays in use</source>
        <translation>Ukryj ten komunikat; tryb szkicu pozostanie w użyciu</translation>
    </message>
</context>
<context>
    <name>droste::ui::ModelDownloadDialog</name>
    <message>
        <location filename="../ui/model_download_dialog.cpp" line="+25"/>
        <source>Download a model</source>
        <translation>Pobieranie modelu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Downloads a Stable Diffusion model from the Hugging Face Hub into its shared cache, where other tools find it too. Only the weights Droste needs (.safetensors, fp16 where the model has it) and the configuration files are fetched.</source>
        <translation>Pobiera model Stable Diffusion z Hugging Face Hub do jego wspólnej pamięci podręcznej, gdzie znajdą go też inne narzędzia. Pobierane są tylko wagi potrzebne Droste (.safetensors, fp16, jeśli model je ma) oraz pliki konfiguracyjne.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stable Diffusion 2 inpainting (512 px)</source>
        <translation>Stable Diffusion 2 inpainting (512 px)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stable Diffusion 1.5 inpainting (512 px)</source>
        <translation>Stable Diffusion 1.5 inpainting (512 px)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SDXL inpainting (1024 px, best pictures, slower)</source>
        <translation>SDXL inpainting (1024 px, najlepsze obrazy, wolniej)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another model: type its name below</source>
        <translation>Inny model: wpisz jego nazwę poniżej</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the fp16 weights are fetched where a model offers them; the size is shown before the download begins.</source>
        <translation>Jeśli model je oferuje, pobierane są tylko wagi fp16; rozmiar jest pokazywany przed rozpoczęciem pobierania.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The model&apos;s name on the Hub, owner/name, as in its web address</source>
        <translation>Nazwa modelu w Hubie, właściciel/nazwa, tak jak w jego adresie internetowym</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Download</source>
        <translation>&amp;Pobierz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel download</source>
        <translation>Prz&amp;erwij pobieranie</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Model:</source>
        <translation>&amp;Model:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repository:</source>
        <translation>&amp;Repozytorium:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Use this model</source>
        <translation>&amp;Użyj tego modelu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make it the default model: new projects paint with it</source>
        <translation>Ustaw jako model domyślny: nowe projekty będą nim malowane</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Enter the model&apos;s name on the Hub, for example %1.</source>
        <translation>Wpisz nazwę modelu w Hubie, na przykład %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Asking the Hub what %1 holds…</source>
        <translation>Sprawdzanie w Hubie, co zawiera %1…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stopping…</source>
        <translation>Zatrzymywanie…</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%1 to download in %n file(s).</source>
        <translation>
            <numerusform>%1 do pobrania w %n pliku.</numerusform>
            <numerusform>%1 do pobrania w %n plikach.</numerusform>
            <numerusform>%1 do pobrania w %n plikach.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All %1 are already in the cache.</source>
        <translation>Całe %1 jest już w pamięci podręcznej.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resuming: %1 of %2 still to fetch.</source>
        <translation>Wznawianie: do pobrania zostało %1 z %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of %2</source>
        <translation>%1 z %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File %1 of %2: %3</source>
        <translation>Plik %1 z %2: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is ready in %2.</source>
        <translation>Model %1 jest gotowy w %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is ready in %2. Droste paints with it from now on.</source>
        <translation>Model %1 jest gotowy w %2. Od teraz Droste maluje tym modelem.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stopped. Press Download to continue where it stopped.</source>
        <translation>Zatrzymano. Kliknij „Pobierz”, aby kontynuować od miejsca przerwania.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Droste cannot reach the Hugging Face Hub. Check the internet connection (or the proxy), then press Download again: it continues where it stopped.</source>
        <translation>Droste nie może połączyć się z Hugging Face Hub. Sprawdź połączenie z internetem (lub serwer proxy), a potem ponownie kliknij „Pobierz”: pobieranie będzie kontynuowane od miejsca przerwania.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is gated or private: the Hub wants to know who is asking. Accept the model&apos;s conditions on its Hugging Face page, then give Droste your access token: set HF_TOKEN, or log in once with &quot;huggingface-cli login&quot;.</source>
        <translation>Model %1 ma ograniczony dostęp lub jest prywatny: Hub chce wiedzieć, kto pyta. Zaakceptuj warunki modelu na jego stronie w Hugging Face, a potem przekaż Droste swój token dostępu: ustaw HF_TOKEN albo zaloguj się raz poleceniem „huggingface-cli login”.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your Hugging Face token has no access to %1. Accept the model&apos;s conditions on its Hugging Face page with the same account, then try again.</source>
        <translation>Twój token Hugging Face nie ma dostępu do %1. Zaakceptuj warunki modelu na jego stronie w Hugging Face z tego samego konta i spróbuj ponownie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Hub has no model named %1. Check the spelling: owner/name, as in the model&apos;s web address.</source>
        <translation>W Hubie nie ma modelu o nazwie %1. Sprawdź pisownię: właściciel/nazwa, tak jak w adresie internetowym modelu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has no .safetensors weights Droste can use. Pickle files (.ckpt, .bin) are never downloaded because they can run code on your computer.</source>
        <translation>Model %1 nie ma wag .safetensors, których Droste może użyć. Pliki pickle (.ckpt, .bin) nigdy nie są pobierane, ponieważ mogą uruchomić kod na Twoim komputerze.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not enough free disk space for the model. Free some space on the drive that holds the Hugging Face cache, then press Download again.</source>
        <translation>Za mało wolnego miejsca na dysku na ten model. Zwolnij miejsce na dysku z pamięcią podręczną Hugging Face, a potem ponownie kliknij „Pobierz”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model could not be written to the disk. Check that you may write to the Hugging Face cache folder, then press Download again.</source>
        <translation>Nie udało się zapisać modelu na dysku. Sprawdź, czy możesz zapisywać w folderze pamięci podręcznej Hugging Face, a potem ponownie kliknij „Pobierz”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A file arrived damaged and was thrown away. Press Download again.</source>
        <translation>Plik dotarł uszkodzony i został odrzucony. Kliknij ponownie „Pobierz”.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Hub answered with an error. Try again in a while.</source>
        <translation>Hub odpowiedział błędem. Spróbuj ponownie za jakiś czas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The download stopped.</source>
        <translation>Pobieranie zostało przerwane.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n second(s) left</source>
        <translation>
            <numerusform>została %n sekunda</numerusform>
            <numerusform>zostały %n sekundy</numerusform>
            <numerusform>zostało %n sekund</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min %2 s left</source>
        <translation>zostało %1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min left</source>
        <translation>zostało %1 h %2 min</translation>
    </message>
</context>
<context>
    <name>droste::ui::ModelManagerWidget</name>
    <message>
        <location filename="../ui/model_manager_widget.cpp" line="+46"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Family</source>
        <translation>Rodzina</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inpainting</source>
        <translation>Inpainting</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Precision</source>
        <translation>Precyzja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Rozmiar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Location</source>
        <translation>Położenie</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Set as &amp;default</source>
        <translation>Ustaw jako do&amp;myślny</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New projects paint with this model</source>
        <translation>Nowe projekty będą malowane tym modelem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>Odś&amp;wież</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do&amp;wnload…</source>
        <translation>Po&amp;bierz…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download a model from the Hugging Face Hub into its shared cache</source>
        <translation>Pobierz model z Hugging Face Hub do jego wspólnej pamięci podręcznej</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Folders and files you added</source>
        <translation>Dodane przez Ciebie foldery i pliki</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A folder is searched for models inside it; a model folder or file is listed itself.</source>
        <translation>W folderze wyszukiwane są zawarte w nim modele; folder lub plik modelu jest wymieniany bezpośrednio.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add &amp;folder…</source>
        <translation>Dodaj &amp;folder…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add f&amp;ile…</source>
        <translation>Dodaj p&amp;lik…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;move</source>
        <translation>&amp;Usuń</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop listing the models there; nothing is deleted from the disk</source>
        <translation>Przestań wyświetlać modele z tego miejsca; nic nie zostanie usunięte z dysku</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Add a model folder, or a folder of models</source>
        <translation>Dodaj folder modelu lub folder z modelami</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add a model file</source>
        <translation>Dodaj plik modelu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model checkpoints (*.safetensors)</source>
        <translation>Punkty kontrolne modelu (*.safetensors)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Looking for models…</source>
        <translation>Szukanie modeli…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Searched: the Hugging Face cache (%1), %2 and the places you added below.</source>
        <translation>Przeszukano: pamięć podręczną Hugging Face (%1), %2 oraz miejsca dodane poniżej.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No models found. Download one, or add the folder or file of a model you have.</source>
        <translation>Nie znaleziono modeli. Pobierz model albo dodaj folder lub plik modelu, który już masz.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n model(s) found, %1 usable.</source>
        <translation>
            <numerusform>Znaleziono %n model, do użycia: %1.</numerusform>
            <numerusform>Znaleziono %n modele, do użycia: %1.</numerusform>
            <numerusform>Znaleziono %n modeli, do użycia: %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Hugging Face cache</source>
        <translation>pamięć podręczna Hugging Face</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>diffusers folder</source>
        <translation>folder diffusers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>single checkpoint file</source>
        <translation>pojedynczy plik punktu kontrolnego</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pickle checkpoint</source>
        <translation>punkt kontrolny pickle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (default)</source>
        <translation>%1 (domyślny)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot be used: %1</source>
        <translation>Nie można użyć: %1</translation>
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
        <translation>nieznana</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yes</source>
        <translation>tak</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not an inpainting model: Droste can still outpaint with it by blending latents, with weaker seams.</source>
        <translation>To nie jest model do inpaintingu: Droste nadal może nim domalowywać obraz na zewnątrz, mieszając latenty, ale szwy będą bardziej widoczne.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not found: moved or deleted?</source>
        <translation>Nie znaleziono: przeniesiony lub usunięty?</translation>
    </message>
</context>
<context>
    <name>droste::ui::PanelSettings</name>
    <message>
        <location filename="../ui/panel_settings.cpp" line="+54"/>
        <source>Edit prompt</source>
        <translation>Edycja opisu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit negative prompt</source>
        <translation>Edycja opisu negatywnego</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change model</source>
        <translation>Zmiana modelu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change sampler</source>
        <translation>Zmiana samplera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change steps</source>
        <translation>Zmiana liczby kroków</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change guidance</source>
        <translation>Zmiana zgodności z opisem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change keyframe size</source>
        <translation>Zmiana rozmiaru klatki kluczowej</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change outpaint ring</source>
        <translation>Zmiana pierścienia domalowania</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change method</source>
        <translation>Zmiana metody</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change padding</source>
        <translation>Zmiana wypełnienia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change locked seed</source>
        <translation>Zmień zablokowane ziarno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock or unlock seed</source>
        <translation>Zablokuj lub odblokuj ziarno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change keyframes to add</source>
        <translation>Zmień liczbę klatek kluczowych do dodania</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change setting</source>
        <translation>Zmiana ustawienia</translation>
    </message>
</context>
<context>
    <name>droste::ui::PlayPreviewDialog</name>
    <message>
        <location filename="../ui/play_preview_dialog.cpp" line="+16"/>
        <source>Preview of the zoom</source>
        <translation>Podgląd zbliżenia</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+16"/>
        <source>Pause</source>
        <translation>Wstrzymaj</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Play</source>
        <translation>Odtwórz</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The preview cannot be played: %1. Qt Multimedia&apos;s GStreamer backend needs the gstreamer1.0-libav package for H.264 video.</source>
        <translation>Nie można odtworzyć podglądu: %1. Moduł GStreamer w Qt Multimedia wymaga pakietu gstreamer1.0-libav do odtwarzania wideo H.264.</translation>
    </message>
</context>
<context>
    <name>droste::ui::PreviewWidget</name>
    <message>
        <location filename="../ui/preview_widget.cpp" line="+54"/>
        <source>Show input &amp;&amp; mask</source>
        <translation>Pokaż wejście i maskę</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show what the painter receives for this keyframe: the previous keyframe shrunk and padded, with the ring it repaints tinted red.</source>
        <translation>Pokazuje, co generator otrzymuje dla tej klatki kluczowej: poprzednią klatkę pomniejszoną i uzupełnioną, z zamalowywanym pierścieniem zabarwionym na czerwono.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type a prompt on the left and press “Generate”,
or drop a picture here to zoom out of it.</source>
        <translation>Wpisz opis po lewej i naciśnij „Generuj”
albo upuść tu obraz, aby się od niego oddalać.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Painting — step %1/%2</source>
        <translation>Malowanie – krok %1/%2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Painting…</source>
        <translation>Malowanie…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Painter input: red = ring to paint</source>
        <translation>Wejście generatora: czerwony = pierścień do namalowania</translation>
    </message>
</context>
<context>
    <name>droste::ui::PromptPanel</name>
    <message>
        <location filename="../ui/prompt_panel.cpp" line="+54"/>
        <source>Direct (all sides at once)</source>
        <translation>Bezpośrednio (wszystkie boki naraz)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sequential (one side at a time)</source>
        <translation>Kolejno (po jednym boku)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mirror (default)</source>
        <translation>Odbicie lustrzane (domyślne)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mirror, skipping the edge</source>
        <translation>Odbicie lustrzane z pominięciem krawędzi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stretch the edge pixels</source>
        <translation>Rozciągnięcie pikseli krawędzi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blurred stretch</source>
        <translation>Rozmyte rozciągnięcie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Black</source>
        <translation>Czarny</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>What to paint</source>
        <translation>Co namalować</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Describe the picture, e.g. &quot;a cosy library inside a seashell, warm light, highly detailed&quot;</source>
        <translation>Opisz obraz, np. „a cosy library inside a seashell, warm light, highly detailed”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The prompt: what every new keyframe should show. Keyframes you regenerate later use the prompt that is here then, unless they have their own.</source>
        <translation>Opis (prompt): co ma przedstawiać każda nowa klatka kluczowa. Klatki generowane ponownie później użyją opisu, który będzie tu wtedy, chyba że mają własny.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What to avoid, e.g. &quot;blurry, text, watermark&quot;</source>
        <translation>Czego unikać, np. „blurry, text, watermark”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The negative prompt: things the painter should steer away from.</source>
        <translation>Opis negatywny: czego generator ma unikać.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Prompt</source>
        <translation>&amp;Opis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Negative prompt</source>
        <translation>Opis &amp;negatywny</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Painter</source>
        <translation>Generator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Stable Diffusion inpainting model that paints the keyframes. &quot;Draft painter&quot; needs no model: it paints quick placeholder shapes.</source>
        <translation>Model Stable Diffusion do domalowywania, który maluje klatki kluczowe. „Tryb szkicu” nie wymaga modelu: maluje szybkie kształty zastępcze.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>Przeglądaj…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a model folder (diffusers layout) or a single .safetensors file.</source>
        <translation>Wybierz katalog modelu (układ diffusers) lub pojedynczy plik .safetensors.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Model</source>
        <translation>&amp;Model</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sampler that removes the noise step by step. &quot;Model default&quot; uses the one the model ships with.</source>
        <translation>Sampler, który krok po kroku usuwa szum. „Domyślny z modelu” używa samplera dostarczonego z modelem.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;ampler</source>
        <translation>S&amp;ampler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Denoising steps per keyframe. More steps: finer detail, slower. 20–30 is usual.</source>
        <translation>Kroki odszumiania na klatkę kluczową. Więcej kroków: drobniejsze szczegóły, ale wolniej. Zwykle 20–30.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Steps</source>
        <translation>&amp;Kroki</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guidance (CFG): how strictly the picture follows the prompt. Low: freer and softer; high: literal and harsher. 7–8 is usual.</source>
        <translation>Zgodność z opisem (CFG): jak ściśle obraz trzyma się opisu. Niska: swobodniej i łagodniej; wysoka: dosłownie i ostrzej. Zwykle 7–8.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Guidance (CFG)</source>
        <translation>Zgodność z opi&amp;sem (CFG)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The seed picks the starting noise: the same seed and settings paint the same picture.</source>
        <translation>Ziarno wybiera początkowy szum: to samo ziarno i te same ustawienia dają ten sam obraz.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random</source>
        <translation>Losowe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll a new random seed</source>
        <translation>Wylosuj nowe ziarno</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The shape of the keyframes and of the video: square, landscape for wide screens, portrait for phones. Every shape is painted in full, not cropped.</source>
        <translation>Kształt klatek kluczowych i filmu: kwadrat, poziomo dla szerokich ekranów, pionowo dla telefonów. Każdy kształt jest domalowywany w całości, nie przycinany.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aspect &amp;ratio</source>
        <translation>P&amp;roporcje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The size each keyframe is painted at. SD 1.x/2.x inpainting models work best near 512 px, SDXL near 1024. Larger is slower.</source>
        <translation>Rozmiar, w jakim malowana jest każda klatka kluczowa. Modele inpaintingu SD 1.x/2.x działają najlepiej przy około 512 px, SDXL przy około 1024. Większy jest wolniejszy.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outpaint ring: how much new picture is painted around the previous keyframe on each long side; the short sides get a ring in proportion, so both zoom alike (on wide and tall keyframes only some widths allow that: the nearest is used). Wider: faster zoom, fewer keyframes, but less continuity.</source>
        <translation>Pierścień domalowania: ile nowego obrazu maluje się wokół poprzedniej klatki kluczowej po każdej dłuższej stronie; krótsze strony dostają pierścień w tej samej proporcji, aby obie osie przybliżały się jednakowo (przy klatkach poziomych i pionowych pozwalają na to tylko niektóre szerokości: używana jest najbliższa). Szerszy: szybszy zoom, mniej klatek, ale mniejsza ciągłość.</translation>
    </message>
    <message>
        <location line="+94"/>
        <location line="+102"/>
        <source>Custom</source>
        <translation>Własne</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Square 1:1</source>
        <translation>Kwadrat 1:1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Landscape 16:9</source>
        <translation>Poziomo 16:9</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portrait 9:16</source>
        <translation>Pionowo 9:16</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Landscape 4:3</source>
        <translation>Poziomo 4:3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portrait 3:4</source>
        <translation>Pionowo 3:4</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Landscape 3:2</source>
        <translation>Poziomo 3:2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portrait 2:3</source>
        <translation>Pionowo 2:3</translation>
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
        <translation>Zablokuj</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Locked: every new keyframe uses this seed. Unlocked: each new keyframe rolls its own.</source>
        <translation>Zablokowane: każda nowa klatka kluczowa używa tego ziarna. Odblokowane: każda nowa klatka losuje własne.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See&amp;d</source>
        <translation>&amp;Ziarno</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Zoom</source>
        <translation>Zbliżenie</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Keyframe size</source>
        <translation>Rozm&amp;iar klatki kluczowej</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Outpaint ring</source>
        <translation>Pierścień &amp;domalowania</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direct paints the whole ring in one go. Sequential paints one side at a time, which joins better but takes four times as long.</source>
        <translation>Bezpośrednio maluje cały pierścień za jednym razem. Kolejno maluje po jednym boku, co lepiej łączy, ale trwa cztery razy dłużej.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>M&amp;ethod</source>
        <translation>Me&amp;toda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What fills the empty ring before it is painted. It guides colours and composition at the seam.</source>
        <translation>Czym wypełnić pusty pierścień przed malowaniem. Wpływa to na kolory i kompozycję na styku.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Padding</source>
        <translation>W&amp;ypełnienie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many keyframes &quot;Add keyframes&quot; paints, one zoom step out each.</source>
        <translation>Ile klatek kluczowych maluje „Dodaj klatki kluczowe”, każda o jeden krok oddalenia dalej.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyframes to &amp;add</source>
        <translation>&amp;Liczba nowych klatek</translation>
    </message>
    <message>
        <location line="-156"/>
        <location line="+193"/>
        <source>Locked</source>
        <translation>Zablokowane</translation>
    </message>
    <message>
        <location line="-195"/>
        <location line="+263"/>
        <source>Model default</source>
        <translation>Domyślny z modelu</translation>
    </message>
</context>
<context>
    <name>droste::ui::RecentProjects</name>
    <message>
        <location filename="../ui/recent_projects.cpp" line="+35"/>
        <source>No recent projects</source>
        <translation>Brak ostatnich projektów</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear list</source>
        <translation>Wyczyść listę</translation>
    </message>
</context>
<context>
    <name>droste::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="+27"/>
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No model chosen: the draft painter is used</source>
        <translation>Brak modelu: tryb szkicu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A Stable Diffusion inpainting model: a diffusers folder (with model_index.json) or a single .safetensors checkpoint.</source>
        <translation>Model Stable Diffusion do domalowywania: katalog diffusers (z plikiem model_index.json) lub pojedynczy punkt kontrolny .safetensors.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder…</source>
        <translation>Katalog…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File…</source>
        <translation>Plik…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Model location</source>
        <translation>Położenie &amp;modelu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Automatic (GPU when available)</source>
        <translation>Automatycznie (GPU, jeśli dostępny)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NVIDIA GPU (CUDA)</source>
        <translation>GPU NVIDIA (CUDA)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the model runs. A GPU is many times faster than the CPU.</source>
        <translation>Gdzie działa model. GPU jest wielokrotnie szybszy niż CPU.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the model runs. No NVIDIA GPU is usable here, so it runs on the CPU.</source>
        <translation>Gdzie działa model. Nie ma tu dostępnego GPU NVIDIA, więc działa na CPU.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Device</source>
        <translation>&amp;Urządzenie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number format of the model&apos;s weights. Lower precision: faster and half the memory, pictures differ very slightly. Only what runs on this computer is offered.</source>
        <translation>Format liczb wag modelu. Niższa precyzja: szybciej i o połowę mniej pamięci, obrazy różnią się bardzo nieznacznie. Oferowane jest tylko to, co działa na tym komputerze.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Automatic (%1 on this GPU)</source>
        <translation>Automatycznie (%1 na tym GPU)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Automatic (%1 on this CPU)</source>
        <translation>Automatycznie (%1 na tym CPU)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bf16 (fast, half the memory)</source>
        <translation>bf16 (szybko, połowa pamięci)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bf16 (half the memory, not faster on this CPU)</source>
        <translation>bf16 (połowa pamięci, na tym CPU nie szybciej)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fp16 (fastest on a GPU, half the memory)</source>
        <translation>fp16 (najszybsze na GPU, połowa pamięci)</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>fp32 (exact, most memory)</source>
        <translation>fp32 (dokładna, najwięcej pamięci)</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>&amp;Precision</source>
        <translation>&amp;Precyzja</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Automatic (%1)</source>
        <translation>Automatycznie (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU threads for painting on the CPU. Takes effect after a restart.</source>
        <translation>Wątki procesora do malowania na CPU. Zmiana działa po ponownym uruchomieniu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU &amp;threads</source>
        <translation>&amp;Wątki CPU</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System language</source>
        <translation>Język systemu</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The language of the interface. Applies as soon as you press OK.</source>
        <translation>Język interfejsu. Zmiana działa od razu po naciśnięciu OK.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Język</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;General</source>
        <translation>&amp;Ogólne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>M&amp;odels</source>
        <translation>Mo&amp;dele</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose a model folder</source>
        <translation>Wybierz katalog modelu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a model file</source>
        <translation>Wybierz plik modelu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model checkpoints (*.safetensors)</source>
        <translation>Punkty kontrolne modelu (*.safetensors)</translation>
    </message>
</context>
<context>
    <name>droste::ui::TimelineWidget</name>
    <message>
        <location filename="../ui/timeline_widget.cpp" line="+123"/>
        <source>Keyframes from the innermost (1) outwards. Right-click one for more.</source>
        <translation>Klatki kluczowe od najbardziej wewnętrznej (1) na zewnątrz. Kliknij prawym przyciskiem, aby zobaczyć więcej.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag to see the zoom at any point between keyframes.</source>
        <translation>Przeciągnij, aby zobaczyć zbliżenie w dowolnym miejscu między klatkami kluczowymi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+96"/>
        <source>Zoom position %1</source>
        <translation>Pozycja zbliżenia %1</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Scrub:</source>
        <translation>Przewijanie:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>fresh</source>
        <translation>aktualna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stale</source>
        <translation>nieaktualna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>painting</source>
        <translation>w trakcie malowania</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>nieudana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>queued</source>
        <translation>w kolejce</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Keyframe %1, %2</source>
        <translation>Klatka kluczowa %1, %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyframe %1 (%2)</source>
        <translation>Klatka kluczowa %1 (%2)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Regenerate with a new seed</source>
        <translation>Wygeneruj ponownie z nowym ziarnem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regenerate with this seed (after editing the prompt)</source>
        <translation>Wygeneruj ponownie z tym ziarnem (po edycji opisu)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit this keyframe&apos;s prompt…</source>
        <translation>Edytuj opis tej klatki kluczowej…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insert a keyframe after this one</source>
        <translation>Wstaw klatkę kluczową po tej</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace with a picture…</source>
        <translation>Zastąp obrazem…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as PNG…</source>
        <translation>Zapisz jako PNG…</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui_main.cpp" line="+24"/>
        <source>Infinite zoom videos with Stable Diffusion</source>
        <translation>Nieskończone zbliżenia wideo ze Stable Diffusion</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A .droste project to open, or a picture to start from</source>
        <translation>Projekt .droste do otwarcia lub obraz początkowy</translation>
    </message>
</context>
</TS>
