#include "tests/ui/widgets_test.h"

#include "core/diffusion/runtime/cpu_capability.h"
#include "core/diffusion/runtime/runtime_info.h"
#include "core/hub/hub_download.h"
#include "core/zoom/zoom_types.h"
#include "ui/app_preferences.h"
#include "ui/error_text.h"
#include "ui/export_dialog.h"
#include "ui/job_status_bar.h"
#include "ui/preview_widget.h"
#include "ui/prompt_panel.h"
#include "ui/settings_dialog.h"
#include "ui/slider_spin.h"
#include "ui/timeline_widget.h"
#include "ui/wheel_guard.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>

using namespace droste::ui;
using droste::ErrorKind;
namespace diffusion = droste::diffusion;

namespace {
QImage solid(QColor c, int size = 64) {
  QImage image(size, size, QImage::Format_RGB888);
  image.fill(c);
  return image;
}
}  // namespace

void WidgetsTest::init() { QSettings().clear(); }

void WidgetsTest::sliderSpinKeepsBothHalvesInStep() {
  SliderSpin control(1, 20, 0.5, 1);
  QSignalSpy changed(&control, &SliderSpin::valueChanged);
  control.slider()->setValue(13);  // 1 + 13 * 0.5
  QCOMPARE(control.value(), 7.5);
  QCOMPARE(control.spinBox()->value(), 7.5);
  control.spinBox()->setValue(12.0);
  QCOMPARE(control.slider()->value(), 22);
  QCOMPARE(changed.count(), 2);
  control.setValue(12.0);  // unchanged: no signal
  QCOMPARE(changed.count(), 2);
}

void WidgetsTest::promptPanelRoundTripsValuesWithoutEchoingEdits() {
  PromptPanel panel;
  QSignalSpy edited(&panel, &PromptPanel::edited);
  PanelValues v;
  v.prompt = QStringLiteral("a lighthouse in a teacup");
  v.negativePrompt = QStringLiteral("blurry");
  v.model = QStringLiteral("/models/sd-inpaint");
  v.scheduler = QStringLiteral("ddim");
  v.steps = 30;
  v.guidance = 8.5;
  v.seed = 1234567890123ULL;
  v.seedLocked = true;
  v.keyframeSize = QSize(768, 768);
  v.outpaint = 96;
  v.method = QStringLiteral("sequential");
  v.padding = QStringLiteral("edge");
  v.keyframesToAdd = 7;
  panel.setValues(v);
  QCOMPARE(edited.count(), 0);  // programmatic updates are not edits (no undo loops)
  QCOMPARE(panel.values(), v);

  auto* steps = panel.findChild<SliderSpin*>(QStringLiteral("steps"));
  QVERIFY(steps);
  steps->spinBox()->setValue(40);
  QCOMPARE(edited.count(), 1);
  QCOMPARE(edited.last().at(0).toString(), QStringLiteral("steps"));
  QCOMPARE(panel.values().steps, 40);

  panel.promptEdit()->setPlainText(QStringLiteral("a new prompt"));
  QCOMPARE(edited.last().at(0).toString(), QStringLiteral("prompt"));
}

// A new shape keeps about the same long side, offers only sizes the zoom can use, and is one edit.
void WidgetsTest::promptPanelShapeKeepsTheSizeAndOffersUsableSizes() {
  PromptPanel panel;
  PanelValues v = panel.values();
  v.keyframeSize = QSize(1024, 1024);
  panel.setValues(v);
  QSignalSpy edited(&panel, &PromptPanel::edited);
  auto* shape = panel.findChild<QComboBox*>(QStringLiteral("keyframeShape"));
  auto* size = panel.findChild<QComboBox*>(QStringLiteral("keyframeSize"));
  QVERIFY(shape && size);
  shape->setCurrentIndex(shape->findData(QStringLiteral("16:9")));
  Q_EMIT shape->activated(shape->currentIndex());
  QCOMPARE(edited.count(), 1);
  QCOMPARE(edited.last().at(0).toString(), QStringLiteral("keyframeSize"));
  QCOMPARE(panel.values().keyframeSize, QSize(1024, 576));
  QCOMPARE(size->currentText(), QStringLiteral("1024 × 576 px"));
  for (int i = 0; i < size->count(); ++i) {
    droste::zoom::OutpaintOptions o;
    o.width = size->itemData(i).toSize().width();
    o.height = size->itemData(i).toSize().height();
    QVERIFY2(!o.exactRings().empty(), qPrintable(size->itemText(i)));
    QCOMPARE(o.width * 9, o.height * 16);
  }
  // A shape the presets lack (assembled from pictures) is shown as it is, not changed.
  v.keyframeSize = QSize(640, 400);
  panel.setValues(v);
  QCOMPARE(shape->currentData().toString(), QStringLiteral("custom"));
  QCOMPARE(panel.values().keyframeSize, QSize(640, 400));
}

void WidgetsTest::promptPanelSeedLockKeepsTheSeed() {
  PromptPanel panel;
  PanelValues v = panel.values();
  v.seed = 42;
  v.seedLocked = true;
  panel.setValues(v);
  QCOMPARE(panel.seedForNewKeyframe(), quint64(42));
  QCOMPARE(panel.seedForNewKeyframe(), quint64(42));
  v.seedLocked = false;
  panel.setValues(v);
  const quint64 a = panel.seedForNewKeyframe();
  const quint64 b = panel.seedForNewKeyframe();
  QVERIFY(a != 42 || b != 42);
  QCOMPARE(panel.values().seed, b);  // the field shows the seed that was used

  QSignalSpy edited(&panel, &PromptPanel::edited);
  panel.findChild<QToolButton*>(QStringLiteral("dice"))->click();
  QCOMPARE(edited.count(), 1);
}

// The mouse wheel over the panel scrolls it: a control it passes over keeps its value unless it has focus.
void WidgetsTest::panelControlsTakeTheWheelOnlyWithFocus() {
  PromptPanel panel;
  scrollPastUnfocusedControls(&panel);
  panel.show();
  QVERIFY(QTest::qWaitForWindowActive(&panel));
  auto* size = panel.findChild<QComboBox*>(QStringLiteral("keyframeSize"));
  auto* steps = panel.findChild<QWidget*>(QStringLiteral("steps"))->findChild<QAbstractSpinBox*>();
  QVERIFY(size && steps);
  QCOMPARE(size->focusPolicy(), Qt::StrongFocus);
  const auto wheelDown = [](QWidget* w) {
    QWheelEvent wheel(QPointF(5, 5), w->mapToGlobal(QPointF(5, 5)), QPoint(), QPoint(0, -120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &wheel);
    return wheel.isAccepted();
  };
  panel.findChild<QPlainTextEdit*>(QStringLiteral("prompt"))->setFocus();
  const int index = size->currentIndex();
  QVERIFY(index + 1 < size->count());
  QVERIFY(!wheelDown(size));  // left for the scroll area
  QCOMPARE(size->currentIndex(), index);
  const QString stepsText = steps->text();
  QVERIFY(!wheelDown(steps));
  QCOMPARE(steps->text(), stepsText);
  size->setFocus();
  QTRY_VERIFY(size->hasFocus());
  wheelDown(size);
  QCOMPARE(size->currentIndex(), index + 1);  // clicked or tabbed to: the wheel is the artist's choice
}

void WidgetsTest::previewShowsLiveStepAndInputToggle() {
  PreviewWidget preview;
  preview.resize(400, 300);
  preview.setImage(solid(Qt::blue), QStringLiteral("Keyframe 1"));
  QCOMPARE(preview.overlayText(), QStringLiteral("Keyframe 1"));
  preview.setLive(solid(Qt::gray, 32), 7, 25);
  QVERIFY(preview.isLive());
  QVERIFY(preview.overlayText().contains(QStringLiteral("7/25")));
  preview.clearLive();
  QCOMPARE(preview.overlayText(), QStringLiteral("Keyframe 1"));

  preview.setShowInput(true);  // no input known yet: the toggle stays off
  QVERIFY(!preview.showsInput());
  QImage mask(64, 64, QImage::Format_Grayscale8);
  mask.fill(255);
  preview.setInput(solid(Qt::green), mask);
  preview.setShowInput(true);
  QVERIFY(preview.showsInput());
  QVERIFY(preview.overlayText().contains(QStringLiteral("red")));
  const QImage shot = preview.grab().toImage();  // paints without crashing, the picture is there
  QVERIFY(!shot.isNull());
}

void WidgetsTest::timelineShowsEntriesBadgesAndScrubs() {
  TimelineWidget timeline;
  QSignalSpy scrubbed(&timeline, &TimelineWidget::scrubbed);
  QSignalSpy selected(&timeline, &TimelineWidget::selectionChanged);
  timeline.setEntries({{solid(Qt::red), KeyframeBadge::Fresh, {}},
                       {solid(Qt::green), KeyframeBadge::Stale, {}},
                       {solid(Qt::blue), KeyframeBadge::Failed, QStringLiteral("out of memory")}});
  QCOMPARE(timeline.count(), 3);
  QCOMPARE(timeline.entry(1).badge, KeyframeBadge::Stale);
  QVERIFY(timeline.entry(2).tooltip.contains(QStringLiteral("out of memory")));
  QVERIFY(timeline.list()->item(2)->data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("failed")));

  timeline.setSelectedIndex(1);
  QCOMPARE(selected.last().at(0).toInt(), 1);

  auto* scrub = timeline.findChild<QSlider*>(QStringLiteral("scrubBar"));
  QVERIFY(scrub->isEnabled());
  QCOMPARE(scrub->maximum(), 200);  // two keyframe steps, 100 ticks each
  const int selections = selected.count();
  scrub->setValue(150);
  QCOMPARE(scrubbed.count(), 1);
  QCOMPARE(scrubbed.last().at(0).toDouble(), 1.5);
  // The selection follows the scrub to the nearest keyframe, quietly (the preview keeps the scrubbed frame).
  QCOMPARE(timeline.selectedIndex(), 2);
  scrub->setValue(20);
  QCOMPARE(timeline.selectedIndex(), 0);
  QCOMPARE(selected.count(), selections);

  timeline.setEntry(1, {solid(Qt::green), KeyframeBadge::Generating, {}});
  QCOMPARE(timeline.entry(1).badge, KeyframeBadge::Generating);
  QCOMPARE(TimelineWidget::badgeName(KeyframeBadge::Generating), QStringLiteral("painting"));
}

void WidgetsTest::timelineKeepsSelectionWhenEntriesChange() {
  TimelineWidget timeline;
  timeline.setEntries({{solid(Qt::red), KeyframeBadge::Fresh, {}}, {solid(Qt::red), KeyframeBadge::Fresh, {}}});
  timeline.setSelectedIndex(1);
  timeline.setEntries({{solid(Qt::red), KeyframeBadge::Fresh, {}},
                       {solid(Qt::red), KeyframeBadge::Stale, {}},
                       {solid(Qt::red), KeyframeBadge::Stale, {}}});
  QCOMPARE(timeline.selectedIndex(), 1);
  QSignalSpy selected(&timeline, &TimelineWidget::selectionChanged);
  timeline.setEntries({{solid(Qt::red), KeyframeBadge::Fresh, {}}});  // the selected one went away
  QCOMPARE(timeline.selectedIndex(), 0);
  QCOMPARE(selected.count(), 1);
  QVERIFY(!timeline.findChild<QSlider*>(QStringLiteral("scrubBar"))->isEnabled());
}

void WidgetsTest::exportDialogComputesSizeAndRemembersChoices() {
  ExportDialog dialog(ExportFormat::Mp4, QStringLiteral("/tmp/zoom.mp4"), ExportChain{5, QSize(768, 512), false});
  auto* aspect = dialog.findChild<QComboBox*>(QStringLiteral("aspect"));
  auto* height = dialog.findChild<QComboBox*>(QStringLiteral("height"));
  // A first export has the keyframes' own shape (3:2 here): nothing painted is cropped away.
  QCOMPARE(aspect->currentData().toString(), QStringLiteral("keyframes"));
  QCOMPARE(aspect->currentText(), QStringLiteral("As painted (3:2)"));
  height->setCurrentIndex(height->findData(1080));
  QCOMPARE(QSize(dialog.choices().width, dialog.choices().height), QSize(1620, 1080));
  aspect->setCurrentIndex(aspect->findData(QStringLiteral("16:9")));
  height->setCurrentIndex(height->findData(720));
  dialog.findChild<QSpinBox*>(QStringLiteral("fps"))->setValue(24);
  ExportChoices c = dialog.choices();
  QCOMPARE(c.width, 1280);
  QCOMPARE(c.height, 720);
  QCOMPARE(c.fps, 24);
  QCOMPARE(c.path, QStringLiteral("/tmp/zoom.mp4"));
  QCOMPARE(c.format, ExportFormat::Mp4);
  // A first export zooms out from the first keyframe, as `droste-cli render` does by default.
  QVERIFY(!c.zoomIn);
  QVERIFY(exportSettingsFor(c).timing.direction == droste::render::ZoomDirection::Out);
  // 4 keyframe steps x 2 s at 24 fps = 192 frames + the last one
  QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("exportSummary"))->text().contains(QStringLiteral("193 frames")));
  // 720p from 512 px tall keyframes: the model may add detail (a detail pass before the export), remembered.
  auto* detail = dialog.findChild<QCheckBox*>(QStringLiteral("addDetail"));
  QVERIFY(detail->isEnabled());
  QVERIFY(!c.addDetail);
  detail->setChecked(true);
  c = dialog.choices();
  QVERIFY(c.addDetail);
  QCOMPARE(c.detailStrength, 0.3);
  QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("exportSummary"))->text().contains(QStringLiteral("adds detail")));
  // Frames no larger than the keyframes: nothing to add.
  height->setCurrentIndex(height->findData(360));
  QVERIFY(!detail->isEnabled());
  QVERIFY(dialog.choices().addDetail);  // kept as chosen: the export adds detail only to larger frames
  QVERIFY(!dialog.findChild<QLabel*>(QStringLiteral("exportSummary"))->text().contains(QStringLiteral("detail")));
  height->setCurrentIndex(height->findData(720));

  ExportDialog::remember(c);
  const ExportChoices back = ExportDialog::remembered(ExportFormat::WebM);
  QCOMPARE(back.width, 1280);
  QCOMPARE(back.height, 720);
  QCOMPARE(back.fps, 24);
  QCOMPARE(back.format, ExportFormat::WebM);
  QVERIFY(back.addDetail);
  ExportDialog again(ExportFormat::WebM, QStringLiteral("/tmp/zoom.webm"), ExportChain{5, QSize(768, 512), false});
  QCOMPARE(again.choices().width, 1280);
  // "As painted" is remembered as such: the next project's keyframes decide the shape.
  c.aspect = QStringLiteral("keyframes");
  ExportDialog::remember(c);
  ExportDialog wide(ExportFormat::Mp4, QStringLiteral("/tmp/zoom.mp4"), ExportChain{5, QSize(1024, 576), false});
  QCOMPARE(QSize(wide.choices().width, wide.choices().height), QSize(1280, 720));
  QVERIFY(!wide.choices().loop);
  // A closed loop exports as a loop unless the artist unticks it; a loop never eases.
  ExportDialog looped(ExportFormat::Mp4, QStringLiteral("/tmp/zoom.mp4"), ExportChain{5, QSize(512, 512), true});
  QVERIFY(looped.choices().loop);
  QVERIFY(exportSettingsFor(looped.choices()).timing.loop);
  QVERIFY(!looped.findChild<QComboBox*>(QStringLiteral("easing"))->isEnabled());
  QVERIFY(looped.findChild<QLabel*>(QStringLiteral("exportSummary"))->text().contains(QStringLiteral("192 frames")));

  // The next export is suggested in the folder of the last one, named after the project.
  c.path = QStringLiteral("/srv/renders/first.mp4");
  ExportDialog::remember(c);
  QCOMPARE(ExportDialog::suggestedPath(ExportFormat::WebM, QStringLiteral("/home/a/castle.droste")),
           QStringLiteral("/srv/renders/castle.webm"));
  QCOMPARE(ExportDialog::suggestedPath(ExportFormat::Mp4, QString()), QStringLiteral("/srv/renders/zoom.mp4"));
  c.format = ExportFormat::Frames;
  c.path = QStringLiteral("/srv/frames/castle-frames/");
  ExportDialog::remember(c);
  QCOMPARE(ExportDialog::suggestedPath(ExportFormat::Frames, QStringLiteral("/home/a/castle.droste")),
           QStringLiteral("/srv/frames/castle-frames/"));
}

void WidgetsTest::settingsDialogStoresPreferences() {
  SettingsDialog dialog;
  dialog.findChild<QLineEdit*>(QStringLiteral("modelLocation"))->setText(QStringLiteral("/models/sd2-inpaint"));
  auto* device = dialog.findChild<QComboBox*>(QStringLiteral("device"));
  device->setCurrentIndex(device->findData(QStringLiteral("cpu")));
  auto* precision = dialog.findChild<QComboBox*>(QStringLiteral("precision"));
  precision->setCurrentIndex(precision->findData(QStringLiteral("fp32")));  // offered on every CPU
  dialog.findChild<QSpinBox*>(QStringLiteral("threads"))->setValue(3);
  dialog.store();
  QCOMPARE(prefs::modelLocation().get(), QStringLiteral("/models/sd2-inpaint"));
  QCOMPARE(prefs::device().get(), QStringLiteral("cpu"));
  QCOMPARE(prefs::precision().get(), QStringLiteral("fp32"));
  QCOMPARE(prefs::threads().get(), 3);
  SettingsDialog reopened;
  QCOMPARE(reopened.findChild<QComboBox*>(QStringLiteral("precision"))->currentData().toString(), QStringLiteral("fp32"));
}

// A QLabel shows a mnemonic's "&" literally unless it has a buddy: every label with a mnemonic needs one.
static QStringList labelsShowingTheirAmpersand(const QWidget& root) {
  QStringList raw;
  for (const QLabel* label : root.findChildren<QLabel*>())
    if (label->text().contains(QLatin1Char('&')) && label->textFormat() != Qt::RichText && !label->buddy())
      raw << label->text();
  return raw;
}

void WidgetsTest::formLabelsUseTheirMnemonics() {
  PromptPanel panel;
  QCOMPARE(labelsShowingTheirAmpersand(panel), QStringList());
  SettingsDialog dialog;
  QCOMPARE(labelsShowingTheirAmpersand(dialog), QStringList());
}

static QStringList offeredPrecisions(const SettingsDialog& dialog) {
  auto* precision = dialog.findChild<QComboBox*>(QStringLiteral("precision"));
  QStringList offered;
  for (int i = 0; i < precision->count(); ++i) offered << precision->itemData(i).toString();
  return offered;
}

void WidgetsTest::settingsDialogOffersOnlyPrecisionsThatRunHere() {
  prefs::device().set(QStringLiteral("cpu"));
  {
    // A CPU without AVX-512 (forced): no bf16, and a stored bf16 falls back to Automatic, which says fp32.
    const diffusion::ScopedCpuCapabilityLimit avx2("avx2");
    prefs::precision().set(QStringLiteral("bf16"));
    SettingsDialog dialog;
    QCOMPARE(offeredPrecisions(dialog), (QStringList{QStringLiteral("auto"), QStringLiteral("fp32")}));
    auto* precision = dialog.findChild<QComboBox*>(QStringLiteral("precision"));
    QCOMPARE(precision->currentData().toString(), QStringLiteral("auto"));
    QVERIFY2(precision->currentText().contains(QStringLiteral("fp32")), qPrintable(precision->currentText()));
  }
  // This CPU as it is: bf16 exactly where it has AVX-512, never fp16 on the CPU; Automatic names its pick.
  SettingsDialog dialog;
  const QStringList offered = offeredPrecisions(dialog);
  QCOMPARE(offered.contains(QStringLiteral("bf16")), diffusion::cpuCapability().avx512);
  QVERIFY(!offered.contains(QStringLiteral("fp16")));
  auto* precision = dialog.findChild<QComboBox*>(QStringLiteral("precision"));
  const QString pick = diffusion::cpuCapability().nativeBf16() ? QStringLiteral("bf16") : QStringLiteral("fp32");
  QVERIFY2(precision->itemText(0).contains(pick), qPrintable(precision->itemText(0)));
  // The GPU entry is there only where a CUDA GPU is usable.
  auto* device = dialog.findChild<QComboBox*>(QStringLiteral("device"));
  QCOMPARE(device->findData(QStringLiteral("cuda")) >= 0, diffusion::cudaAvailable());
}

void WidgetsTest::settingValueFallsBackToDefault() {
  const SettingValue<int> value(QStringLiteral("test/number"), 17);
  QCOMPARE(value.get(), 17);
  value.set(4);
  QCOMPARE(int(value), 4);
  QSettings().setValue(QStringLiteral("test/number"), QStringLiteral("not a number"));
  QCOMPARE(value.get(), 17);  // a value that does not convert falls back to the default
  value.reset();
  QCOMPARE(value.get(), 17);
}

void WidgetsTest::jobStatusBarFormatsProgress() {
  JobStatusBar bar;
  bar.setDevice(QStringLiteral("CPU"));
  // The height the status bar's layout gives it (as QWidgetItem computes it for a child widget).
  const auto height = [&bar] { return bar.sizeHint().expandedTo(bar.minimumSize()).height(); };
  const int idleHeight = height();
  bar.setBusy(true);
  bar.showProgress({QStringLiteral("Painting keyframe 3"), 2, 4, 10, 25, 3.25, 75.0});
  QCOMPARE(height(), idleHeight);  // the panels above do not jump when a job starts
  const QString text = bar.progressText();
  QVERIFY2(text.contains(QStringLiteral("(2 of 4)")), qPrintable(text));
  QVERIFY2(text.contains(QStringLiteral("3.25 it/s")), qPrintable(text));
  QVERIFY2(text.contains(QStringLiteral("1:15 left")), qPrintable(text));
  QVERIFY2(text.contains(QStringLiteral("step 10/25")), qPrintable(text));
  // A keyframe starting (no step count yet) shows no made-up count such as "step 0/1".
  bar.showProgress({QStringLiteral("Painting keyframe 4"), 3, 4, 0, 0, 3.25, 70.0});
  const QString starting = bar.progressText();
  QVERIFY2(!starting.contains(QStringLiteral("step")), qPrintable(starting));
  QVERIFY2(starting.contains(QStringLiteral("(3 of 4)")), qPrintable(starting));
  // An export counts frames, with the time left.
  bar.showProgress({QStringLiteral("Exporting zoom.mp4"), 0, 0, 40, 193, 0.0, 12.0, true});
  const QString exporting = bar.progressText();
  QVERIFY2(exporting.contains(QStringLiteral("frame 40/193")) && exporting.contains(QStringLiteral("0:12 left")),
           qPrintable(exporting));
  QCOMPARE(JobStatusBar::formatEta(3725), QStringLiteral("1:02:05"));
  QCOMPARE(JobStatusBar::formatEta(-1), QString());

  // Numbers are written as the reader's locale writes them (as the spin boxes do): "3,25" in German.
  const QLocale before;
  const auto restore = qScopeGuard([before] { QLocale::setDefault(before); });
  QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
  bar.showProgress({QStringLiteral("Painting keyframe 3"), 2, 4, 10, 25, 3.25, 75.0});
  QVERIFY2(bar.progressText().contains(QStringLiteral("3,25 it/s")), qPrintable(bar.progressText()));
  QCOMPARE(droste::hub::formatBytes(2.5e9), QStringLiteral("2,50 GB"));
  TimelineWidget timeline;
  bool shown = false;
  for (const QLabel* label : timeline.findChildren<QLabel*>())
    shown = shown || label->text().contains(QStringLiteral("1,00"));
  QVERIFY(shown);
}

// The advice under an engine error names the app's own controls: never a command-line flag, and
// something to do for every kind an artist can act on.
void WidgetsTest::errorAdviceNamesTheAppsControlsNotFlags() {
  for (ErrorKind kind : {ErrorKind::ModelUnusable, ErrorKind::PrecisionNotHere, ErrorKind::OutOfMemoryCpu,
                         ErrorKind::OutOfMemoryGpu, ErrorKind::Overflow, ErrorKind::Disk}) {
    const QString advice = ErrorText::adviceFor(kind);
    QVERIFY2(!advice.isEmpty(), qPrintable(QString::number(int(kind))));
    QVERIFY2(!advice.contains(QStringLiteral("--")), qPrintable(advice));
  }
  QVERIFY(ErrorText::adviceFor(ErrorKind::OutOfMemoryCpu) != ErrorText::adviceFor(ErrorKind::OutOfMemoryGpu));
  QVERIFY(ErrorText::adviceFor(ErrorKind::Failed).isEmpty());
}
