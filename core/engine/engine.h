#pragma once
// The worker-thread engine. An Engine object lives on the caller's (GUI) thread; it owns a worker
// thread that owns the loaded model and runs one painting at a time. Every public call returns at
// once with an awaitable (QCoro::Task or QFuture); progress and per-step previews arrive as signals
// on the caller's thread. Failures (bad model, out of memory, NaNs) come back as JobResult errors and
// the engine stays usable. Cancel takes effect within one denoising step (or one exported frame).
// Exports are jobs in the same line as painting: one worker thread, one queue, one cancel.
#include "core/errors.h"
#include "core/video/export_job.h"
#include "core/zoom/keyframe.h"
#include "core/zoom/render_copies.h"

#include <QFuture>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QString>
#include <QCoro/QCoroTask>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <variant>
#include <vector>

namespace droste::zoom {
class Painter;
class Project;
}

namespace droste::engine {

// Which painter to load. For StableDiffusion, `model` is a diffusers folder or a single checkpoint.
struct ModelSpec {
  zoom::PainterKind painter = zoom::PainterKind::Draft;
  QString model;
  QString device = QStringLiteral("auto");     // auto | cpu | cuda
  QString precision = QStringLiteral("auto");  // auto | fp32 | fp16 | bf16
  bool operator==(const ModelSpec&) const = default;
};

// Everything one generation needs, copied (so the worker never touches the Project).
struct KeyframeRequest {
  QImage previous;  // keyframe to outpaint from; null = paint the first keyframe from the prompt
  zoom::OutpaintOptions options;
  QString prompt;
  QString negativePrompt;
  std::uint64_t seed = 0;
  int steps = 25;
  double guidance = 7.5;
  QString scheduler;
  // Closing the loop instead (zoom::closeLoop): the whole painted chain; the seam band of keyframe 1
  // is painted with this request's prompt and seed.
  std::vector<QImage> loopChain;
  // The artist's picture instead (zoom::keyframeFromPicture): fitted to the keyframe, `previous` (when
  // there is one) pasted into its centre and the seam repainted.
  QImage picture;
  zoom::ImportFit fit = zoom::ImportFit::CenterCrop;
  // Render copies instead (zoom::makeRenderCopies) of the chain in loopChain, at this size; the detail
  // pass (strength > 0) paints each copy with its keyframe's prompts, and this request's seed, steps and sampler.
  QSize renderCopySize;
  double detailStrength = 0.0;
  std::vector<zoom::KeyframePrompts> detailPrompts;
};

struct PaintOutcome {
  QImage image;      // W x H, Format_RGB888; null unless ok() (a closed loop: its keyframe 1)
  std::vector<QImage> loopChain;  // a closed loop: every keyframe
  std::optional<zoom::RenderCopies> renderCopies;  // render copies, their PNGs encoded
  bool cancelled = false;
  QString error;     // what happened (JobResult::error)
  ErrorKind errorKind = ErrorKind::Failed;
  double seconds = 0.0;
  bool ok() const { return !cancelled && error.isEmpty() && !image.isNull(); }
};

enum class ProgressUnit { Steps, Frames };

struct Progress {
  QString job;              // what runs, in words ("Painting keyframe 3")
  ProgressUnit unit = ProgressUnit::Steps;  // Frames: an export counts frames in step/total
  int keyframe = -1;        // index of the keyframe being painted, -1 when none
  int keyframeNumber = 0;   // 1-based position within this job
  int keyframeTotal = 0;    // keyframes this job paints
  int step = 0;             // denoising steps done for this keyframe
  int total = 0;            // denoising steps per generation x generations for this keyframe
  double itPerSec = 0.0;    // measured denoising steps per second (0 until known)
  double etaSeconds = -1.0; // for the whole job; < 0 = unknown
};

struct JobResult {
  bool ok = true;
  bool cancelled = false;
  QString error;            // what happened, empty when ok; the advice for errorKind is the front end's
  int keyframesPainted = 0;
  ErrorKind errorKind = ErrorKind::Failed;
  static JobResult success(int painted = 0) { return {true, false, {}, painted}; }
  static JobResult failure(const QString& message, int painted = 0, ErrorKind kind = ErrorKind::Failed) {
    return {false, false, message, painted, kind};
  }
  static JobResult failure(const std::exception& e, int painted = 0);  // its message and kind
  static JobResult canceled(int painted = 0) { return {false, true, QStringLiteral("Cancelled"), painted}; }
};

struct ExportJobResult {
  JobResult job;
  QString path;  // the written file or folder; empty unless job.ok
  int frames = 0;
};

class EngineWorker;
class Mailbox;

class Engine : public QObject {
  Q_OBJECT
 public:
  explicit Engine(QObject* parent = nullptr);
  ~Engine() override;  // cancels what runs, then stops and joins the worker thread

  // ---- high-level jobs on a Project (call from the project's thread). They run in the order they were
  // asked for; each paints with the project's settings, loading the project's model first when needed,
  // and writes every finished keyframe into the project at once (state Generating -> Fresh / Failed).
  QCoro::Task<JobResult> loadModel(ModelSpec spec);
  QCoro::Task<JobResult> generateFirst(zoom::Project* project);            // (re)paints keyframe 0 from the prompt
  QCoro::Task<JobResult> outpaintNext(zoom::Project* project, int count);   // appends `count` keyframes
  QCoro::Task<JobResult> regenerate(zoom::Project* project, int index, bool keepSeed);  // later ones turn stale
  QCoro::Task<JobResult> regenerateStale(zoom::Project* project);          // repaints stale/failed ones in order
  // Closes the loop (zoom::closeLoop): every keyframe changes; painted counts 1 (the seam) when it worked.
  QCoro::Task<JobResult> closeLoop(zoom::Project* project);
  // Keyframe `index` becomes `picture` (fitted; the keyframe inside it pasted into its centre, the seam
  // repainted); it counts as imported (never repainted) and the keyframes after it turn stale.
  // index == keyframeCount() appends it: an exit picture the zoom ends on.
  QCoro::Task<JobResult> replaceWithPicture(zoom::Project* project, int index, QImage picture, zoom::ImportFit fit);
  // Makes the project's render copies for frames of `outputSize` (zoom::makeRenderCopies), with the model's
  // detail pass at `detailStrength` (0: enlarged only); progress counts the pass's denoising steps.
  QCoro::Task<JobResult> makeRenderCopies(zoom::Project* project, QSize outputSize, double detailStrength);
  // Renders and encodes the zoom after the jobs before it; progress counts frames. `chain` is asked
  // for its snapshot when the export's turn comes, so keyframes painted by the jobs queued before it are
  // in the video; null (or a throw) means there is nothing to export. `name` is what the progress says.
  using ChainSnapshot = std::function<std::shared_ptr<const render::ZoomRenderer>()>;
  QCoro::Task<ExportJobResult> exportZoom(ChainSnapshot chain, video::ExportSettings settings, QString name);

  // ---- low level: one generation on the worker thread (first keyframe when request.previous is null,
  // else an outpainted one). Errors and cancellation come back in the outcome, never as exceptions.
  QFuture<PaintOutcome> paintKeyframe(const KeyframeRequest& request);
  // Replaces the worker's painter (tests, plug-ins); `spec` is what loadedModel() reports afterwards.
  QFuture<void> installPainter(std::shared_ptr<zoom::Painter> painter, const ModelSpec& spec);

  // The steady clock (milliseconds) that it/s and time left are measured with; tests give a fake one.
  void setClock(std::function<qint64()> msNow);

  // Stops the running generation within one denoising step and drops the jobs waiting behind it.
  void cancel();
  bool isBusy() const { return busy_; }
  ModelSpec loadedModel() const { return loaded_; }  // painter Draft when nothing else is loaded

 Q_SIGNALS:
  void busyChanged(bool busy);
  void progress(const droste::engine::Progress& progress);
  void preview(const QImage& image);                         // cheap per-step preview of the picture
  void paintInputs(const QImage& padded, const QImage& mask); // what the painter is given, before it starts
  void keyframeFinished(int index);
  void modelLoaded(const droste::engine::ModelSpec& spec);
  void jobFailed(const QString& message);

 private:
  struct Turn;
  struct JobTimer;
  struct Running;
  // One painter call prepared from the project when the job's turn comes (a request, or why it cannot
  // run) and written into it by `commit`: closing the loop, a keyframe from a picture.
  using Prepare = std::function<std::variant<KeyframeRequest, QString>(const zoom::Project&)>;
  using Commit = std::function<void(zoom::Project&, const PaintOutcome&)>;
  QCoro::Task<JobResult> runSingleJob(QPointer<zoom::Project> project, QString name, int keyframe, Prepare prepare,
                                      Commit commit, std::shared_ptr<Turn> turn);
  // Paints `indices` in order (appending `append` new keyframes first when > 0) after the jobs before it.
  QCoro::Task<JobResult> runChainJob(QPointer<zoom::Project> project, QString name, std::vector<int> indices,
                                     int append, std::shared_ptr<Turn> turn);
  // On the worker thread: paints one keyframe; progress and previews go to `self` through `inbox`.
  static PaintOutcome paintOnWorker(zoom::Painter& painter, const KeyframeRequest& request,
                                    const std::atomic_bool* cancel, Mailbox* inbox, QPointer<Engine> self);
  void reportKeyframeStarted(const QString& job, int index, int number);
  // Writes a finished painting into the project; the job's result when the job ends here (cancelled,
  // failed), nothing when it goes on.
  std::optional<JobResult> commitPainting(zoom::Project& project, int index, const PaintOutcome& outcome,
                                          bool appending, int painted);
  std::shared_ptr<Turn> takeTurn();  // a place in line, taken synchronously when the job is asked for
  QCoro::Task<JobResult> ensurePainter(const zoom::ProjectSettings& settings);
  QFuture<JobResult> submitLoad(const ModelSpec& spec);
  QFuture<ExportJobResult> submitExport(std::shared_ptr<const render::ZoomRenderer> renderer,
                                        const video::ExportSettings& settings);
  std::shared_ptr<std::atomic_bool> newCancelFlag();
  void onWorkerProgress(int step, int total, const QImage& image);
  void onExportProgress(int framesDone, int frameCount, double etaSeconds);
  void jobStarted();
  void jobEnded();

  std::unique_ptr<QThread> thread_;
  std::unique_ptr<EngineWorker> worker_;  // lives on thread_; freed only after thread_ has stopped
  std::unique_ptr<Mailbox> inbox_;        // on this thread: the worker's progress, previews and finished promises
  std::shared_ptr<Turn> tail_;      // the last job in line
  std::vector<std::weak_ptr<std::atomic_bool>> cancelFlags_;  // of submitted worker jobs
  std::uint64_t cancelEpoch_ = 0;   // jobs waiting in line when cancel() is called are dropped
  int running_ = 0;
  bool busy_ = false;
  ModelSpec loaded_;
  Progress current_;
  std::unique_ptr<JobTimer> timer_;
  std::function<qint64()> clock_;
};

}  // namespace droste::engine
