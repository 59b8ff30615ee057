#include "core/engine/engine.h"

#include "core/engine/mailbox.h"
#include "core/engine/painter_factory.h"
#include "core/engine/thread_priority.h"
#include "core/logging.h"
#include "core/zoom/draft_painter.h"
#include "core/zoom/loop.h"
#include "core/zoom/seam.h"
#include "core/zoom/outpaint.h"
#include "core/zoom/project.h"
#include "core/zoom/project_file.h"

#include <QElapsedTimer>
#include <QPromise>
#include <QCoro/QCoroFuture>

#include <exception>
#include <functional>

namespace droste::engine {

// Owns the painter; only ever touched on the worker thread, where it lives. Jobs are posted to it and run one
// at a time (Mailbox: visible to ThreadSanitizer).
class EngineWorker : public Mailbox {
 public:
  std::shared_ptr<zoom::Painter> painter = std::make_shared<zoom::DraftPainter>();
};

// A job's place in line: it starts when the job before it has finished.
struct Engine::Turn {
  QPromise<void> done;       // finished (or cancelled by the destructor) when this job ends
  QFuture<void> previous;
  bool hasPrevious = false;
  std::uint64_t epoch = 0;
  Turn() { done.start(); }
  ~Turn() { end(); }
  // The next job may start. Called when the job's body ends, not when the last reference to the
  // turn goes away: coroutine frames (holding copies) can outlive the job.
  void end() { done.finish(); }
};

namespace {
// Ends a job's turn when the coroutine body leaves its scope (co_return or exception).
template <typename TurnT>
struct TurnEnd {
  std::shared_ptr<TurnT> turn;
  ~TurnEnd() { turn->end(); }
};
}  // namespace

// A job counts as running (busy) from construction to destruction, unless the engine went away meanwhile.
struct Engine::Running {
  QPointer<Engine> engine;
  explicit Running(Engine* e) : engine(e) { e->jobStarted(); }
  ~Running() {
    if (engine) engine->jobEnded();
  }
};

// Step timing for it/s and ETA over a whole job.
struct Engine::JobTimer {
  qint64 startMs = 0;
  int stepsDone = 0;       // in finished keyframes
  int stepsPerKeyframe = 0;
  int firstStepAt = -1;    // ms when the first step of the job finished (setup excluded from the rate)
  int stepsAtFirst = 0;
};

namespace {

QString messageOf(const std::exception& e) { return QString::fromStdString(e.what()); }

}  // namespace

JobResult JobResult::failure(const std::exception& e, int painted) {
  return failure(messageOf(e), painted, errorKindOf(e));
}

namespace {

// A started promise that, should its job be dropped unrun (the engine shut down), still delivers
// `fallback`, so an awaiting coroutine always gets a result.
template <typename T>
std::shared_ptr<QPromise<T>> promiseWithFallback(T fallback) {
  auto promise = std::shared_ptr<QPromise<T>>(new QPromise<T>, [fallback](QPromise<T>* p) {
    if (!p->future().isFinished()) {
      p->addResult(fallback);
      p->finish();
    }
    delete p;
  });
  promise->start();
  return promise;
}

// The worker's last word on a job: its result, then the promise itself, handed to the engine's thread to be
// released there, where the result is read. Qt counts a future's references inside its uninstrumented library;
// released on the worker, the result could be freed there after the engine's thread had read it, and
// ThreadSanitizer could not see the order.
template <typename T>
void settle(std::shared_ptr<QPromise<T>>& promise, T result, Mailbox* inbox) {
  promise->addResult(std::move(result));
  promise->finish();
  inbox->post([released = std::move(promise)] {});
}
void settle(std::shared_ptr<QPromise<void>>& promise, Mailbox* inbox) {
  promise->finish();
  inbox->post([released = std::move(promise)] {});
}

// What the painter is asked for, besides the pictures.
zoom::PaintRequest paintRequestOf(const KeyframeRequest& request) {
  zoom::PaintRequest base;
  base.prompt = request.prompt;
  base.negativePrompt = request.negativePrompt;
  base.seed = request.seed;
  base.steps = request.steps;
  base.guidance = request.guidance;
  base.scheduler = request.scheduler;
  return base;
}

// Runs `paint` and times it; what it throws becomes the outcome: cancelled, or the artist's message.
PaintOutcome timedPaintOutcome(const std::function<QImage()>& paint) {
  PaintOutcome outcome;
  QElapsedTimer clock;
  clock.start();
  try {
    outcome.image = paint();
  } catch (const Cancelled&) {
    outcome = PaintOutcome{};
    outcome.cancelled = true;
  } catch (const std::exception& e) {
    outcome = PaintOutcome{};
    outcome.error = messageOf(e);
    outcome.errorKind = errorKindOf(e);
  } catch (...) {
    outcome = PaintOutcome{};
    outcome.error = QStringLiteral("An unknown error happened while painting");
  }
  outcome.seconds = clock.nsecsElapsed() / 1e9;
  return outcome;
}

// Why keyframe `index` cannot be painted from the one before it yet; empty when it can.
QString whyNotPaintable(const zoom::Project& project, int index) {
  if (index == 0) return {};
  const QImage& previous = project.keyframe(index - 1).image;
  if (previous.isNull())
    return QStringLiteral("Keyframe %1 has no picture yet: paint it before keyframe %2").arg(index - 1).arg(index);
  const QSize size = project.settings().outpaint.keyframeSize();
  if (previous.size() != size) {
    // The keyframe size changed after the previous keyframe was painted (keyframe numbers as the artist sees them).
    auto text = [](QSize s) { return QStringLiteral("%1x%2").arg(s.width()).arg(s.height()); };
    return QStringLiteral("Keyframe %1 was painted at %2 px but the keyframe size is now %3 px: "
                          "repaint it first (Regenerate stale), or go back to %2 px")
        .arg(index)
        .arg(text(previous.size()), text(size));
  }
  return {};
}

// The painter's request for keyframe `index` (outpainted from the one before it, unless it is the first).
KeyframeRequest keyframeRequest(const zoom::Project& project, int index) {
  const zoom::ProjectSettings& s = project.settings();
  KeyframeRequest request;
  if (index > 0) request.previous = project.keyframe(index - 1).image;
  request.options = s.outpaint;
  request.prompt = project.effectivePrompt(index);
  request.negativePrompt = project.effectiveNegativePrompt(index);
  request.seed = project.keyframe(index).seed;
  request.steps = s.steps;
  request.guidance = s.guidance;
  request.scheduler = s.scheduler;
  return request;
}

}  // namespace

Engine::Engine(QObject* parent)
    : QObject(parent),
      thread_(std::make_unique<QThread>()),
      worker_(std::make_unique<EngineWorker>()),
      inbox_(std::make_unique<Mailbox>()) {
  auto steady = std::make_shared<QElapsedTimer>();
  steady->start();
  clock_ = [steady] { return steady->elapsed(); };
  thread_->setObjectName(QStringLiteral("droste-engine"));
  worker_->moveToThread(thread_.get());
  thread_->start();
  // Painting keeps a core (with libtorch, every core) busy for minutes; the GUI thread must win the CPU
  // whenever it wakes, or the window stutters on a small machine. First in the worker's queue.
  worker_->post([] { lowerCurrentThreadPriority(kEngineNiceness); });
}

Engine::~Engine() {
  cancel();
  thread_->quit();
  thread_->wait();  // the running step finishes (it sees the cancel flag), then the thread ends
  // Freed here, before the other members, as before; the worker only once its thread has stopped.
  worker_.reset();
  thread_.reset();
}

void Engine::setClock(std::function<qint64()> msNow) { clock_ = std::move(msNow); }

std::shared_ptr<std::atomic_bool> Engine::newCancelFlag() {
  std::erase_if(cancelFlags_, [](const auto& weak) { return weak.expired(); });
  auto flag = std::make_shared<std::atomic_bool>(false);
  cancelFlags_.push_back(flag);
  return flag;
}

void Engine::cancel() {
  ++cancelEpoch_;
  for (const auto& weak : cancelFlags_)
    if (auto flag = weak.lock()) flag->store(true);
  cancelFlags_.clear();
}

void Engine::jobStarted() {
  if (++running_ == 1) {
    busy_ = true;
    Q_EMIT busyChanged(true);
  }
}

void Engine::jobEnded() {
  if (--running_ == 0) {
    busy_ = false;
    Q_EMIT busyChanged(false);
  }
}

QFuture<PaintOutcome> Engine::paintKeyframe(const KeyframeRequest& request) {
  PaintOutcome dropped;
  dropped.cancelled = true;
  auto promise = promiseWithFallback(dropped);
  QFuture<PaintOutcome> future = promise->future();
  auto cancel = newCancelFlag();
  QPointer<Engine> self(this);
  worker_->post([worker = worker_.get(), inbox = inbox_.get(), promise, cancel, request, self]() mutable {
    settle(promise, paintOnWorker(*worker->painter, request, cancel.get(), inbox, self), inbox);
  });
  return future;
}

PaintOutcome Engine::paintOnWorker(zoom::Painter& painter, const KeyframeRequest& request,
                                   const std::atomic_bool* cancel, Mailbox* inbox, QPointer<Engine> self) {
  std::vector<QImage> loopChain;
  std::optional<zoom::RenderCopies> copies;
  PaintOutcome outcome = timedPaintOutcome([&] {
    // Progress and previews go to the engine's thread through its inbox; the worker never waits.
    const zoom::PaintProgressFn progress = [inbox, self](const zoom::PaintProgress& p) {
      inbox->post([self, p] { if (self) self->onWorkerProgress(p.step, p.total, p.preview); });
    };
    const zoom::PaintInputFn inputs = [inbox, self](int, int, const QImage& image, const QImage& mask) {
      inbox->post([self, image, mask] { if (self) Q_EMIT self->paintInputs(image, mask); });
    };
    const zoom::PaintRequest base = paintRequestOf(request);
    if (!request.picture.isNull())
      return zoom::keyframeFromPicture(request.picture, request.fit, request.previous, request.options, painter, base,
                                       progress, cancel);
    if (!request.renderCopySize.isEmpty()) {
      const zoom::OutpaintOptions& o = request.options;
      const render::KeyframeStack stack{request.loopChain, o.width, o.height, o.outpaint, o.pasteBack && o.maskOverlap == 0};
      // The pass's progress in denoising steps: the tiles before this one, and this one's steps.
      const zoom::RenderCopyProgressFn copyProgress = [&progress](const zoom::RenderCopyProgress& p) {
        if (p.tile.total <= 0) return;
        progress(zoom::PaintProgress{p.tilesDone * p.tile.total + p.tile.step, p.tileCount * p.tile.total, p.tile.preview});
      };
      copies = zoom::makeRenderCopies(stack, request.renderCopySize, request.detailStrength > 0 ? &painter : nullptr,
                                      zoom::DetailSettings{request.detailStrength, base, request.detailPrompts}, copyProgress, cancel);
      zoom::encodeRenderCopies(*copies);  // here, not when the GUI thread saves
      return copies->images.front();
    }
    if (!request.loopChain.empty()) {
      zoom::ClosedLoop loop = zoom::closeLoop(request.loopChain, request.options, painter, base, progress, cancel);
      qCInfo(lcEngine) << "loop closed in" << loop.rounds << "rounds; its ends differ by" << loop.largestDifference;
      loopChain = std::move(loop.keyframes);
      return loopChain[1];
    }
    return request.previous.isNull()
               ? zoom::paintFirstKeyframe(request.options, painter, base, progress, cancel, inputs)
               : zoom::outpaintKeyframe(request.previous, request.options, painter, base, progress, cancel, inputs);
  });
  if (outcome.ok()) {
    outcome.loopChain = std::move(loopChain);
    outcome.renderCopies = std::move(copies);
  }
  return outcome;
}

QFuture<void> Engine::installPainter(std::shared_ptr<zoom::Painter> painter, const ModelSpec& spec) {
  auto promise = std::make_shared<QPromise<void>>();
  QFuture<void> future = promise->future();
  promise->start();
  worker_->post([worker = worker_.get(), inbox = inbox_.get(), promise, painter]() mutable {
    worker->painter = painter;
    settle(promise, inbox);
  });
  loaded_ = spec;
  return future;
}

QFuture<JobResult> Engine::submitLoad(const ModelSpec& spec) {
  auto promise = promiseWithFallback(JobResult::failure(QStringLiteral("The engine was shut down")));
  QFuture<JobResult> future = promise->future();
  worker_->post(
      [worker = worker_.get(), inbox = inbox_.get(), promise, spec]() mutable {
        JobResult result;
        try {
          worker->painter.reset();  // free the old model first: two may not fit in memory
          worker->painter = createPainter(spec);
        } catch (const std::exception& e) {
          result = JobResult::failure(e);
        } catch (...) {
          result = JobResult::failure(QStringLiteral("Loading the model failed for an unknown reason"));
        }
        if (!worker->painter) worker->painter = std::make_shared<zoom::DraftPainter>();
        settle(promise, std::move(result), inbox);
      });
  return future;
}

std::shared_ptr<Engine::Turn> Engine::takeTurn() {
  auto turn = std::make_shared<Turn>();
  if (tail_) {
    turn->previous = tail_->done.future();
    turn->hasPrevious = true;
  }
  turn->epoch = cancelEpoch_;
  tail_ = turn;
  return turn;
}

QCoro::Task<JobResult> Engine::loadModel(ModelSpec spec) {
  auto turn = takeTurn();
  const TurnEnd<Turn> turnEnd{turn};
  jobStarted();
  QPointer<Engine> self(this);
  const JobResult gone = JobResult::failure(QStringLiteral("The engine was shut down"));
  if (turn->hasPrevious) co_await turn->previous;
  if (!self) co_return gone;
  JobResult result;
  if (turn->epoch != cancelEpoch_) {
    result = JobResult::canceled();
  } else {
    result = co_await submitLoad(spec);
    if (!self) co_return gone;
    if (result.ok) {
      loaded_ = spec;
      Q_EMIT modelLoaded(spec);
    } else {
      loaded_ = ModelSpec{};  // the worker fell back to the draft painter
      Q_EMIT jobFailed(result.error);
    }
  }
  jobEnded();
  co_return result;
}

QCoro::Task<JobResult> Engine::ensurePainter(const zoom::ProjectSettings& settings) {
  ModelSpec wanted;
  wanted.painter = settings.painter;
  if (settings.painter == zoom::PainterKind::StableDiffusion) {
    wanted.model = settings.model;
    wanted.device = loaded_.device;
    wanted.precision = loaded_.precision;
  }
  if (wanted == loaded_) co_return JobResult::success();
  QPointer<Engine> self(this);
  const JobResult loaded = co_await submitLoad(wanted);
  if (!self) co_return JobResult::failure(QStringLiteral("The engine was shut down"));
  if (!loaded.ok) {
    loaded_ = ModelSpec{};
    co_return loaded;
  }
  loaded_ = wanted;
  Q_EMIT modelLoaded(wanted);
  co_return JobResult::success();
}

void Engine::onWorkerProgress(int step, int total, const QImage& image) {
  if (timer_) {
    JobTimer& t = *timer_;
    t.stepsPerKeyframe = total;
    const int done = t.stepsDone + step;
    const int all = current_.keyframeTotal * total;
    const int now = int(clock_() - t.startMs);
    if (t.firstStepAt < 0) {
      t.firstStepAt = now;
      t.stepsAtFirst = done;
    } else if (done > t.stepsAtFirst && now > t.firstStepAt) {
      current_.itPerSec = 1000.0 * (done - t.stepsAtFirst) / double(now - t.firstStepAt);
      current_.etaSeconds = (all - done) / current_.itPerSec;
    }
  }
  current_.step = step;
  current_.total = total;
  Q_EMIT progress(current_);
  if (!image.isNull()) Q_EMIT preview(image);
}

void Engine::reportKeyframeStarted(const QString& job, int index, int number) {
  current_.job = job;
  current_.keyframe = index;
  current_.keyframeNumber = number;
  current_.step = 0;
  current_.total = 0;
  Q_EMIT progress(current_);
}

std::optional<JobResult> Engine::commitPainting(zoom::Project& project, int index, const PaintOutcome& outcome,
                                                bool appending, int painted) {
  if (outcome.cancelled) {
    const zoom::Keyframe& now = project.keyframe(index);
    if (now.image.isNull() && index == project.keyframeCount() - 1 && appending)
      project.takeKeyframe(index);  // an appended keyframe that never got a picture goes away again
    else
      project.setKeyframeState(index, zoom::KeyframeState::Stale);
    return JobResult::canceled(painted);
  }
  if (!outcome.ok()) {
    qCWarning(lcEngine) << "keyframe" << index << "failed:" << outcome.error;
    project.setKeyframeState(index, zoom::KeyframeState::Failed, outcome.error);
    Q_EMIT jobFailed(outcome.error);
    return JobResult::failure(outcome.error, painted, outcome.errorKind);
  }
  project.setKeyframeImage(index, outcome.image, zoom::KeyframeState::Fresh);
  qCDebug(lcEngine) << "keyframe" << index << "painted in" << outcome.seconds << "s";
  Q_EMIT keyframeFinished(index);
  return std::nullopt;
}

QCoro::Task<JobResult> Engine::runChainJob(QPointer<zoom::Project> project, QString name, std::vector<int> indices,
                                           int append, std::shared_ptr<Turn> turn) {
  const Running running(this);
  // The engine may be destroyed while this coroutine waits: check `self` after every co_await.
  QPointer<Engine> self(this);
  const TurnEnd<Turn> turnEnd{turn};
  const JobResult gone = JobResult::failure(QStringLiteral("The engine was shut down"));
  if (turn->hasPrevious) co_await turn->previous;
  if (!self) co_return gone;
  if (turn->epoch != cancelEpoch_) co_return JobResult::canceled();
  if (!project) co_return JobResult::failure(QStringLiteral("The project was closed"));

  JobResult loaded = co_await ensurePainter(project->settings());
  if (!self) co_return gone;
  if (!loaded.ok) {
    Q_EMIT jobFailed(loaded.error);
    co_return loaded;
  }
  if (!project) co_return JobResult::failure(QStringLiteral("The project was closed"));

  // Appending: the new keyframes go after the current last one.
  for (int a = 0; a < append; ++a) indices.push_back(project->keyframeCount() + a);
  if (indices.empty()) co_return JobResult::success();

  timer_ = std::make_unique<JobTimer>();
  timer_->startMs = clock_();
  current_ = Progress{};
  current_.keyframeTotal = int(indices.size());
  int painted = 0;
  for (size_t n = 0; n < indices.size(); ++n) {
    const int index = indices[n];
    if (!project) co_return JobResult::failure(QStringLiteral("The project was closed"), painted);
    if (index == project->keyframeCount()) project->appendKeyframe();
    if (index < 0 || index >= project->keyframeCount())
      co_return JobResult::failure(QStringLiteral("There is no keyframe %1").arg(index), painted);
    // An imported picture is never repainted; one after the first only takes the new keyframe inside it in.
    if (project->keyframe(index).imported && index == 0) continue;
    const QString notPaintable = whyNotPaintable(*project, index);
    if (!notPaintable.isEmpty()) {
      project->setKeyframeState(index, zoom::KeyframeState::Failed, notPaintable);
      Q_EMIT jobFailed(notPaintable);
      co_return JobResult::failure(notPaintable, painted);
    }
    KeyframeRequest request = keyframeRequest(*project, index);
    if (project->keyframe(index).imported) request.picture = project->keyframe(index).image;
    reportKeyframeStarted(name, index, int(n) + 1);
    project->setKeyframeState(index, zoom::KeyframeState::Generating);

    const PaintOutcome outcome = co_await paintKeyframe(request);
    if (!self) co_return gone;
    timer_->stepsDone += timer_->stepsPerKeyframe;
    if (!project) co_return JobResult::failure(QStringLiteral("The project was closed"), painted);
    const std::optional<JobResult> ended = commitPainting(*project, index, outcome, append > 0, painted);
    if (ended) co_return *ended;
    ++painted;
  }
  co_return JobResult::success(painted);
}

QCoro::Task<JobResult> Engine::generateFirst(zoom::Project* project) {
  auto turn = takeTurn();
  const TurnEnd<Turn> turnEnd{turn};
  if (project->keyframeCount() > 0 && project->keyframe(0).imported)
    co_return JobResult::failure(QStringLiteral("Keyframe 0 is an imported picture; delete it to paint one instead"));
  if (project->keyframeCount() == 0) project->appendKeyframe();
  project->markLaterStale(0);
  std::vector<int> first{0};  // (a braced list straight in the call trips GCC 12's coroutine support)
  co_return co_await runChainJob(project, tr("Painting the first keyframe"), std::move(first), 0, turn);
}

QCoro::Task<JobResult> Engine::outpaintNext(zoom::Project* project, int count) {
  auto turn = takeTurn();
  const TurnEnd<Turn> turnEnd{turn};
  if (count < 1) co_return JobResult::success();
  if (project->keyframeCount() == 0)
    co_return JobResult::failure(QStringLiteral("Paint or import the first keyframe before adding more"));
  co_return co_await runChainJob(project, tr("Adding %n keyframe(s)", nullptr, count), std::vector<int>(), count,
                                 turn);
}

QCoro::Task<JobResult> Engine::regenerate(zoom::Project* project, int index, bool keepSeed) {
  auto turn = takeTurn();
  const TurnEnd<Turn> turnEnd{turn};
  try {
    project->prepareRegenerate(index, keepSeed);
  } catch (const std::exception& e) {
    co_return JobResult::failure(e);
  }
  std::vector<int> which{index};
  co_return co_await runChainJob(project, tr("Repainting keyframe %1").arg(index), std::move(which), 0, turn);
}

QCoro::Task<JobResult> Engine::regenerateStale(zoom::Project* project) {
  auto turn = takeTurn();
  const TurnEnd<Turn> turnEnd{turn};
  // Which keyframes are stale is decided when this job's turn comes (earlier jobs may change it).
  QPointer<zoom::Project> guarded(project);
  QPointer<Engine> self(this);
  if (turn->hasPrevious) {
    co_await turn->previous;
    turn->hasPrevious = false;
  }
  if (!self) co_return JobResult::failure(QStringLiteral("The engine was shut down"));
  if (!guarded) co_return JobResult::failure(QStringLiteral("The project was closed"));
  co_return co_await runChainJob(guarded, tr("Repainting stale keyframes"), guarded->staleKeyframes(), 0, turn);
}

QCoro::Task<JobResult> Engine::runSingleJob(QPointer<zoom::Project> project, QString name, int keyframe,
                                            Prepare prepare, Commit commit, std::shared_ptr<Turn> turn) {
  const TurnEnd<Turn> turnEnd{turn};
  const Running running(this);
  QPointer<Engine> self(this);
  const JobResult gone = JobResult::failure(QStringLiteral("The engine was shut down"));
  if (turn->hasPrevious) co_await turn->previous;
  if (!self) co_return gone;
  if (turn->epoch != cancelEpoch_) co_return JobResult::canceled();
  if (!project) co_return JobResult::failure(QStringLiteral("The project was closed"));
  std::variant<KeyframeRequest, QString> prepared = prepare(*project);
  if (const QString* why = std::get_if<QString>(&prepared)) co_return JobResult::failure(*why);
  const KeyframeRequest request = std::get<KeyframeRequest>(std::move(prepared));
  const JobResult loaded = co_await ensurePainter(project->settings());
  if (!self) co_return gone;
  if (!loaded.ok) {
    Q_EMIT jobFailed(loaded.error);
    co_return loaded;
  }
  timer_ = std::make_unique<JobTimer>();
  timer_->startMs = clock_();
  current_ = Progress{};
  current_.keyframeTotal = 1;
  reportKeyframeStarted(name, keyframe, 1);
  const PaintOutcome outcome = co_await paintKeyframe(request);
  if (!self) co_return gone;
  if (!project) co_return JobResult::failure(QStringLiteral("The project was closed"));
  if (outcome.cancelled) co_return JobResult::canceled();
  if (!outcome.ok()) {
    Q_EMIT jobFailed(outcome.error);
    co_return JobResult::failure(outcome.error, 0, outcome.errorKind);
  }
  try {
    commit(*project, outcome);
  } catch (const std::exception& e) {  // the chain changed under the job
    Q_EMIT jobFailed(messageOf(e));
    co_return JobResult::failure(e);
  }
  co_return JobResult::success(1);
}

QCoro::Task<JobResult> Engine::closeLoop(zoom::Project* project) {
  // The chain as it is when this job's turn comes: every keyframe painted for the current settings.
  Prepare prepare = [](const zoom::Project& p) -> std::variant<KeyframeRequest, QString> {
    if (p.keyframeCount() < zoom::kMinimumLoopKeyframes)
      return tr("Closing the loop needs at least %1 keyframes: add keyframes first.").arg(zoom::kMinimumLoopKeyframes);
    KeyframeRequest request = keyframeRequest(p, 1);
    for (const zoom::Keyframe& k : p.keyframes()) {
      if (k.image.isNull() || k.state != zoom::KeyframeState::Fresh)
        return tr("Paint every keyframe before closing the loop (Repaint Stale).");
      request.loopChain.push_back(k.image);
    }
    return request;
  };
  Commit commit = [self = QPointer<Engine>(this)](zoom::Project& p, const PaintOutcome& outcome) {
    if (int(outcome.loopChain.size()) != p.keyframeCount())
      throw std::runtime_error(tr("The keyframes changed while the loop was being closed.").toStdString());
    for (int k = 0; k < p.keyframeCount(); ++k) p.setKeyframeImage(k, outcome.loopChain[size_t(k)], zoom::KeyframeState::Fresh);
    if (self) Q_EMIT self->keyframeFinished(1);  // once, when the whole chain is in (the CLI saves on it)
  };
  co_return co_await runSingleJob(project, tr("Closing the loop"), 1, std::move(prepare), std::move(commit), takeTurn());
}

QCoro::Task<JobResult> Engine::replaceWithPicture(zoom::Project* project, int index, QImage picture, zoom::ImportFit fit) {
  Prepare prepare = [index, picture, fit](const zoom::Project& p) -> std::variant<KeyframeRequest, QString> {
    if (index < 0 || index > p.keyframeCount()) return QStringLiteral("There is no keyframe %1").arg(index);
    if (p.keyframeCount() == 0) return tr("Import the picture as the start picture: there is no keyframe yet.");
    if (picture.isNull()) return tr("The picture is empty or could not be read.");
    // Seed and prompts of the seam: the keyframe's own (an appended one: the last keyframe's).
    KeyframeRequest request = keyframeRequest(p, std::min(index, p.keyframeCount() - 1));
    request.previous = index > 0 ? p.keyframe(index - 1).image : QImage();
    if (index > 0 && request.previous.size() != p.settings().outpaint.keyframeSize())
      return tr("Paint keyframe %1 first: the picture is fitted around it.").arg(index);
    request.picture = picture;
    request.fit = fit;
    return request;
  };
  Commit commit = [index, self = QPointer<Engine>(this)](zoom::Project& p, const PaintOutcome& outcome) {
    zoom::Keyframe k = index < p.keyframeCount() ? p.keyframe(index) : zoom::Keyframe{};
    k.image = outcome.image;
    k.state = zoom::KeyframeState::Fresh;
    k.imported = true;
    k.error.clear();
    if (index < p.keyframeCount()) p.replaceKeyframe(index, k);
    else p.insertKeyframe(index, k);
    p.markLaterStale(index);
    if (self) Q_EMIT self->keyframeFinished(index);
  };
  co_return co_await runSingleJob(project, tr("Fitting your picture into keyframe %1").arg(index + 1), index,
                                  std::move(prepare), std::move(commit), takeTurn());
}

QCoro::Task<JobResult> Engine::makeRenderCopies(zoom::Project* project, QSize outputSize, double detailStrength) {
  Prepare prepare = [outputSize, detailStrength](const zoom::Project& p) -> std::variant<KeyframeRequest, QString> {
    const render::KeyframeStack stack = zoom::keyframeStackOf(p.settings(), p.keyframes());
    if (stack.keyframes.empty()) return tr("Paint the first keyframe before preparing a video.");
    KeyframeRequest request = keyframeRequest(p, 0);
    request.loopChain = stack.keyframes;
    request.detailStrength = detailStrength;
    request.detailPrompts = zoom::keyframePromptsOf(p.settings(), p.keyframes());
    try {
      request.renderCopySize = zoom::renderCopySize(stack, outputSize);
    } catch (const std::invalid_argument& e) {
      return QString::fromStdString(e.what());
    }
    return request;
  };
  Commit commit = [](zoom::Project& p, const PaintOutcome& outcome) {
    if (!outcome.renderCopies ||
        outcome.renderCopies->source != render::fingerprint(zoom::keyframeStackOf(p.settings(), p.keyframes())))
      throw std::runtime_error(tr("The keyframes changed while the video's pictures were being made: try again.").toStdString());
    p.setRenderCopies(outcome.renderCopies);
  };
  const QString name = detailStrength > 0 ? tr("Adding detail for a %1 × %2 video") : tr("Enlarging the keyframes for a %1 × %2 video");
  co_return co_await runSingleJob(project, name.arg(outputSize.width()).arg(outputSize.height()), -1, std::move(prepare),
                                  std::move(commit), takeTurn());
}

QFuture<ExportJobResult> Engine::submitExport(std::shared_ptr<const render::ZoomRenderer> renderer,
                                              const video::ExportSettings& settings) {
  ExportJobResult dropped;
  dropped.job = JobResult::canceled();
  auto promise = promiseWithFallback(dropped);
  QFuture<ExportJobResult> future = promise->future();
  auto cancel = newCancelFlag();
  QPointer<Engine> self(this);
  worker_->post(
      [promise, cancel, renderer, settings, inbox = inbox_.get(), self]() mutable {
        // Frame progress goes to the engine's thread through its inbox, like the painter's steps.
        const auto onFrame = [inbox, self](const video::ExportProgress& p) {
          inbox->post([self, p] { if (self) self->onExportProgress(p.framesDone, p.frameCount, p.etaSeconds); });
        };
        ExportJobResult outcome;
        try {
          const video::ExportResult written = video::exportZoom(*renderer, settings, onFrame, cancel.get());
          outcome.path = written.path;
          outcome.frames = written.frames;
          if (written.path.isEmpty()) outcome.job = JobResult::failure(QString());  // the caller words it
        } catch (const Cancelled&) {
          outcome.job = JobResult::canceled();
        } catch (const std::exception& e) {
          outcome.job = JobResult::failure(e);
        } catch (...) {
          outcome.job = JobResult::failure(QStringLiteral("The export failed for an unknown reason"));
        }
        settle(promise, std::move(outcome), inbox);
      });
  return future;
}

void Engine::onExportProgress(int framesDone, int frameCount, double etaSeconds) {
  current_.step = framesDone;
  current_.total = frameCount;
  current_.etaSeconds = etaSeconds;
  Q_EMIT progress(current_);
}

QCoro::Task<ExportJobResult> Engine::exportZoom(ChainSnapshot chain, video::ExportSettings settings, QString name) {
  auto turn = takeTurn();
  const TurnEnd<Turn> turnEnd{turn};
  const Running running(this);
  QPointer<Engine> self(this);
  ExportJobResult result;
  if (turn->hasPrevious) co_await turn->previous;
  if (!self) {
    result.job = JobResult::failure(QStringLiteral("The engine was shut down"));
    co_return result;
  }
  if (turn->epoch != cancelEpoch_) {
    result.job = JobResult::canceled();
    co_return result;
  }
  std::shared_ptr<const render::ZoomRenderer> renderer;
  try {
    renderer = chain ? chain() : nullptr;
  } catch (const std::exception& e) {
    result.job = JobResult::failure(e);
    co_return result;
  }
  if (!renderer) {
    result.job = JobResult::failure(QStringLiteral("There is nothing to export yet"));
    co_return result;
  }
  timer_.reset();  // frames carry their own ETA
  current_ = Progress{};
  current_.job = name;
  current_.unit = ProgressUnit::Frames;
  Q_EMIT progress(current_);
  result = co_await submitExport(std::move(renderer), settings);
  co_return result;
}

}  // namespace droste::engine
