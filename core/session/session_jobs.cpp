// The session's jobs: paintings become one undo step each when they finish a keyframe, and leave
// the project untouched otherwise; exports run in the engine's line, on a snapshot of the chain.
#include "core/render/zoom_renderer.h"
#include "core/session/project_commands.h"
#include "core/session/session.h"
#include "core/zoom/project.h"

#include <QPointer>
#include <QUndoStack>

namespace droste::session {

using engine::JobResult;

void Session::cancel() { engine_->cancel(); }

QCoro::Task<JobResult> Session::runChainJob(QString undoText, std::function<QCoro::Task<JobResult>()> start) {
  // One painting at a time: its undo step is the chain before and after it.
  if (painting_) co_return JobResult::failure(tr("Another keyframe is being painted: wait for it, or stop it first."));
  QPointer<Session> self(this);
  const std::vector<zoom::Keyframe> before = project_->keyframes();
  painting_ = true;
  Q_EMIT paintingChanged(true);

  JobResult result;
  try {
    result = co_await start();
  } catch (const std::exception& e) {
    result = JobResult::failure(QString::fromUtf8(e.what()));
  }
  if (!self) co_return result;  // the session went away while the engine worked: touch nothing

  // Keyframes a longer job did finish are kept; a job that finished none leaves no trace (no new seed,
  // no stale marks, no undo step).
  if (!result.ok && result.keyframesPainted == 0) restoreKeyframes(*project_, before);
  const std::vector<zoom::Keyframe> after = project_->keyframes();
  if (!(after == before)) undo_->push(new ChainCommand(project_, before, after, undoText));
  painting_ = false;
  Q_EMIT paintingChanged(false);
  Q_EMIT jobFinished(result, undoText);
  co_return result;
}

QCoro::Task<JobResult> Session::generateFirst(quint64 seed) {
  return runChainJob(tr("Generate first keyframe"), [this, seed] {
    if (project_->keyframeCount() == 0) {
      project_->appendKeyframe();
    } else if (project_->keyframe(0).imported) {  // painting replaces an imported start picture
      zoom::Keyframe painted;
      painted.seed = seed;
      project_->replaceKeyframe(0, painted);
    }
    project_->setKeyframeSeed(0, seed);
    return engine_->generateFirst(project_);
  });
}

QCoro::Task<JobResult> Session::addKeyframes(int count, std::optional<quint64> seed) {
  const QString undoText = tr("Add %n keyframe(s)", nullptr, count);
  if (!seed) return runChainJob(undoText, [this, count] { return engine_->outpaintNext(project_, count); });
  // A locked seed: every new keyframe gets it, then the stale ones are painted in order.
  return runChainJob(undoText, [this, count, seed] {
    for (int i = 0; i < count; ++i) {
      project_->appendKeyframe();
      project_->setKeyframeSeed(project_->keyframeCount() - 1, *seed);
    }
    return engine_->regenerateStale(project_);
  });
}

QCoro::Task<JobResult> Session::regenerate(int index, bool keepSeed, std::optional<quint64> seed) {
  const QString undoText = seed ? tr("Regenerate keyframe %1 with seed %2").arg(index + 1).arg(*seed)
                                : tr("Regenerate keyframe %1").arg(index + 1);
  return runChainJob(undoText, [this, index, keepSeed, seed] {
    if (seed) project_->setKeyframeSeed(index, *seed);
    return engine_->regenerate(project_, index, keepSeed || seed);
  });
}

QCoro::Task<JobResult> Session::regenerateStale() {
  return runChainJob(tr("Regenerate stale keyframes"), [this] { return engine_->regenerateStale(project_); });
}

QCoro::Task<JobResult> Session::closeLoop() {
  return runChainJob(tr("Close the loop"), [this] { return engine_->closeLoop(project_); });
}

QCoro::Task<JobResult> Session::replaceWithPicture(int index, QImage picture) {
  const QString undoText = index >= project_->keyframeCount() ? tr("Add an exit picture")
                                                               : tr("Replace keyframe %1 with a picture").arg(index + 1);
  return runChainJob(undoText, [this, index, picture] {
    return engine_->replaceWithPicture(project_, index, picture, zoom::ImportFit::CenterCrop);
  });
}

QCoro::Task<JobResult> Session::makeRenderCopies(QSize outputSize, double detailStrength) {
  const QString text = detailStrength > 0 ? tr("Add detail for the video") : tr("Enlarge the keyframes for the video");
  return runChainJob(text, [this, outputSize, detailStrength] {
    return engine_->makeRenderCopies(project_, outputSize, detailStrength);
  });
}

QCoro::Task<engine::ExportJobResult> Session::exportZoom(video::ExportSettings settings, QString name,
                                                         bool useRenderCopies) {
  QPointer<Session> self(this);
  engine::ExportJobResult result;
  if (project_->keyframeCount() == 0 && !isPainting()) {
    result.job = JobResult::failure(tr("Paint or import the first keyframe before exporting."));
    co_return result;
  }
  exporting_ = true;
  Q_EMIT exportingChanged(true);
  // The chain as it is when the export's turn comes: paintings queued before it are in the video.
  // Named, not written inside the co_await: GCC 12 frees a capturing lambda in a co_await expression
  // twice (heap corruption; seen here, and worked around the same way by tremotesf2).
  engine::Engine::ChainSnapshot chain = [self, size = settings.size, useRenderCopies] {
    if (!self) return std::shared_ptr<const render::ZoomRenderer>();
    return useRenderCopies ? self->exportRenderer(size) : self->renderer();
  };
  result = co_await engine_->exportZoom(std::move(chain), std::move(settings), std::move(name));
  if (!self) co_return result;
  exporting_ = false;
  Q_EMIT exportingChanged(false);
  co_return result;
}

}  // namespace droste::session
