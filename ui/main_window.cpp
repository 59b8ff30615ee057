#include "ui/main_window.h"

#include "core/diffusion/runtime/runtime_info.h"
#include "core/diffusion/schedulers/scheduler_factory.h"
#include "core/logging.h"
#include "core/zoom/autosave.h"
#include "core/zoom/project.h"
#include "ui/app_preferences.h"
#include "ui/job_status_bar.h"
#include "ui/model_banner.h"
#include "ui/model_catalog.h"
#include "ui/preview_widget.h"
#include "ui/project_commands.h"
#include "ui/timeline_widget.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace droste::ui {

namespace {
constexpr auto kDraftModel = "@draft";  // the model picker's entry for the draft painter

KeyframeBadge badgeFor(zoom::KeyframeState s) {
  switch (s) {
    case zoom::KeyframeState::Fresh: return KeyframeBadge::Fresh;
    case zoom::KeyframeState::Stale: return KeyframeBadge::Stale;
    case zoom::KeyframeState::Generating: return KeyframeBadge::Generating;
    case zoom::KeyframeState::Failed: return KeyframeBadge::Failed;
  }
  return KeyframeBadge::Stale;
}

bool modelExists(const QString& location) { return !location.isEmpty() && QFileInfo::exists(location); }
}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), project_(new zoom::Project(this)), engine_(std::make_unique<engine::Engine>()),
      undo_(new QUndoStack(this)) {
  setObjectName(QStringLiteral("DrosteMainWindow"));
  setAcceptDrops(true);
  createWidgets();
  createActions();
  createMenusAndToolbar();
  retranslateUi();
  connectProject();
  connectEngine();
  QStringList schedulers;
  for (const std::string& name : diffusion::schedulerNames()) schedulers << QString::fromStdString(name);
  panel_->setSchedulers(schedulers);

  // A new project paints with the configured model, or with the draft painter when there is none.
  zoom::ProjectSettings s = project_->settings();
  const QString model = prefs::modelLocation();
  s.painter = modelExists(model) ? zoom::PainterKind::StableDiffusion : zoom::PainterKind::Draft;
  s.model = model;
  project_->setSettings(s);
  project_->setModified(false);
  panel_->setValues(panelValuesFromProject());
  panel_->seedForNewKeyframe();

  autosaver_ = new zoom::Autosaver(project_, 60'000, this);
  connect(autosaver_, &zoom::Autosaver::autosaveFailed, this, [this](const QString& message) {
    statusBar()->showMessage(tr("Autosave failed: %1").arg(message), 8000);
  });

  restoreLayout();
  updateModelIndicators();
  updateActions();
  updateTitle();
  refreshTimeline();
}

MainWindow::~MainWindow() {
  alive_.reset();   // coroutines still waiting on the engine will find the window gone
  if (exportCancel_) *exportCancel_ = true;
  if (exportThread_.joinable()) exportThread_.join();
  engine_.reset();  // cancels, joins the worker thread
}

void MainWindow::createWidgets() {
  panel_ = new PromptPanel;
  auto* panelScroll = new QScrollArea;
  panelScroll->setWidget(panel_);
  panelScroll->setWidgetResizable(true);
  panelScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  panelScroll->setMinimumWidth(panel_->sizeHint().width() + 24);
  panelScroll->setFrameShape(QFrame::NoFrame);

  preview_ = new PreviewWidget;
  banner_ = new ModelBanner;
  auto* center = new QWidget;
  auto* centerColumn = new QVBoxLayout(center);
  centerColumn->setContentsMargins(0, 4, 0, 0);
  centerColumn->addWidget(banner_);
  centerColumn->addWidget(preview_, 1);

  topSplitter_ = new QSplitter(Qt::Horizontal);
  topSplitter_->setObjectName(QStringLiteral("topSplitter"));
  topSplitter_->addWidget(panelScroll);
  topSplitter_->addWidget(center);
  topSplitter_->setStretchFactor(1, 1);
  topSplitter_->setCollapsible(1, false);

  timeline_ = new TimelineWidget;
  mainSplitter_ = new QSplitter(Qt::Vertical);
  mainSplitter_->setObjectName(QStringLiteral("mainSplitter"));
  mainSplitter_->addWidget(topSplitter_);
  mainSplitter_->addWidget(timeline_);
  mainSplitter_->setStretchFactor(0, 1);
  mainSplitter_->setCollapsible(0, false);
  setCentralWidget(mainSplitter_);

  status_ = new JobStatusBar;
  statusBar()->addPermanentWidget(status_, 1);
  statusBar()->setSizeGripEnabled(true);

  connect(panel_, &PromptPanel::edited, this, &MainWindow::applyPanelEdit);
  connect(panel_, &PromptPanel::chooseModelRequested, this, [this] { chooseModel(true); });
  connect(preview_, &PreviewWidget::imageDropped, this, &MainWindow::startFromImage);
  connect(banner_, &ModelBanner::chooseFolder, this, [this] { chooseModel(true); });
  connect(banner_, &ModelBanner::chooseFile, this, [this] { chooseModel(false); });
  connect(banner_, &ModelBanner::downloadModel, this, &MainWindow::showDownloadModelDialog);
  connect(banner_, &ModelBanner::dismissed, this, [] { prefs::bannerDismissed().set(true); });
  connect(status_, &JobStatusBar::cancelRequested, this, [this] { engine_->cancel(); });

  connect(timeline_, &TimelineWidget::selectionChanged, this, &MainWindow::showKeyframe);
  connect(timeline_, &TimelineWidget::scrubbed, this, &MainWindow::showScrub);
  connect(timeline_, &TimelineWidget::regenerateWithNewSeed, this, [this](int i) { regenerateKeyframe(i, false); });
  connect(timeline_, &TimelineWidget::regenerateWithSameSeed, this, [this](int i) { regenerateKeyframe(i, true); });
  connect(timeline_, &TimelineWidget::editPrompt, this, &MainWindow::editKeyframePrompt);
  connect(timeline_, &TimelineWidget::insertAfter, this, &MainWindow::insertKeyframeAfter);
  connect(timeline_, &TimelineWidget::removeKeyframe, this, &MainWindow::deleteKeyframe);
  connect(timeline_, &TimelineWidget::saveKeyframe, this, &MainWindow::saveKeyframePng);
}

void MainWindow::createActions() {
  // Texts, tips and translatable shortcuts are set in retranslateUi(), again on every language change.
  auto make = [this](const char* objectName, auto slot) {
    auto* action = new QAction(this);
    action->setObjectName(QString::fromLatin1(objectName));
    connect(action, &QAction::triggered, this, slot);
    return action;
  };
  a_.newProject = make("actionNew", [this] { newProject(); });
  a_.open = make("actionOpen", [this] { openProjectDialog(); });
  a_.save = make("actionSave", [this] { save(); });
  a_.saveAs = make("actionSaveAs", [this] { saveAsDialog(); });
  a_.importImage = make("actionImport", [this] { importImageDialog(); });
  a_.exportMp4 = make("actionExportMp4", [this] { exportDialog(ExportFormat::Mp4); });
  a_.exportWebm = make("actionExportWebm", [this] { exportDialog(ExportFormat::WebM); });
  a_.exportFrames = make("actionExportFrames", [this] { exportDialog(ExportFormat::Frames); });
  a_.quit = make("actionQuit", [this] { close(); });
  a_.quit->setMenuRole(QAction::QuitRole);

  // Our own undo/redo actions (not QUndoStack::createUndoAction): their prefix must follow the language.
  a_.undo = make("actionUndo", [this] { undo_->undo(); });
  a_.redo = make("actionRedo", [this] { undo_->redo(); });
  connect(undo_, &QUndoStack::canUndoChanged, a_.undo, &QAction::setEnabled);
  connect(undo_, &QUndoStack::canRedoChanged, a_.redo, &QAction::setEnabled);
  connect(undo_, &QUndoStack::undoTextChanged, this, [this] { updateUndoTexts(); });
  connect(undo_, &QUndoStack::redoTextChanged, this, [this] { updateUndoTexts(); });
  a_.undo->setEnabled(undo_->canUndo());
  a_.redo->setEnabled(undo_->canRedo());

  a_.generateFirst = make("actionGenerateFirst", [this] { generateFirstKeyframe(); });
  a_.addKeyframes = make("actionAddKeyframes", [this] { addKeyframes(); });
  a_.regenerateSelected = make("actionRegenerateSelected", [this] { regenerateSelected(); });
  a_.regenerateStale = make("actionRegenerateStale", [this] { regenerateStale(); });
  a_.stop = make("actionStop", [this] { engine_->cancel(); });

  a_.play = make("actionPlay", [this] { playPreview(); });
  a_.fullScreen = make("actionFullScreen", [this] { setWindowState(windowState() ^ Qt::WindowFullScreen); });
  a_.fullScreen->setCheckable(true);
  a_.settings = make("actionSettings", [this] { showSettingsDialog(); });
  a_.settings->setMenuRole(QAction::PreferencesRole);
  a_.about = make("actionAbout", [this] { showAbout(); });
  a_.about->setMenuRole(QAction::AboutRole);
}

void MainWindow::createMenusAndToolbar() {
  menus_.file = menuBar()->addMenu(QString());
  menus_.file->addAction(a_.newProject);
  menus_.file->addAction(a_.open);
  recentMenu_ = menus_.file->addMenu(QString());
  recentMenu_->setObjectName(QStringLiteral("menuRecent"));
  menus_.file->addAction(a_.save);
  menus_.file->addAction(a_.saveAs);
  menus_.file->addSeparator();
  menus_.file->addAction(a_.importImage);
  menus_.file->addSeparator();
  menus_.file->addAction(a_.exportMp4);
  menus_.file->addAction(a_.exportWebm);
  menus_.file->addAction(a_.exportFrames);
  menus_.file->addSeparator();
  menus_.file->addAction(a_.quit);
  rebuildRecentMenu();

  menus_.edit = menuBar()->addMenu(QString());
  menus_.edit->addAction(a_.undo);
  menus_.edit->addAction(a_.redo);

  menus_.generate = menuBar()->addMenu(QString());
  menus_.generate->addAction(a_.generateFirst);
  menus_.generate->addAction(a_.addKeyframes);
  menus_.generate->addSeparator();
  menus_.generate->addAction(a_.regenerateSelected);
  menus_.generate->addAction(a_.regenerateStale);
  menus_.generate->addSeparator();
  menus_.generate->addAction(a_.stop);

  menus_.view = menuBar()->addMenu(QString());
  menus_.view->addAction(a_.play);
  menus_.view->addAction(a_.fullScreen);

  menus_.settings = menuBar()->addMenu(QString());
  menus_.settings->addAction(a_.settings);

  menus_.help = menuBar()->addMenu(QString());
  menus_.help->addAction(a_.about);

  menus_.tools = addToolBar(QString());
  menus_.tools->setObjectName(QStringLiteral("generateToolbar"));
  menus_.tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
  menus_.tools->setMovable(false);
  menus_.tools->addAction(a_.generateFirst);
  menus_.tools->addAction(a_.addKeyframes);
  menus_.tools->addAction(a_.regenerateSelected);
  menus_.tools->addAction(a_.regenerateStale);
  menus_.tools->addAction(a_.stop);
  menus_.tools->addSeparator();
  menus_.tools->addAction(a_.undo);
  menus_.tools->addAction(a_.redo);
  menus_.tools->addSeparator();
  menus_.tools->addAction(a_.play);
  menus_.tools->addAction(a_.exportMp4);
}

void MainWindow::retranslateUi() {
  // Text, status tip, tooltip ("tip (shortcut)") and shortcut of one action.
  auto describe = [](QAction* action, const QString& text, const QKeySequence& keys, const QString& tip) {
    action->setText(text);
    if (!keys.isEmpty()) action->setShortcut(keys);
    action->setStatusTip(tip);
    const QString shortcut = keys.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(keys.toString(QKeySequence::NativeText));
    action->setToolTip(tip.isEmpty() ? QString(text).remove(QLatin1Char('&')) : tip + shortcut);
  };
  describe(a_.newProject, tr("&New Project"), QKeySequence::New, tr("Start an empty project"));
  describe(a_.open, tr("&Open…"), QKeySequence::Open, tr("Open a .droste project"));
  describe(a_.save, tr("&Save"), QKeySequence::Save, tr("Save the project"));
  describe(a_.saveAs, tr("Save &As…"), QKeySequence::SaveAs, tr("Save the project under a new name"));
  describe(a_.importImage, tr("&Import Start Image…"), QKeySequence(tr("Ctrl+I")),
           tr("Use a picture of your own as the first keyframe and zoom out of it"));
  describe(a_.exportMp4, tr("Export &MP4…"), QKeySequence(tr("Ctrl+E")), tr("Render the zoom as an H.264 MP4 video"));
  describe(a_.exportWebm, tr("Export &WebM…"), {}, tr("Render the zoom as a VP9 WebM video"));
  describe(a_.exportFrames, tr("Export &Frames…"), {}, tr("Render every frame of the zoom as a PNG file"));
  describe(a_.quit, tr("&Quit"), QKeySequence::Quit, {});
  a_.undo->setShortcut(QKeySequence::Undo);
  a_.redo->setShortcut(QKeySequence::Redo);
  updateUndoTexts();
  describe(a_.generateFirst, tr("&Generate First Keyframe"), QKeySequence(tr("Ctrl+G")),
           tr("Paint the innermost picture from the prompt"));
  describe(a_.addKeyframes, tr("&Add Keyframes"), QKeySequence(tr("Ctrl+Shift+A")),
           tr("Zoom out: paint new keyframes around the last one"));
  describe(a_.regenerateSelected, tr("&Regenerate Selected"), QKeySequence(tr("Ctrl+R")),
           tr("Paint the selected keyframe again with a new seed; later ones turn stale"));
  describe(a_.regenerateStale, tr("Regenerate &Stale"), QKeySequence(tr("Ctrl+Shift+R")),
           tr("Repaint every stale or failed keyframe, in order"));
  describe(a_.stop, tr("S&top"), QKeySequence(Qt::Key_Escape), tr("Stop painting; finished keyframes are kept"));
  describe(a_.play, tr("&Play Preview"), QKeySequence(Qt::Key_Space),
           tr("Render a quick low-resolution video of the zoom and play it in a loop"));
  describe(a_.fullScreen, tr("&Full Screen"), QKeySequence::FullScreen, {});
  describe(a_.settings, tr("&Preferences…"), QKeySequence::Preferences,
           tr("Model location, device, precision, threads, language"));
  describe(a_.about, tr("&About Droste"), {}, {});

  menus_.file->setTitle(tr("&File"));
  recentMenu_->setTitle(tr("Open &Recent"));
  menus_.edit->setTitle(tr("&Edit"));
  menus_.generate->setTitle(tr("&Generate"));
  menus_.view->setTitle(tr("&View"));
  menus_.settings->setTitle(tr("&Settings"));
  menus_.help->setTitle(tr("&Help"));
  menus_.tools->setWindowTitle(tr("Generate"));
}

void MainWindow::updateUndoTexts() {
  const QString undo = undo_->undoText(), redo = undo_->redoText();
  a_.undo->setText(undo.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(undo));
  a_.redo->setText(redo.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(redo));
}

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslateUi();
    rebuildRecentMenu();
    updateTitle();
    updateModelIndicators();
    refreshTimeline();
    showKeyframe(timeline_->selectedIndex());  // its caption
  }
  QMainWindow::changeEvent(event);
}

void MainWindow::connectProject() {
  connect(project_, &zoom::Project::settingsChanged, this, [this] {
    panel_->setValues(panelValuesFromProject());
    updateModelIndicators();
  });
  connect(project_, &zoom::Project::keyframeInserted, this, [this] { refreshTimeline(); });
  connect(project_, &zoom::Project::keyframeRemoved, this, [this] { refreshTimeline(); });
  connect(project_, &zoom::Project::keyframesReset, this, [this] { refreshTimeline(); });
  connect(project_, &zoom::Project::keyframeChanged, this, &MainWindow::refreshTimelineEntry);
  connect(project_, &zoom::Project::modifiedChanged, this, &MainWindow::updateTitle);
  connect(project_, &zoom::Project::filePathChanged, this, &MainWindow::updateTitle);
}

PanelValues MainWindow::panelValuesFromProject() const {
  const zoom::ProjectSettings& s = project_->settings();
  PanelValues v = panel_->values();  // keeps the UI-only fields: seed, lock, keyframes to add
  v.prompt = s.prompt;
  v.negativePrompt = s.negativePrompt;
  v.model = s.painter == zoom::PainterKind::Draft ? QString::fromLatin1(kDraftModel) : s.model;
  v.scheduler = s.scheduler;
  v.steps = s.steps;
  v.guidance = s.guidance;
  v.keyframeSize = s.outpaint.size;
  v.outpaint = s.outpaint.outpaint;
  v.method = zoom::toString(s.outpaint.method);
  v.padding = zoom::toString(s.outpaint.padding);
  return v;
}

void MainWindow::applyPanelEdit(const QString& field) {
  static const QSet<QString> uiOnly{QStringLiteral("seed"), QStringLiteral("seedLocked"),
                                    QStringLiteral("keyframesToAdd")};
  if (uiOnly.contains(field)) return;
  const PanelValues v = panel_->values();
  zoom::ProjectSettings s = project_->settings();
  const zoom::ProjectSettings before = s;
  s.prompt = v.prompt;
  s.negativePrompt = v.negativePrompt;
  if (v.model == QLatin1String(kDraftModel)) {
    s.painter = zoom::PainterKind::Draft;
  } else {
    s.painter = zoom::PainterKind::StableDiffusion;
    s.model = v.model;
  }
  s.scheduler = v.scheduler;
  s.steps = v.steps;
  s.guidance = v.guidance;
  s.outpaint.size = v.keyframeSize;
  s.outpaint.outpaint = std::min(v.outpaint, v.keyframeSize / 2);
  s.outpaint.method = zoom::outpaintMethodFromString(v.method).value_or(s.outpaint.method);
  s.outpaint.padding = zoom::paddingModeFromString(v.padding).value_or(s.outpaint.padding);
  if (s == before) return;
  // A new keyframe size or ring changes the geometry of the whole chain: every painted keyframe
  // would need repainting, so it is one undo step with the chain.
  static const QHash<QString, QString> names{
      {QStringLiteral("prompt"), tr("Edit prompt")},      {QStringLiteral("negativePrompt"), tr("Edit negative prompt")},
      {QStringLiteral("model"), tr("Change model")},      {QStringLiteral("scheduler"), tr("Change sampler")},
      {QStringLiteral("steps"), tr("Change steps")},      {QStringLiteral("guidance"), tr("Change guidance")},
      {QStringLiteral("keyframeSize"), tr("Change keyframe size")},
      {QStringLiteral("outpaint"), tr("Change outpaint ring")}, {QStringLiteral("method"), tr("Change method")},
      {QStringLiteral("padding"), tr("Change padding")}};
  pushSettingsEdit(before, s, field, names.value(field, tr("Change setting")));
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
  if (const QString problem = modelProblem(location); !problem.isEmpty()) {
    reportError(tr("This model cannot be used"), problem);
    return false;
  }
  prefs::modelLocation().set(location);
  zoom::ProjectSettings s = project_->settings();
  const zoom::ProjectSettings before = s;
  s.painter = zoom::PainterKind::StableDiffusion;
  s.model = location;
  if (!(s == before)) undo_->push(new SettingsCommand(project_, before, s, QStringLiteral("model"), tr("Change model")));
  updateModelIndicators();
  return true;
}

void MainWindow::updateModelIndicators() {
  const zoom::ProjectSettings& s = project_->settings();
  QList<QPair<QString, QString>> models{{tr("Draft painter (no model)"), QString::fromLatin1(kDraftModel)}};
  const QString configured = prefs::modelLocation();
  if (!configured.isEmpty()) models.append({QFileInfo(configured).fileName(), configured});
  if (!s.model.isEmpty() && s.model != configured) models.append({QFileInfo(s.model).fileName(), s.model});
  panel_->setModels(models, s.painter == zoom::PainterKind::Draft ? QString::fromLatin1(kDraftModel) : s.model);

  const bool draft = s.painter == zoom::PainterKind::Draft;
  status_->setModel(draft ? tr("draft painter") : QFileInfo(s.model).fileName());
  const auto rt = diffusion::runtimeInfo();
  const QString device = prefs::device();
  const bool cuda = device == QLatin1String("cuda") || (device == QLatin1String("auto") && rt.cudaAvailable);
  status_->setDevice(draft ? tr("CPU (draft)")
                           : cuda ? QString::fromStdString(rt.cudaDeviceName.empty() ? "CUDA" : rt.cudaDeviceName)
                                  : tr("CPU, %n thread(s)", nullptr, rt.intraOpThreads));
  // The banner: nothing usable is configured (it stays hidden once dismissed, or when a model exists).
  const bool haveModel = modelExists(configured) || (!draft && modelExists(s.model));
  banner_->setVisible(!haveModel && !prefs::bannerDismissed());
}

void MainWindow::updateActions() {
  const bool busy = jobRunning_ || engine_->isBusy();
  const int count = project_->keyframeCount();
  const bool hasFirst = count > 0 && !project_->keyframe(0).image.isNull();
  const int selected = timeline_->selectedIndex();
  a_.generateFirst->setEnabled(!busy);
  a_.addKeyframes->setEnabled(!busy && hasFirst);
  a_.regenerateSelected->setEnabled(!busy && selected >= 0 && selected < count &&
                                    !project_->keyframe(selected).imported);
  a_.regenerateStale->setEnabled(!busy && !project_->staleKeyframes().empty());
  a_.stop->setEnabled(busy);
  a_.importImage->setEnabled(!busy);
  a_.newProject->setEnabled(!busy);
  a_.open->setEnabled(!busy);
  recentMenu_->setEnabled(!busy);
  const bool exportable = hasFirst && !exporting_;
  a_.exportMp4->setEnabled(exportable);
  a_.exportWebm->setEnabled(exportable);
  a_.exportFrames->setEnabled(exportable);
  a_.play->setEnabled(exportable && count > 1);
  // The engine writes into the chain while it works; undo would fight it.
  undo_->setActive(!busy);
  a_.undo->setEnabled(!busy && undo_->canUndo());
  a_.redo->setEnabled(!busy && undo_->canRedo());
  panel_->setEnabled(true);
}

void MainWindow::updateTitle() {
  const QString path = project_->filePath();
  const QString name = path.isEmpty() ? tr("Untitled") : QFileInfo(path).completeBaseName();
  setWindowTitle(tr("Droste — %1[*]").arg(name));  // starts with the app name: window lists and the smoke test find it
  setWindowModified(project_->isModified());
}

// What the timeline shows of keyframe `index`; an imported picture has no seed, so none is named.
TimelineEntry MainWindow::timelineEntry(int index) const {
  const zoom::Keyframe& k = project_->keyframe(index);
  TimelineEntry e{k.image, badgeFor(k.state), {}};
  e.tooltip = k.imported ? tr("Imported picture") : tr("Seed %1\n%2").arg(k.seed).arg(project_->effectivePrompt(index));
  if (!k.error.isEmpty()) e.tooltip += QStringLiteral("\n") + k.error;
  return e;
}

void MainWindow::refreshTimeline() {
  renderer_.reset();
  QList<TimelineEntry> entries;
  for (int i = 0; i < project_->keyframeCount(); ++i) entries.append(timelineEntry(i));
  const int before = timeline_->count();
  timeline_->setEntries(entries);
  if (timeline_->count() > before && timeline_->selectedIndex() < 0 && timeline_->count() > 0)
    timeline_->setSelectedIndex(0);
  showKeyframe(timeline_->selectedIndex());
  updateActions();
}

void MainWindow::refreshTimelineEntry(int index) {
  renderer_.reset();
  if (index < 0 || index >= project_->keyframeCount() || index >= timeline_->count()) return refreshTimeline();
  timeline_->setEntry(index, timelineEntry(index));
  if (index == timeline_->selectedIndex()) showKeyframe(index);
  updateActions();
}

void MainWindow::showKeyframe(int index) {
  if (index < 0 || index >= project_->keyframeCount()) {
    preview_->setImage({});
    preview_->setInput({}, {});
    updateActions();
    return;
  }
  const zoom::Keyframe& k = project_->keyframe(index);
  const QString origin = k.imported ? tr("imported picture") : tr("seed %1").arg(k.seed);
  QString caption = tr("Keyframe %1 of %2 · %3 · %4")
                        .arg(index + 1).arg(project_->keyframeCount()).arg(origin, TimelineWidget::badgeName(badgeFor(k.state)));
  if (k.state == zoom::KeyframeState::Failed && !k.error.isEmpty()) caption += QStringLiteral(" — ") + k.error;
  preview_->setImage(k.image, caption);
  if (!k.imported) panel_->showSeed(k.seed);  // lock it to repaint this keyframe with the same seed
  const auto input = inputs_.find(index);
  if (input != inputs_.end()) preview_->setInput(input->second.first, input->second.second);
  else preview_->setInput({}, {});
  updateActions();
}

void MainWindow::reportError(const QString& title, const QString& message) {
  lastError_ = message;
  qCWarning(lcUi) << title << message;
  statusBar()->showMessage(message, 10'000);
  // Not modal-blocking: a job's failure must not stop the event loop (or a test) on a dialog.
  auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
}

void MainWindow::restoreLayout() {
  const QByteArray geometry = prefs::windowGeometry();
  if (geometry.isEmpty() || !restoreGeometry(geometry)) {
    // First start: a roomy window, but never larger than the screen's free area (1280x800 laptops).
    QSize size(1360, 860);
    if (const QScreen* screen = QGuiApplication::primaryScreen()) size = size.boundedTo(screen->availableGeometry().size());
    resize(size);
  }
  restoreState(prefs::windowState());
  if (!mainSplitter_->restoreState(prefs::mainSplitterState())) mainSplitter_->setSizes({640, 180});
  if (!topSplitter_->restoreState(prefs::topSplitterState())) topSplitter_->setSizes({380, 980});
}

void MainWindow::saveLayout() {
  prefs::windowGeometry().set(saveGeometry());
  prefs::windowState().set(saveState());
  prefs::mainSplitterState().set(mainSplitter_->saveState());
  prefs::topSplitterState().set(topSplitter_->saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!maybeSave()) {
    event->ignore();
    return;
  }
  engine_->cancel();
  saveLayout();
  autosaver_->discard();  // a clean exit leaves no autosave behind
  event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  for (const QUrl& url : event->mimeData()->urls()) {
    if (url.isLocalFile()) {
      const QString path = url.toLocalFile();
      if (path.endsWith(QLatin1String(".droste"), Qt::CaseInsensitive)) {
        if (maybeSave()) openProject(path);
      } else {
        startFromImage(path);
      }
      event->acceptProposedAction();
      return;
    }
  }
}

}  // namespace droste::ui
