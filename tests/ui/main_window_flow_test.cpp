#include "tests/ui/main_window_flow_test.h"

#include "core/zoom/project.h"
#include "ui/app_preferences.h"
#include "ui/job_status_bar.h"
#include "ui/main_window.h"
#include "tests/ui/test_app.h"
#include "ui/model_banner.h"
#include "ui/play_preview_dialog.h"
#include "core/system_info.h"
#include "ui/preview_widget.h"
#include "ui/prompt_panel.h"
#include "ui/slider_spin.h"
#include "ui/timeline_widget.h"
#include "tests/fixtures.h"

#include <QAction>
#include <QApplication>
#include <QMediaPlayer>
#include <QMessageBox>
#include <QComboBox>
#include <QLabel>
#include <QCoro/QCoroTask>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QMimeData>
#include <QToolButton>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <ctime>
#include <filesystem>
#include <memory>

using droste::ui::MainWindow;
using droste::zoom::KeyframeState;

namespace {
constexpr int kJobTimeoutMs = 120'000;

QAction* action(MainWindow& w, const char* name) {
  auto* a = w.findChild<QAction*>(QString::fromLatin1(name));
  if (!a) qFatal("no action %s", name);
  return a;
}

// Waits until `spy` has seen `count` signals. Not QSignalSpy::wait(): a draft job can finish inside
// the call that starts it (the worker paints before the GUI thread reaches its first co_await), and
// wait() only counts signals that arrive after it is called.
bool waitForCount(QSignalSpy& spy, int count) {
  return QTest::qWaitFor([&spy, count] { return spy.count() >= count; }, kJobTimeoutMs);
}

// Triggers `name` and waits for the job it starts to finish; returns whether it succeeded.
bool runAction(MainWindow& w, const char* name) {
  QSignalSpy finished(&w, &MainWindow::jobFinished);
  QAction* a = action(w, name);
  (void)QTest::qWaitFor([a] { return a->isEnabled(); }, 5000);  // the engine may still be winding down the last job
  if (!a->isEnabled()) {
    qWarning("action %s is disabled", name);
    return false;
  }
  a->trigger();
  if (!waitForCount(finished, 1)) {
    qWarning("job of %s did not finish", name);
    return false;
  }
  if (!finished.first().at(0).toBool()) qWarning() << name << "failed:" << finished.first().at(1).toString();
  return finished.first().at(0).toBool();
}

std::vector<KeyframeState> states(const droste::zoom::Project& p) {
  std::vector<KeyframeState> s;
  for (const auto& k : p.keyframes()) s.push_back(k.state);
  return s;
}

void typePrompt(MainWindow& w, const QString& text) {
  w.promptPanel()->promptEdit()->setPlainText(text);  // a real edit: goes through the undo stack
}

void setKeyframesToAdd(MainWindow& w, int n) { w.promptPanel()->findChild<QSpinBox*>(QStringLiteral("keyframesToAdd"))->setValue(n); }

// CPU time used by the calling thread so far.
qint64 guiThreadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return qint64(t.tv_sec) * 1000 + t.tv_nsec / 1'000'000;
}

void setKeyframeSize(MainWindow& w, int size) {
  auto* box = w.promptPanel()->findChild<QComboBox*>(QStringLiteral("keyframeSize"));
  QVERIFY(box->findData(QSize(size, size)) >= 0);
  box->setCurrentIndex(box->findData(QSize(size, size)));
  Q_EMIT box->activated(box->currentIndex());
}
}  // namespace

void MainWindowFlowTest::init() {
  QSettings().clear();  // no model configured: a first run, the draft painter paints
}

void MainWindowFlowTest::cleanup() { QSettings().clear(); }

namespace {
// Which painter the whole flow runs with.
struct FlowPainter {
  QString model;  // empty: no model configured, the draft painter paints
  int steps = 0;  // denoising steps; 0 keeps the project's default
  // Keyframe size and ring; 0 = 256 px chosen in the panel with the default ring.
  int keyframeSize = 0, ring = 0;
};

// new project -> first keyframe -> add 3 -> regenerate #2 (later ones stale) -> regenerate stale -> undo
// -> save -> reopen (same keyframes) -> export MP4 (valid file), checking each result.
void runWholeFlow(const FlowPainter& painter) {
  const auto kind = painter.model.isEmpty() ? droste::zoom::PainterKind::Draft : droste::zoom::PainterKind::StableDiffusion;
  if (!painter.model.isEmpty()) droste::ui::prefs::modelLocation().set(painter.model);  // as Settings would
  QTemporaryDir dir;
  const QString projectPath = dir.filePath(QStringLiteral("flow.droste"));
  std::vector<droste::zoom::Keyframe> saved;
  {
    TestApp app;
    MainWindow& w = app.window;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.project()->settings().painter == kind);
    if (painter.keyframeSize == 0) {
      setKeyframeSize(w, 256);  // small keyframes keep the test fast
    } else {  // a size the panel does not offer (no real model paints well at it)
      auto s = w.project()->settings();
      s.outpaint.width = s.outpaint.height = painter.keyframeSize;
      s.outpaint.outpaint = painter.ring;
      w.project()->setSettings(s);
    }
    const int size = w.project()->settings().outpaint.width;  // square in this flow
    if (painter.steps > 0) {
      w.promptPanel()->findChild<droste::ui::SliderSpin*>(QStringLiteral("steps"))->spinBox()->setValue(painter.steps);
      QCOMPARE(w.project()->settings().steps, painter.steps);
    }
    typePrompt(w, QStringLiteral("a spiral staircase inside a nautilus shell"));
    QCOMPARE(w.project()->settings().prompt, QStringLiteral("a spiral staircase inside a nautilus shell"));

    // new project -> first keyframe
    QVERIFY(runAction(w, "actionGenerateFirst"));
    QCOMPARE(w.project()->keyframeCount(), 1);
    QVERIFY(w.project()->keyframe(0).state == KeyframeState::Fresh);
    QCOMPARE(w.project()->keyframe(0).image.size(), QSize(size, size));
    QCOMPARE(w.timeline()->count(), 1);
    QCOMPARE(w.timeline()->entry(0).badge, droste::ui::KeyframeBadge::Fresh);
    QVERIFY(!w.preview()->image().isNull());
    QVERIFY(w.engine()->loadedModel().painter == kind);  // the engine painted with the painter asked for

    // -> add 3
    setKeyframesToAdd(w, 3);
    QVERIFY(runAction(w, "actionAddKeyframes"));
    QCOMPARE(w.project()->keyframeCount(), 4);
    QVERIFY(states(*w.project()) == std::vector<KeyframeState>(4, KeyframeState::Fresh));
    QCOMPARE(w.timeline()->count(), 4);
    const auto afterAdd = w.project()->keyframes();

    // -> regenerate #2: it gets a new picture, the later ones turn stale
    w.timeline()->setSelectedIndex(1);
    QVERIFY(runAction(w, "actionRegenerateSelected"));
    const auto afterRegen = w.project()->keyframes();
    QVERIFY(states(*w.project()) == (std::vector<KeyframeState>{KeyframeState::Fresh, KeyframeState::Fresh,
                                                               KeyframeState::Stale, KeyframeState::Stale}));
    QVERIFY(afterRegen[0].image == afterAdd[0].image);
    QVERIFY(afterRegen[1].image != afterAdd[1].image);
    QVERIFY(afterRegen[1].seed != afterAdd[1].seed);
    QCOMPARE(w.timeline()->entry(2).badge, droste::ui::KeyframeBadge::Stale);
    QVERIFY(action(w, "actionRegenerateStale")->isEnabled());

    // -> regenerate stale: the later ones are repainted around the new #2
    QVERIFY(runAction(w, "actionRegenerateStale"));
    QVERIFY(states(*w.project()) == std::vector<KeyframeState>(4, KeyframeState::Fresh));
    QVERIFY(w.project()->keyframe(2).image != afterRegen[2].image);
    QVERIFY(w.project()->keyframe(3).image != afterRegen[3].image);
    QVERIFY(!action(w, "actionRegenerateStale")->isEnabled());

    // -> undo: back to the chain right after "regenerate #2"
    QVERIFY(w.undoStack()->canUndo());
    action(w, "actionUndo")->trigger();
    QVERIFY(w.project()->keyframes() == afterRegen);
    QCOMPARE(w.timeline()->entry(3).badge, droste::ui::KeyframeBadge::Stale);

    // -> save
    QVERIFY(w.saveProject(projectPath));
    QVERIFY(!w.project()->isModified());
    QVERIFY(!w.isWindowModified());
    QCOMPARE(w.project()->filePath(), projectPath);
    saved = w.project()->keyframes();
  }
  // -> reopen: the same keyframes
  TestApp app;
  MainWindow& w = app.window;
  w.show();
  QVERIFY(w.openProject(projectPath));
  QCOMPARE(w.project()->keyframeCount(), 4);
  for (int i = 0; i < 4; ++i) {
    const auto& a = w.project()->keyframe(i);
    QCOMPARE(a.seed, saved[size_t(i)].seed);
    QVERIFY(a.state == saved[size_t(i)].state);
    QCOMPARE(a.image.convertToFormat(QImage::Format_RGB888), saved[size_t(i)].image.convertToFormat(QImage::Format_RGB888));
  }
  QCOMPARE(w.timeline()->count(), 4);
  QCOMPARE(w.project()->settings().prompt, QStringLiteral("a spiral staircase inside a nautilus shell"));

  // -> scrub: the preview shows the zoom between keyframes 2 and 3; the selection follows
  w.timeline()->setScrubPosition(1.4);
  QVERIFY2(w.preview()->overlayText().contains(QStringLiteral("Zoom position 2.40")), qPrintable(w.preview()->overlayText()));
  QCOMPARE(w.timeline()->selectedIndex(), 1);
  QVERIFY(!w.preview()->image().isNull());

  // -> export MP4 into a folder that does not exist yet (as ~/Videos on a fresh account): a valid file
  // with the expected frames
  droste::ui::ExportChoices choices;
  choices.format = droste::ui::ExportFormat::Mp4;
  choices.path = dir.filePath(QStringLiteral("new folder/zoom.mp4"));
  choices.width = choices.height = 128;
  choices.fps = 10;
  choices.secondsPerKeyframe = 0.5;
  QSignalSpy exported(&w, &MainWindow::exportFinished);
  QVERIFY(QCoro::waitFor(w.exportZoom(choices)));
  QCOMPARE(exported.count(), 1);
  QVERIFY(QFileInfo(choices.path).size() > 1000);
  const QString ffprobe = QStandardPaths::findExecutable(QStringLiteral("ffprobe"));
  if (ffprobe.isEmpty()) QFAIL("ffprobe is needed to check the exported video (package ffmpeg)");
  QProcess probe;
  probe.start(ffprobe, {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-count_frames"),
                        QStringLiteral("-select_streams"), QStringLiteral("v:0"), QStringLiteral("-show_entries"),
                        QStringLiteral("stream=codec_name,width,height,nb_read_frames"), QStringLiteral("-of"),
                        QStringLiteral("csv=p=0"), choices.path});
  QVERIFY(probe.waitForFinished(30'000));
  const QString out = QString::fromUtf8(probe.readAllStandardOutput()).trimmed();
  // 3 keyframe steps x 0.5 s x 10 fps + the last frame
  QCOMPARE(out, QStringLiteral("h264,128,128,16"));
}
}  // namespace

void MainWindowFlowTest::wholeFlowWithDraftPainter() { runWholeFlow({}); }

// The same flow through the real engine: the Stable Diffusion pipeline with the tiny fixture model
// (random weights) at its native 128 px, a 32 px ring and 2 steps: well under a second per keyframe
// on 2 CPU cores (at 256 px with the default ring, a 512 px canvas, it takes ~25 s per keyframe).
void MainWindowFlowTest::wholeFlowWithTinyModel() {
  const auto model = droste::test::fixturesDir() / "tiny-sd2-inpainting";
  if (!std::filesystem::exists(model / "model_index.json"))
    QFAIL(qPrintable(QStringLiteral("The tiny fixture model is missing at %1 (set DROSTE_FIXTURES)")
                         .arg(QString::fromStdString(model.string()))));
  runWholeFlow({QString::fromStdString(model.string()), 2, 128, 32});
}

// An empty folder, random bytes named .safetensors and a pickle checkpoint are refused when chosen, with
// the reason, and change neither the project nor the default; the tiny fixture model is taken.
void MainWindowFlowTest::unusableModelsAreRefusedOnChoosing() {
  TestApp app;
  MainWindow& w = app.window;
  QTemporaryDir dir;
  const QString empty = dir.filePath(QStringLiteral("empty-folder"));
  QVERIFY(QDir().mkpath(empty));
  auto writeFile = [&](const QString& name, const QByteArray& bytes) {
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly)) return QString();
    f.write(bytes);
    return f.fileName();
  };
  QByteArray noise(4096, '\0');
  for (int i = 0; i < noise.size(); ++i) noise[i] = char((i * 7919 + 13) % 251);
  const QStringList unusable = {empty, writeFile(QStringLiteral("noise.safetensors"), noise),
                                writeFile(QStringLiteral("model.ckpt"), QByteArray("PK\x03\x04pickle", 10))};
  const auto before = w.project()->settings();
  for (const QString& path : unusable) {
    QVERIFY(!path.isEmpty());
    QVERIFY2(!w.useModel(path), qPrintable(path));
    QVERIFY2(!w.lastError().isEmpty(), qPrintable(path));
    QVERIFY(w.project()->settings() == before);
    QVERIFY(droste::ui::prefs::modelLocation().get().isEmpty());
    QVERIFY(!w.undoStack()->canUndo());
  }
  const QString tiny = QString::fromStdString((droste::test::fixturesDir() / "tiny-sd2-inpainting").string());
  QVERIFY2(w.useModel(tiny), qPrintable(w.lastError()));
  QCOMPARE(w.project()->settings().model, tiny);
  QCOMPARE(droste::ui::prefs::modelLocation().get(), tiny);
}

void MainWindowFlowTest::eventLoopNeverStallsWhileGenerating() {
  TestApp app;
  MainWindow& w = app.window;
  w.show();
  QVERIFY(QTest::qWaitForWindowExposed(&w));
  setKeyframeSize(w, 768);  // big keyframes: real work on the engine thread
  typePrompt(w, QStringLiteral("stall test"));
  QVERIFY(runAction(w, "actionGenerateFirst"));
  setKeyframesToAdd(w, 6);
  // A 5 ms timer on the GUI thread; the longest gap between its ticks is the longest stall.
  QElapsedTimer clock;
  // With it, the CPU time the GUI thread itself used during that gap: close to the gap = our own work on
  // the GUI thread; far less = the thread was waiting for a core (other processes on the machine).
  qint64 last = 0, worst = 0, lastCpu = 0, worstCpu = 0;
  int ticks = 0;
  QTimer probe;
  probe.setTimerType(Qt::PreciseTimer);
  probe.setInterval(5);
  QObject::connect(&probe, &QTimer::timeout, [&] {
    const qint64 now = clock.elapsed(), cpu = guiThreadCpuMs();
    if (now - last > worst) {
      worst = now - last;
      worstCpu = cpu - lastCpu;
    }
    last = now;
    lastCpu = cpu;
    ++ticks;
  });
  QSignalSpy finished(&w, &MainWindow::jobFinished);
  // Waits in a real event loop, as the application does. Not QTest::qWaitFor(): between its passes
  // over the event queue it sleeps 10 ms, which would count as stalls of the test's own making.
  QEventLoop loop;
  QObject::connect(&w, &MainWindow::jobFinished, &loop, &QEventLoop::quit);
  QTimer::singleShot(kJobTimeoutMs, &loop, &QEventLoop::quit);
  clock.start();
  lastCpu = guiThreadCpuMs();
  probe.start();
  action(w, "actionAddKeyframes")->trigger();
  if (finished.count() == 0) loop.exec();  // the job may have finished inside trigger() already
  probe.stop();
  QCOMPARE(finished.count(), 1);
  const qint64 total = clock.elapsed();
  QVERIFY(finished.first().at(0).toBool());
  QCOMPARE(w.project()->keyframeCount(), 7);
  qInfo("generation took %lld ms, %d timer ticks, longest GUI stall %lld ms (GUI thread busy %lld ms of it)", total,
        ticks, worst, worstCpu);
  QVERIFY2(total >= 200, "the job was too short to measure anything; make it bigger");
  QVERIFY2(worst <= 50, qPrintable(QStringLiteral("the GUI thread stalled for %1 ms (busy %2 ms of it)")
                                       .arg(worst).arg(worstCpu)));
}

void MainWindowFlowTest::chainGeometryEditsMarkDependentKeyframesStale() {
  TestApp app;
  MainWindow& w = app.window;
  w.show();
  setKeyframeSize(w, 256);
  QVERIFY(runAction(w, "actionGenerateFirst"));
  setKeyframesToAdd(w, 2);
  QVERIFY(runAction(w, "actionAddKeyframes"));
  const auto painted = w.project()->keyframes();
  const std::vector<KeyframeState> allFresh(3, KeyframeState::Fresh);
  QVERIFY(states(*w.project()) == allFresh);
  auto* ring = w.promptPanel()->findChild<droste::ui::SliderSpin*>(QStringLiteral("outpaint"));
  auto* method = w.promptPanel()->findChild<QComboBox*>(QStringLiteral("method"));
  QVERIFY(ring->isEnabled() && method->isEnabled());  // unlocked again after the jobs

  // A new ring: keyframe 1 still holds, the ones outpainted around it no longer fit. One undo step.
  const int undoCount = w.undoStack()->count();
  ring->spinBox()->setValue(64);
  ring->spinBox()->setValue(72);  // a drag: still one step
  QCOMPARE(w.project()->settings().outpaint.outpaint, 72);
  QVERIFY(states(*w.project()) == (std::vector<KeyframeState>{KeyframeState::Fresh, KeyframeState::Stale,
                                                             KeyframeState::Stale}));
  QCOMPARE(w.timeline()->entry(1).badge, droste::ui::KeyframeBadge::Stale);
  QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("2 keyframes turned stale")));
  // ... and the artist sees it: in the status bar's own message label, not behind its permanent part.
  const auto* message = w.statusBar()->findChild<QLabel*>(QStringLiteral("statusMessage"));
  QVERIFY(message && message->isVisible());
  QCOMPARE(message->text(), w.statusBar()->currentMessage());
  QTRY_VERIFY(message->width() > w.width() / 3);  // once the bar has laid out its idle state
  QVERIFY(action(w, "actionRegenerateStale")->isEnabled());
  QCOMPARE(w.undoStack()->count(), undoCount + 1);
  w.undoStack()->undo();
  QCOMPARE(w.project()->settings().outpaint.outpaint, 128);
  QCOMPARE(ring->intValue(), 128);
  QVERIFY(w.project()->keyframes() == painted);

  // Method (and padding) only change how the next keyframes are painted: the chain stays fresh.
  method->setCurrentIndex((method->currentIndex() + 1) % method->count());
  Q_EMIT method->activated(method->currentIndex());
  QCOMPARE(droste::zoom::toString(w.project()->settings().outpaint.method), method->currentData().toString());
  QVERIFY(states(*w.project()) == allFresh);
  QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("painted keyframes are kept")));

  // A new size: every painted keyframe is stale; adding more first asks for the repaint, in words.
  setKeyframeSize(w, 384);
  QVERIFY(states(*w.project()) == std::vector<KeyframeState>(3, KeyframeState::Stale));
  setKeyframesToAdd(w, 1);
  const int undoBeforeFailure = w.undoStack()->count();
  QVERIFY(!runAction(w, "actionAddKeyframes"));
  QVERIFY2(w.lastError().contains(QStringLiteral("Regenerate stale")), qPrintable(w.lastError()));
  QCOMPARE(w.project()->keyframeCount(), 3);  // the failed job's keyframe is gone again, with no undo step
  QCOMPARE(w.undoStack()->count(), undoBeforeFailure);
  // Regenerate stale repaints the whole chain at the new size; the scrub view renders it again.
  QVERIFY(runAction(w, "actionRegenerateStale"));
  QVERIFY(states(*w.project()) == allFresh);
  for (const auto& k : w.project()->keyframes()) QCOMPARE(k.image.size(), QSize(384, 384));
  w.timeline()->setScrubPosition(1.5);
  QVERIFY(w.preview()->overlayText().contains(QStringLiteral("Zoom position")));
}

// Generate > Close the Loop: enabled from three painted keyframes, one undo step (the export dialog's loop
// default for a closed chain: WidgetsTest::exportDialogComputesSizeAndRemembersChoices).
void MainWindowFlowTest::closeTheLoopFromTheMenuIsOneUndoStep() {
  TestApp app;
  MainWindow& w = app.window;
  w.show();
  setKeyframeSize(w, 256);
  QVERIFY(runAction(w, "actionGenerateFirst"));
  setKeyframesToAdd(w, 1);
  QVERIFY(runAction(w, "actionAddKeyframes"));
  QVERIFY(!action(w, "actionCloseLoop")->isEnabled());  // two keyframes cannot hold each other
  QVERIFY(runAction(w, "actionAddKeyframes"));
  const auto open = w.project()->keyframes();
  QVERIFY(runAction(w, "actionCloseLoop"));
  QCOMPARE(w.project()->keyframe(0).image, w.project()->keyframe(2).image);
  QCOMPARE(w.undoStack()->undoText(), QStringLiteral("Close the loop"));
  w.undoStack()->undo();
  QVERIFY(w.project()->keyframes() == open);
  w.undoStack()->redo();
  QCOMPARE(w.project()->keyframe(0).image, w.project()->keyframe(2).image);
}

void MainWindowFlowTest::playPreviewAndAboutOpenAndClose() {
  TestApp app;
  MainWindow& w = app.window;
  w.show();
  setKeyframeSize(w, 256);
  QVERIFY(runAction(w, "actionGenerateFirst"));
  QVERIFY(!action(w, "actionPlay")->isEnabled());  // one keyframe is no zoom yet
  setKeyframesToAdd(w, 1);
  QVERIFY(runAction(w, "actionAddKeyframes"));

  // View > Play Preview: a quick render, then a dialog that plays it.
  QVERIFY(action(w, "actionPlay")->isEnabled());
  // Its progress (in the status bar, with Cancel, like painting) is the preview's, not an export's.
  QStringList shown;
  QObject::connect(w.engine(), &droste::engine::Engine::progress, &w, [&w, &shown] {
    shown << w.jobStatus()->progressText();
  });
  action(w, "actionPlay")->trigger();
  QTRY_VERIFY_WITH_TIMEOUT(w.findChild<droste::ui::PlayPreviewDialog*>() != nullptr, 60'000);
  QVERIFY(!shown.isEmpty());
  QVERIFY2(shown.last().contains(QStringLiteral("Preparing the preview")) && shown.last().contains(QStringLiteral("frame")),
           qPrintable(shown.join(QLatin1Char('|'))));
  QVERIFY2(!shown.join(QLatin1Char('|')).contains(QStringLiteral("Export")), qPrintable(shown.join(QLatin1Char('|'))));
  auto* player = w.findChild<droste::ui::PlayPreviewDialog*>();
  QVERIFY(player->isVisible());
  const QString video = player->player()->source().toLocalFile();
  QVERIFY2(QFileInfo(video).size() > 1000, qPrintable(video));  // the quick render exists while it plays
  const QPointer<droste::ui::PlayPreviewDialog> guard(player);
  player->close();  // WA_DeleteOnClose
  QTRY_VERIFY(guard.isNull());

  // Help > About: the versions (as `droste-cli info` reports them), closed with its button.
  QString aboutText;
  QTimer::singleShot(0, [&aboutText] {
    auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
    if (!box) return;
    aboutText = box->text();
    box->accept();
  });
  action(w, "actionAbout")->trigger();  // modal: returns when the timer above closed it
  QVERIFY2(aboutText.contains(QStringLiteral("Droste")), qPrintable(aboutText));
  QVERIFY2(aboutText.contains(droste::systemInfoReport().toHtmlEscaped().section(QLatin1Char('\n'), 0, 0)),
           qPrintable(aboutText));
}

// Runs last: after an Engine is destroyed in the middle of a job, the first job of the next Engine in
// the same process was seen never to finish (reported to the engine's owner).
void MainWindowFlowTest::closingDuringAJobTouchesNothing() {
  auto* app = new TestApp;
  MainWindow* w = &app->window;
  w->show();
  setKeyframeSize(*w, 768);
  QVERIFY(runAction(*w, "actionGenerateFirst"));
  setKeyframesToAdd(*w, 5);
  action(*w, "actionAddKeyframes")->trigger();
  QTRY_VERIFY_WITH_TIMEOUT(w->engine()->isBusy(), 5000);
  w->project()->setModified(false);  // no "save changes?" question in a test
  delete app;  // window, session, engine: the coroutines awaiting the engine must touch none of them
  QTest::qWait(300);                 // let any queued signal or resumed coroutine run
}

// The seed lock (with its seed) and "Keyframes to add" are the project's: saved, reopened, undoable.
void MainWindowFlowTest::lockedSeedAndKeyframesToAddAreKeptWithTheProject() {
  TestApp app;
  MainWindow& w = app.window;
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("locked.droste"));
  auto* seedEdit = w.promptPanel()->findChild<QLineEdit*>(QStringLiteral("seed"));
  auto* lock = w.promptPanel()->findChild<QToolButton*>(QStringLiteral("seedLock"));
  const quint64 big = (quint64(1) << 63) + 5;  // beyond a JSON double's exact integers
  seedEdit->setText(QString::number(big));
  lock->setChecked(true);
  setKeyframesToAdd(w, 7);
  QCOMPARE(w.project()->settings().lockedSeed, std::optional<std::uint64_t>(big));
  QCOMPARE(w.project()->settings().keyframesToAdd, 7);
  QVERIFY(w.saveProject(path));

  action(w, "actionNew")->trigger();
  QVERIFY(!lock->isChecked());
  QCOMPARE(w.promptPanel()->values().keyframesToAdd, 3);
  QVERIFY(w.openProject(path));
  QVERIFY(lock->isChecked());
  QCOMPARE(seedEdit->text(), QString::number(big));
  QCOMPARE(w.promptPanel()->values().keyframesToAdd, 7);

  lock->setChecked(false);  // an edit like any other
  QVERIFY(!w.project()->settings().lockedSeed);
  w.undoStack()->undo();
  QVERIFY(lock->isChecked());
  QCOMPARE(w.project()->settings().lockedSeed, std::optional<std::uint64_t>(big));
}

void MainWindowFlowTest::settingEditsAreUndoable() {
  TestApp app;
  MainWindow& w = app.window;
  auto* steps = w.promptPanel()->findChild<droste::ui::SliderSpin*>(QStringLiteral("steps"));
  const int before = w.project()->settings().steps;
  steps->spinBox()->setValue(before + 5);
  steps->spinBox()->setValue(before + 10);  // one undo step for a run of edits to one field
  QCOMPARE(w.project()->settings().steps, before + 10);
  typePrompt(w, QStringLiteral("a"));
  typePrompt(w, QStringLiteral("ab"));
  QCOMPARE(w.undoStack()->count(), 2);
  w.undoStack()->undo();
  QCOMPARE(w.project()->settings().prompt, QString());
  QCOMPARE(w.promptPanel()->promptEdit()->toPlainText(), QString());
  w.undoStack()->undo();
  QCOMPARE(w.project()->settings().steps, before);
  QCOMPARE(w.promptPanel()->values().steps, before);
  w.undoStack()->redo();
  QCOMPARE(w.project()->settings().steps, before + 10);
}

void MainWindowFlowTest::timelineContextActionsEditTheChain() {
  TestApp app;
  MainWindow& w = app.window;
  setKeyframeSize(w, 256);
  QVERIFY(runAction(w, "actionGenerateFirst"));
  setKeyframesToAdd(w, 2);
  QVERIFY(runAction(w, "actionAddKeyframes"));
  QCOMPARE(w.project()->keyframeCount(), 3);
  const auto before = w.project()->keyframes();

  Q_EMIT w.timeline()->insertAfter(0);
  QCOMPARE(w.project()->keyframeCount(), 4);
  QVERIFY(w.project()->keyframe(1).state == KeyframeState::Stale);
  QCOMPARE(w.timeline()->count(), 4);
  Q_EMIT w.timeline()->removeKeyframe(1);
  QCOMPARE(w.project()->keyframeCount(), 3);
  w.undoStack()->undo();
  w.undoStack()->undo();
  QVERIFY(w.project()->keyframes() == before);

  QSignalSpy finished(&w, &MainWindow::jobFinished);
  const auto seed = w.project()->keyframe(2).seed;
  Q_EMIT w.timeline()->regenerateWithSameSeed(2);
  QVERIFY(waitForCount(finished, 1));
  QCOMPARE(w.project()->keyframe(2).seed, seed);
  QVERIFY(w.project()->keyframe(2).image == before[2].image);  // same seed, same inputs: same picture
  Q_EMIT w.timeline()->regenerateWithNewSeed(2);
  QVERIFY(waitForCount(finished, 2));
  QVERIFY(w.project()->keyframe(2).seed != seed);

  // Selecting a keyframe shows its seed; a typed seed, locked, is what "Regenerate Selected" paints with.
  auto* seedEdit = w.promptPanel()->findChild<QLineEdit*>(QStringLiteral("seed"));
  auto* lock = w.promptPanel()->findChild<QToolButton*>(QStringLiteral("seedLock"));
  w.timeline()->setSelectedIndex(1);
  QCOMPARE(seedEdit->text(), QString::number(w.project()->keyframe(1).seed));
  w.timeline()->setSelectedIndex(2);
  QCOMPARE(seedEdit->text(), QString::number(w.project()->keyframe(2).seed));
  seedEdit->setText(QStringLiteral("4242"));
  lock->setChecked(true);
  QVERIFY(runAction(w, "actionRegenerateSelected"));
  QCOMPARE(w.project()->keyframe(2).seed, quint64(4242));
  QVERIFY(w.undoStack()->undoText().contains(QStringLiteral("4242")));
  lock->setChecked(false);

  // A job that fails (here: a model that is gone) leaves the project exactly as it was: no new seed, no
  // stale marks, no undo step.
  droste::zoom::ProjectSettings broken = w.project()->settings();
  broken.painter = droste::zoom::PainterKind::StableDiffusion;
  broken.model = QStringLiteral("/nonexistent/model-folder");
  w.project()->setSettings(broken);
  const auto beforeFailure = w.project()->keyframes();
  const int undoCount = w.undoStack()->count();
  QVERIFY(!runAction(w, "actionRegenerateSelected"));
  QVERIFY(!w.lastError().isEmpty());
  QVERIFY(w.project()->keyframes() == beforeFailure);
  QCOMPARE(w.undoStack()->count(), undoCount);
}

void MainWindowFlowTest::noModelShowsBannerAndDraftPainter() {
  TestApp app;
  MainWindow& w = app.window;
  w.show();
  QVERIFY(w.modelBanner()->isVisible());
  QVERIFY(w.project()->settings().painter == droste::zoom::PainterKind::Draft);
  QVERIFY(w.jobStatus()->findChild<QLabel*>(QStringLiteral("statusModel"))->text().contains(QStringLiteral("draft")));
}

void MainWindowFlowTest::dropAnImageStartsFromIt() {
  QTemporaryDir dir;
  QImage picture(300, 200, QImage::Format_RGB888);
  picture.fill(QColor(200, 40, 40));
  const QString path = dir.filePath(QStringLiteral("start.png"));
  QVERIFY(picture.save(path));
  TestApp app;
  MainWindow& w = app.window;
  w.show();
  QSignalSpy dropped(w.preview(), &droste::ui::PreviewWidget::imageDropped);
  auto* mime = new QMimeData;
  mime->setUrls({QUrl::fromLocalFile(path)});
  QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
  QCoreApplication::sendEvent(w.preview(), &enter);
  QVERIFY(enter.isAccepted());
  QDropEvent drop(QPointF(50, 50), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
  QCoreApplication::sendEvent(w.preview(), &drop);
  QCOMPARE(dropped.count(), 1);
  QCOMPARE(w.project()->keyframeCount(), 1);
  QVERIFY(w.project()->keyframe(0).imported);
  QCOMPARE(w.project()->keyframe(0).image.pixelColor(10, 10), QColor(200, 40, 40));
  // It is named as what it is, not as "seed 0".
  QVERIFY2(w.preview()->overlayText().contains(QStringLiteral("imported picture")), qPrintable(w.preview()->overlayText()));
  QVERIFY2(!w.preview()->overlayText().contains(QStringLiteral("seed")), qPrintable(w.preview()->overlayText()));
  QVERIFY2(w.timeline()->entry(0).tooltip.contains(QStringLiteral("Imported picture")), qPrintable(w.timeline()->entry(0).tooltip));
  QVERIFY2(!w.timeline()->entry(0).tooltip.contains(QStringLiteral("Seed")), qPrintable(w.timeline()->entry(0).tooltip));
  delete mime;
}
