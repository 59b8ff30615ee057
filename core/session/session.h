#pragma once
// The session controller: one open project and everything done to it. It owns the Project, its undo
// stack, the autosave, the render cache and the inputs each keyframe was painted from; it asks the
// engine for paintings and exports and is the one place where a job's outcome is committed: a job
// that succeeds (or finishes some keyframes) becomes one undo step, a job that fails or is cancelled
// before finishing a keyframe leaves the project exactly as it was. No widgets: the window shows the
// session's state and calls it (in the spirit of qBittorrent's BitTorrent::Session).
//
// Data flow: click -> MainWindow -> Session (edit the project / start a job) -> Engine (worker thread)
// -> progress and finished keyframes back on this thread -> Session commits (undo step) -> signals ->
// the views refresh from the project.
#include "core/engine/engine.h"
#include "core/zoom/keyframe.h"

#include <QCoro/QCoroTask>
#include <QImage>
#include <QObject>
#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <optional>

class QUndoStack;

namespace droste::render {
class ZoomRenderer;
}

namespace droste::zoom {
class Project;
class Autosaver;
}  // namespace droste::zoom

namespace droste::session {

// What a settings edit did to the painted chain, for the window to say.
struct SettingsEffect {
  bool applied = false;     // false: nothing changed, or `error` says why not
  QString error;
  int newlyStale = 0;       // keyframes the new geometry turned stale
  bool affectsOnlyNewKeyframes = false;  // method or padding changed on a painted chain
};

// The autosave a crashed session left behind, and the project it belongs to (empty: an untitled one).
struct RecoverableWork {
  QString autosave, original;
};

// What a keyframe was painted from (the padded picture and the mask), while this session lasts.
struct PaintInputs {
  QImage padded, mask;
};

class Session : public QObject {
  Q_OBJECT
 public:
  // `engine` outlives the session (the app creates both, and frees them in reverse).
  explicit Session(engine::Engine* engine, QObject* parent = nullptr);
  ~Session() override;

  zoom::Project* project() const { return project_; }
  QUndoStack* undoStack() const { return undo_; }
  engine::Engine* engine() const { return engine_; }
  bool isPainting() const { return painting_; }   // a painting job of this session runs
  bool isExporting() const { return exporting_; }

  // ---- edits: each is one undo step (or none when nothing changes)
  SettingsEffect editSettings(const zoom::ProjectSettings& after, const QString& field, const QString& undoText);
  // The caller has checked that the model can be used. While the chain is empty the keyframes follow the
  // model's native size (nativeSide > 0: 1024 for SDXL), in their shape, with the ring in proportion;
  // returns true when it changed them.
  bool setModel(const QString& location, int nativeSide = 0);
  void setKeyframePrompt(int index, const QString& text);  // equal to the project's prompt: follow it
  void insertKeyframeAfter(int index);
  void deleteKeyframe(int index);
  void importFirstKeyframe(const QImage& image);  // throws when the picture cannot be fitted

  // ---- jobs: resolve when committed; jobFinished says the same
  QCoro::Task<engine::JobResult> generateFirst(quint64 seed);
  // `seed`: every new keyframe gets it (a locked seed); none: each gets a fresh one.
  QCoro::Task<engine::JobResult> addKeyframes(int count, std::optional<quint64> seed);
  // `seed`: paint with it (a locked seed); else keepSeed decides between the keyframe's and a new one.
  QCoro::Task<engine::JobResult> regenerate(int index, bool keepSeed, std::optional<quint64> seed);
  QCoro::Task<engine::JobResult> regenerateStale();
  // The Droste effect: the chain's ends become one picture (zoom::closeLoop); one undo step.
  QCoro::Task<engine::JobResult> closeLoop();
  // Keyframe `index` becomes the artist's picture (the one inside it pasted in, the seam repainted);
  // index == keyframe count appends it as the picture the zoom ends on. One undo step.
  QCoro::Task<engine::JobResult> replaceWithPicture(int index, QImage picture);
  // The render copies for videos of `outputSize` (detailStrength 0: enlarged only); no undo step (the
  // keyframes do not change), the project keeps and saves them while its chain stays the same.
  QCoro::Task<engine::JobResult> makeRenderCopies(QSize outputSize, double detailStrength);
  // Renders and encodes the chain as it is now; queued behind running paintings.
  // useRenderCopies: frames larger than the keyframes draw from current render copies (exportRenderer).
  QCoro::Task<engine::ExportJobResult> exportZoom(video::ExportSettings settings, QString name,
                                                  bool useRenderCopies = true);
  void cancel();  // the running job stops, the waiting ones are dropped

  // ---- files; the first three throw std::runtime_error with an artist-readable message
  void openProject(const QString& path);
  void saveProject(const QString& path);
  // The newest work a crash left behind: the autosave of the most recent project, else of an untitled one.
  static std::optional<RecoverableWork> findRecoverableWork(const QStringList& recentProjects);
  void recover(const RecoverableWork& work);  // opens it as unsaved changes; the autosave file goes
  // An empty project that keeps the painter, model and sampler; with nativeSide (the model's, e.g. 1024
  // for SDXL) its keyframes take that size, as setModel gives them before the first keyframe.
  void newProject(int nativeSide = 0);
  void discardAutosave(); // a clean exit leaves none behind

  // ---- views
  std::shared_ptr<const render::ZoomRenderer> renderer();  // null while no keyframe is painted
  // What an export of frames this large draws from: the render copies when they are current and the
  // frames are larger than the keyframes, else renderer().
  std::shared_ptr<const render::ZoomRenderer> exportRenderer(QSize outputSize);
  // True when the project holds current render copies made with this strength, large enough for these frames.
  bool hasRenderCopiesFor(QSize outputSize, double detailStrength) const;
  std::optional<PaintInputs> paintInputs(int index) const;

 Q_SIGNALS:
  void paintingChanged(bool painting);
  void exportingChanged(bool exporting);
  void jobFinished(const droste::engine::JobResult& result, const QString& undoText);
  void autosaveFailed(const QString& message);
  void error(const QString& title, const QString& message);  // an edit that could not be made

 private:
  // Runs one painting job; the chain before and after becomes one undo step, or is restored.
  QCoro::Task<engine::JobResult> runChainJob(QString undoText,
                                             std::function<QCoro::Task<engine::JobResult>()> start);
  // Applies `edit` to the chain as one undo step; restores the chain when it throws (and rethrows).
  void editChain(const QString& undoText, const std::function<void()>& edit);
  void forgetPaintInputs();

  engine::Engine* engine_;
  zoom::Project* project_;
  QUndoStack* undo_;
  zoom::Autosaver* autosaver_;
  bool painting_ = false;
  bool exporting_ = false;
  std::shared_ptr<const render::ZoomRenderer> renderer_;  // reset whenever the chain changes
  std::map<int, PaintInputs> inputs_;
  PaintInputs pendingInputs_;  // of the keyframe being painted
};

}  // namespace droste::session
