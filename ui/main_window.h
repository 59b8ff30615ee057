#pragma once
// The main window: prompt panel on the left, the preview in the middle, the keyframe timeline along
// the bottom, the job status in the status bar. Wiring and view only: the session (core/session) owns
// the project, its undo stack, the jobs and the exports; the window shows its state and calls it.
#include "core/engine/engine.h"
#include "ui/export_dialog.h"
#include "ui/prompt_panel.h"

#include <QCoro/QCoroTask>
#include <QMainWindow>

#include <memory>

class QUndoStack;

namespace droste::zoom {
class Project;
}

namespace droste::session {
class Session;
}

namespace droste::ui {

class PreviewWidget;
class TimelineWidget;
class ModelBanner;
class JobStatusBar;
class MainActions;
class RecentProjects;
class ChainView;
struct WindowLayout;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  // `session` outlives the window (gui_main creates the engine, the session, then the window).
  explicit MainWindow(session::Session* session, QWidget* parent = nullptr);
  ~MainWindow() override;

  session::Session* session() const { return session_; }
  zoom::Project* project() const;
  engine::Engine* engine() const;
  QUndoStack* undoStack() const;
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
  // ---- construction and view (main_window.cpp)
  void connectActions();
  void connectSession();
  void updateActions();
  void updateTitle();
  void updateModelIndicators();
  // message: what happened; the advice for kind (ui/error_text.h) goes under it in the box.
  void reportError(const QString& title, const QString& message, ErrorKind kind = ErrorKind::Failed);
  void applyPanelEdit(const QString& field);
  void chooseModel(bool folder);

  // ---- jobs (main_window_jobs.cpp)
  void generateFirstKeyframe();
  void addKeyframes();
  void regenerateKeyframe(int index, bool keepSeed);
  void onJobFinished(const engine::JobResult& result, const QString& undoText);
  void onProgress(const engine::Progress& progress);
  void editKeyframePrompt(int index);
  void saveKeyframePng(int index);

  // ---- files (main_window_files.cpp)
  void newProject();
  void openProjectDialog();
  bool save();
  bool saveAsDialog();
  void importImageDialog();
  // Keyframe `index` (the keyframe count: a new last one) from a picture the artist picks.
  void replaceWithPictureDialog(int index);
  bool maybeSave();  // false = the user cancelled
  void showSettingsDialog();
  void showDownloadModelDialog();  // the first-run banner's "Download a model…"
  void showAbout();

  // ---- export (main_window_export.cpp)
  void exportDialog(ExportFormat format);
  QCoro::Task<> runExport(ExportChoices choices);
  QCoro::Task<> playPreview();

  std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // coroutines hold a weak_ptr: resumed after close?
  session::Session* session_;

  std::unique_ptr<WindowLayout> layout_;
  PromptPanel* panel_ = nullptr;
  PreviewWidget* preview_ = nullptr;
  TimelineWidget* timeline_ = nullptr;
  ModelBanner* banner_ = nullptr;
  JobStatusBar* status_ = nullptr;
  MainActions* a_ = nullptr;
  RecentProjects* recent_ = nullptr;
  ChainView* chain_ = nullptr;

  QString lastError_;
};

}  // namespace droste::ui
