#include "ui/main_window.h"

#include "core/catalog/model_catalog.h"
#include "core/catalog/runtime_summary.h"
#include "core/logging.h"
#include "core/session/session.h"
#include "core/zoom/loop.h"
#include "core/zoom/project.h"
#include "ui/app_preferences.h"
#include "ui/chain_view.h"
#include "ui/error_text.h"
#include "ui/job_status_bar.h"
#include "ui/main_actions.h"
#include "ui/model_banner.h"
#include "ui/panel_settings.h"
#include "ui/preview_widget.h"
#include "ui/recent_projects.h"
#include "ui/timeline_widget.h"
#include "ui/window_layout.h"

#include <QAction>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QUndoStack>

#include <algorithm>

namespace droste::ui {

namespace {
bool modelExists(const QString& location) { return !location.isEmpty() && QFileInfo::exists(location); }
}  // namespace

MainWindow::MainWindow(session::Session* session, QWidget* parent) : QMainWindow(parent), session_(session) {
  setObjectName(QStringLiteral("DrosteMainWindow"));
  setAcceptDrops(true);
  layout_ = std::make_unique<WindowLayout>(this);
  panel_ = layout_->panel;
  preview_ = layout_->preview;
  timeline_ = layout_->timeline;
  banner_ = layout_->banner;
  status_ = layout_->status;
  chain_ = new ChainView(session_, timeline_, preview_, this);
  connect(chain_, &ChainView::keyframeShown, this, [this](int, std::optional<quint64> seed) {
    if (seed) panel_->showSeed(*seed);  // lock it to repaint this keyframe with the same seed
    updateActions();
  });
  connect(chain_, &ChainView::problem, this, [this](const QString& message) { statusBar()->showMessage(message, 5000); });
  a_ = new MainActions(this, undoStack());
  recent_ = new RecentProjects(a_->recentMenu());
  connectActions();
  connectSession();
  panel_->setSchedulers(catalog::samplerNames());

  // A new project paints with the configured model at its native size, or with the draft painter when
  // there is none.
  zoom::ProjectSettings s = project()->settings();
  const QString model = prefs::modelLocation();
  const bool haveModel = modelExists(model);
  s.painter = haveModel ? zoom::PainterKind::StableDiffusion : zoom::PainterKind::Draft;
  s.model = model;
  project()->setSettings(s);
  session_->newProject(haveModel ? catalog::nativeKeyframeSide(model) : 0);
  panel_->setValues(panelValuesFor(project()->settings(), panel_->values()));
  panel_->seedForNewKeyframe();

  layout_->restore();
  updateModelIndicators();
  updateTitle();
  chain_->refresh();
}

MainWindow::~MainWindow() { alive_.reset(); }  // coroutines still waiting will find the window gone

zoom::Project* MainWindow::project() const { return session_->project(); }
engine::Engine* MainWindow::engine() const { return session_->engine(); }
QUndoStack* MainWindow::undoStack() const { return session_->undoStack(); }

void MainWindow::connectActions() {
  const auto on = [this](QAction* action, auto slot) { connect(action, &QAction::triggered, this, slot); };
  on(a_->newProject, [this] { newProject(); });
  on(a_->open, [this] { openProjectDialog(); });
  on(a_->save, [this] { save(); });
  on(a_->saveAs, [this] { saveAsDialog(); });
  on(a_->importImage, [this] { importImageDialog(); });
  on(a_->exportMp4, [this] { exportDialog(ExportFormat::Mp4); });
  on(a_->exportWebm, [this] { exportDialog(ExportFormat::WebM); });
  on(a_->exportFrames, [this] { exportDialog(ExportFormat::Frames); });
  on(a_->quit, [this] { close(); });
  on(a_->undo, [this] { undoStack()->undo(); });
  on(a_->redo, [this] { undoStack()->redo(); });
  on(a_->generateFirst, [this] { generateFirstKeyframe(); });
  on(a_->addKeyframes, [this] { addKeyframes(); });
  on(a_->regenerateSelected, [this] { regenerateKeyframe(timeline_->selectedIndex(), false); });
  on(a_->regenerateStale, [this] { session_->regenerateStale(); });
  on(a_->closeLoop, [this] { session_->closeLoop(); });
  on(a_->addExitPicture, [this] { replaceWithPictureDialog(project()->keyframeCount()); });
  on(a_->stop, [this] { session_->cancel(); });
  on(a_->play, [this] { playPreview(); });
  on(a_->fullScreen, [this] { setWindowState(windowState() ^ Qt::WindowFullScreen); });
  on(a_->settings, [this] { showSettingsDialog(); });
  on(a_->about, [this] { showAbout(); });
  connect(undoStack(), &QUndoStack::canUndoChanged, this, &MainWindow::updateActions);
  connect(undoStack(), &QUndoStack::canRedoChanged, this, &MainWindow::updateActions);
  connect(recent_, &RecentProjects::openRequested, this, [this](const QString& path) {
    if (maybeSave()) openProject(path);
  });

  connect(panel_, &PromptPanel::edited, this, &MainWindow::applyPanelEdit);
  connect(panel_, &PromptPanel::chooseModelRequested, this, [this] { chooseModel(true); });
  connect(preview_, &PreviewWidget::imageDropped, this, &MainWindow::startFromImage);
  connect(banner_, &ModelBanner::chooseFolder, this, [this] { chooseModel(true); });
  connect(banner_, &ModelBanner::chooseFile, this, [this] { chooseModel(false); });
  connect(banner_, &ModelBanner::downloadModel, this, &MainWindow::showDownloadModelDialog);
  connect(banner_, &ModelBanner::dismissed, this, [] { prefs::bannerDismissed().set(true); });
  connect(status_, &JobStatusBar::cancelRequested, session_, &session::Session::cancel);

  connect(timeline_, &TimelineWidget::regenerateWithNewSeed, this, [this](int i) { regenerateKeyframe(i, false); });
  connect(timeline_, &TimelineWidget::regenerateWithSameSeed, this, [this](int i) { regenerateKeyframe(i, true); });
  connect(timeline_, &TimelineWidget::editPrompt, this, &MainWindow::editKeyframePrompt);
  connect(timeline_, &TimelineWidget::insertAfter, this, [this](int i) {
    session_->insertKeyframeAfter(i);
    timeline_->setSelectedIndex(i + 1);
  });
  connect(timeline_, &TimelineWidget::removeKeyframe, session_, &session::Session::deleteKeyframe);
  connect(timeline_, &TimelineWidget::saveKeyframe, this, &MainWindow::saveKeyframePng);
  connect(timeline_, &TimelineWidget::replaceWithPicture, this, &MainWindow::replaceWithPictureDialog);
}

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    a_->retranslate();
    recent_->rebuild();
    updateTitle();
    updateModelIndicators();
    chain_->refresh();
  }
  QMainWindow::changeEvent(event);
}

void MainWindow::applyPanelEdit(const QString& field) {
  const zoom::ProjectSettings after = settingsFromPanel(panel_->values(), project()->settings());
  const QString undoText = undoTextForField(field);
  const session::SettingsEffect effect = session_->editSettings(after, field, undoText);
  if (!effect.error.isEmpty()) {
    panel_->setValues(panelValuesFor(project()->settings(), panel_->values()));
    return reportError(undoText, effect.error);
  }
  // Say what the change means for the painted chain, where the artist looks while editing.
  if (effect.newlyStale > 0)
    statusBar()->showMessage(tr("The chain's geometry changed: %n keyframe(s) turned stale. “Regenerate stale” "
                                "repaints them.", nullptr, effect.newlyStale), 10'000);
  else if (effect.affectsOnlyNewKeyframes)
    statusBar()->showMessage(tr("New keyframes and repaints use the new setting; painted keyframes are kept."), 10'000);
}

void MainWindow::chooseModel(bool folder) {
  const QString start = prefs::modelLocation().get().isEmpty() ? QDir::homePath() : prefs::modelLocation().get();
  const QString chosen =
      folder ? QFileDialog::getExistingDirectory(this, tr("Choose a model folder (diffusers layout)"), start)
             : QFileDialog::getOpenFileName(this, tr("Choose a model file"), start,
                                            tr("Model checkpoints (*.safetensors)"));
  if (!chosen.isEmpty()) useModel(chosen);
}

bool MainWindow::useModel(const QString& location) {
  // Refused on choosing, not when painting: the project and the default stay as they were.
  if (const QString problem = catalog::modelProblem(location); !problem.isEmpty()) {
    reportError(tr("This model cannot be used"), problem, ErrorKind::ModelUnusable);
    return false;
  }
  prefs::modelLocation().set(location);
  if (session_->setModel(location, catalog::nativeKeyframeSide(location))) {
    const zoom::OutpaintOptions& o = project()->settings().outpaint;
    statusBar()->showMessage(tr("Keyframes set to %1 × %2 px, the size this model paints best (ring %3 px).")
                                 .arg(o.width).arg(o.height).arg(o.outpaint), 10'000);
  }
  updateModelIndicators();
  return true;
}

void MainWindow::updateModelIndicators() {
  const zoom::ProjectSettings& s = project()->settings();
  const bool draft = s.painter == zoom::PainterKind::Draft;
  QList<QPair<QString, QString>> models{{tr("Draft painter (no model)"), QString::fromLatin1(kDraftModelEntry)}};
  const QString configured = prefs::modelLocation();
  if (!configured.isEmpty()) models.append({QFileInfo(configured).fileName(), configured});
  if (!s.model.isEmpty() && s.model != configured) models.append({QFileInfo(s.model).fileName(), s.model});
  panel_->setModels(models, draft ? QString::fromLatin1(kDraftModelEntry) : s.model);

  status_->setModel(draft ? tr("draft painter") : QFileInfo(s.model).fileName());
  const catalog::RuntimeSummary rt = catalog::runtimeSummary();
  const QString device = prefs::device();
  const bool cuda = device == QLatin1String("cuda") || (device == QLatin1String("auto") && rt.cudaAvailable);
  status_->setDevice(draft ? tr("CPU (draft)")
                           : cuda ? (rt.cudaDeviceName.isEmpty() ? QStringLiteral("CUDA") : rt.cudaDeviceName)
                                  : tr("CPU, %n thread(s)", nullptr, rt.intraOpThreads));
  // The banner: nothing usable is configured (it stays hidden once dismissed, or when a model exists).
  const bool haveModel = modelExists(configured) || (!draft && modelExists(s.model));
  banner_->setVisible(!haveModel && !prefs::bannerDismissed());
}

void MainWindow::updateActions() {
  const bool painting = session_->isPainting();
  const int count = project()->keyframeCount();
  const bool hasFirst = count > 0 && !project()->keyframe(0).image.isNull();
  const int selected = timeline_->selectedIndex();
  a_->generateFirst->setEnabled(!painting);
  a_->addKeyframes->setEnabled(!painting && hasFirst);
  a_->regenerateSelected->setEnabled(!painting && selected >= 0 && selected < count &&
                                     !project()->keyframe(selected).imported);
  a_->regenerateStale->setEnabled(!painting && !project()->staleKeyframes().empty());
  a_->closeLoop->setEnabled(!painting && count >= zoom::kMinimumLoopKeyframes && project()->staleKeyframes().empty() &&
                            std::none_of(project()->keyframes().begin(), project()->keyframes().end(),
                                         [](const zoom::Keyframe& k) { return k.image.isNull(); }));
  a_->stop->setEnabled(engine()->isBusy());
  for (QAction* a : {a_->importImage, a_->newProject, a_->open}) a->setEnabled(!painting);
  a_->addExitPicture->setEnabled(!painting && count > 0 && !project()->keyframes().back().image.isNull());
  a_->recentMenu()->setEnabled(!painting);
  const bool exportable = hasFirst && !session_->isExporting();
  for (QAction* a : {a_->exportMp4, a_->exportWebm, a_->exportFrames}) a->setEnabled(exportable);
  a_->play->setEnabled(exportable && count > 1);
  // The engine writes into the chain while it paints; undo would fight it.
  undoStack()->setActive(!painting);
  a_->undo->setEnabled(!painting && undoStack()->canUndo());
  a_->redo->setEnabled(!painting && undoStack()->canRedo());
  panel_->setChainGeometryEditable(!painting);  // the engine reads size and ring for every keyframe it paints
}

void MainWindow::updateTitle() {
  const QString path = project()->filePath();
  const QString name = path.isEmpty() ? tr("Untitled") : QFileInfo(path).completeBaseName();
  setWindowTitle(tr("Droste — %1[*]").arg(name));  // starts with the app name: window lists and the smoke test find it
  setWindowModified(project()->isModified());
}

void MainWindow::reportError(const QString& title, const QString& message, ErrorKind kind) {
  lastError_ = message;
  qCWarning(lcUi) << title << message;
  statusBar()->showMessage(message, 10'000);
  // Not modal-blocking: a job's failure must not stop the event loop (or a test) on a dialog.
  auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
  box->setInformativeText(ErrorText::adviceFor(kind));
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!maybeSave()) return event->ignore();
  session_->cancel();
  layout_->save();
  session_->discardAutosave();  // a clean exit leaves no autosave behind
  event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  for (const QUrl& url : event->mimeData()->urls()) {
    if (!url.isLocalFile()) continue;
    const QString path = url.toLocalFile();
    if (!path.endsWith(QLatin1String(".droste"), Qt::CaseInsensitive)) startFromImage(path);
    else if (maybeSave()) openProject(path);
    event->acceptProposedAction();
    return;
  }
}

}  // namespace droste::ui
