#pragma once
// The main window: prompt panel on the left, the preview in the middle, the keyframe timeline along
// the bottom, the job status in the status bar. It owns the project document, its undo stack and the
// engine, and turns the artist's actions into undoable edits and engine jobs (awaited with QCoro).
#include "core/engine/engine.h"
#include "ui/export_dialog.h"
#include "ui/prompt_panel.h"

#include <QCoro/QCoroTask>
#include <QMainWindow>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <thread>

class QSplitter;
class QUndoStack;
class QMenu;
class QToolBar;

namespace droste::render {
class ZoomRenderer;
}

namespace droste::zoom {
class Project;
class Autosaver;
}

namespace droste::ui {

class PreviewWidget;
class TimelineWidget;
struct TimelineEntry;
class ModelBanner;
class JobStatusBar;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  zoom::Project* project() const { return project_; }
  engine::Engine* engine() const { return engine_.get(); }
  QUndoStack* undoStack() const { return undo_; }
  PromptPanel* promptPanel() const { return panel_; }
  PreviewWidget* preview() const { return preview_; }
  TimelineWidget* timeline() const { return timeline_; }
  JobStatusBar* jobStatus() const { return status_; }
  ModelBanner* modelBanner() const { return banner_; }
  QString lastError() const { return lastError_; }

  // File operations without dialogs (the menu actions ask for the path, then call these).
  bool openProject(const QString& path);
  bool saveProject(const QString& path);
  bool startFromImage(const QString& path);
  // Makes the model at location the project's painter and the default; a model that cannot be used is
  // refused with the reason (headers and configs only), changing nothing. Returns whether it was taken.
  bool useModel(const QString& location);
  // Renders and encodes the zoom; resolves to true when the file was written. A preview is the quick
  // video Play Preview shows: its progress says so, not "Export".
  enum class ExportPurpose { File, Preview };
  QCoro::Task<bool> exportZoom(ExportChoices choices, ExportPurpose purpose = ExportPurpose::File);

  // At start-up: offers the autosave a crashed session left behind.
  void offerAutosave();

 Q_SIGNALS:
  void jobFinished(bool ok, const QString& error);
  void exportFinished(bool ok, const QString& error);

 protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  void changeEvent(QEvent* event) override;  // LanguageChange: every text again

 private:
  // ---- construction (main_window.cpp)
  void createWidgets();
  void createActions();
  void createMenusAndToolbar();
  void retranslateUi();  // texts of actions, menus and tool bar in the current language
  void updateUndoTexts();
  void connectProject();
  void connectEngine();
  void restoreLayout();
  void saveLayout();
  void updateActions();
  void updateTitle();
  void updateModelIndicators();
  void refreshTimeline();
  TimelineEntry timelineEntry(int index) const;
  void refreshTimelineEntry(int index);
  void showKeyframe(int index);
  void showScrub(double position);
  std::shared_ptr<const render::ZoomRenderer> zoomRenderer();  // null while no keyframe is painted
  void reportError(const QString& title, const QString& message);

  // ---- settings <-> panel (main_window.cpp)
  PanelValues panelValuesFromProject() const;
  void applyPanelEdit(const QString& field);
  void chooseModel(bool folder);

  // ---- jobs (main_window_jobs.cpp)
  void generateFirstKeyframe();
  void addKeyframes();
  void regenerateSelected();
  void regenerateStale();
  void regenerateKeyframe(int index, bool keepSeed);
  // Runs one engine job; the keyframe chain before and after becomes one undo step.
  QCoro::Task<> runChainJob(QString undoText, std::function<QCoro::Task<engine::JobResult>()> start);
  void onProgress(const engine::Progress& progress);
  void editKeyframePrompt(int index);
  void insertKeyframeAfter(int index);
  void deleteKeyframe(int index);
  void saveKeyframePng(int index);
  void editChain(const QString& undoText, const std::function<void()>& edit);
  // Pushes a settings edit; a new keyframe size or ring also turns the keyframes painted for the old
  // geometry stale, in the same undo step (main_window_jobs.cpp).
  void pushSettingsEdit(const zoom::ProjectSettings& before, const zoom::ProjectSettings& after,
                        const QString& field, const QString& undoText);

  // ---- files (main_window_files.cpp)
  void newProject();
  void openProjectDialog();
  bool save();
  bool saveAsDialog();
  void importImageDialog();
  void exportDialog(ExportFormat format);
  QCoro::Task<> runExport(ExportChoices choices);
  void playPreview();
  QCoro::Task<> playPreviewTask();
  bool maybeSave();  // false = the user cancelled
  void addRecent(const QString& path);
  void rebuildRecentMenu();
  void showSettingsDialog();
  void showDownloadModelDialog();  // the first-run banner's "Download a model…"
  void showAbout();

  std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // coroutines hold a weak_ptr: resumed after close?
  zoom::Project* project_ = nullptr;
  std::unique_ptr<engine::Engine> engine_;
  QUndoStack* undo_ = nullptr;
  zoom::Autosaver* autosaver_ = nullptr;

  PromptPanel* panel_ = nullptr;
  PreviewWidget* preview_ = nullptr;
  TimelineWidget* timeline_ = nullptr;
  ModelBanner* banner_ = nullptr;
  JobStatusBar* status_ = nullptr;
  QSplitter* mainSplitter_ = nullptr;
  QSplitter* topSplitter_ = nullptr;
  QMenu* recentMenu_ = nullptr;
  struct Menus {
    QMenu *file, *edit, *generate, *view, *settings, *help;
    QToolBar* tools;
  } menus_{};

  struct Actions {
    QAction *newProject, *open, *save, *saveAs, *importImage, *exportMp4, *exportWebm, *exportFrames, *quit;
    QAction *undo, *redo;
    QAction *generateFirst, *addKeyframes, *regenerateSelected, *regenerateStale, *stop;
    QAction *play, *fullScreen;
    QAction *settings, *about;
  } a_{};

  int liveKeyframe_ = -1;
  engine::Progress lastProgress_;
  std::map<int, std::pair<QImage, QImage>> inputs_;  // keyframe -> (padded input, mask), this session
  std::pair<QImage, QImage> pendingInputs_;          // inputs of the keyframe being painted
  std::shared_ptr<const render::ZoomRenderer> renderer_;  // reset whenever the chain changes
  bool jobRunning_ = false;
  bool exporting_ = false;
  std::shared_ptr<std::atomic_bool> exportCancel_;  // the running export's cancel flag
  std::thread exportThread_;
  QString lastError_;
};

}  // namespace droste::ui
