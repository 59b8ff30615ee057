// The main window's engine jobs and keyframe edits: each becomes one undo step.
#include "core/zoom/project.h"
#include "ui/job_status_bar.h"
#include "ui/main_window.h"
#include "ui/preview_widget.h"
#include "ui/project_commands.h"
#include "ui/timeline_widget.h"

#include <QAction>
#include <QFileDialog>
#include <QInputDialog>
#include <QStatusBar>
#include <QUndoStack>

namespace droste::ui {

using engine::JobResult;

void MainWindow::connectEngine() {
  connect(engine_.get(), &engine::Engine::progress, this, &MainWindow::onProgress);
  connect(engine_.get(), &engine::Engine::preview, this, [this](const QImage& image) {
    preview_->setLive(image, lastProgress_.step, lastProgress_.total);
  });
  connect(engine_.get(), &engine::Engine::paintInputs, this, [this](const QImage& padded, const QImage& mask) {
    pendingInputs_ = {padded, mask};
    preview_->setInput(padded, mask);
    // Until the first denoising step arrives, the live view shows what is being painted around.
    preview_->setLive(padded, lastProgress_.step, lastProgress_.total);
  });
  connect(engine_.get(), &engine::Engine::keyframeFinished, this, [this](int index) {
    if (!pendingInputs_.first.isNull()) inputs_[index] = pendingInputs_;
    pendingInputs_ = {};
    preview_->clearLive();
    if (timeline_->selectedIndex() == index) showKeyframe(index);
    else timeline_->setSelectedIndex(index);
  });
  connect(engine_.get(), &engine::Engine::busyChanged, this, [this] { updateActions(); });
  connect(engine_.get(), &engine::Engine::modelLoaded, this, [this] { updateModelIndicators(); });
}

void MainWindow::onProgress(const engine::Progress& p) {
  lastProgress_ = p;
  status_->showProgress({p.job, p.keyframeNumber, p.keyframeTotal, p.step, p.total, p.itPerSec, p.etaSeconds});
  if (p.keyframe >= 0 && p.keyframe != liveKeyframe_) {
    liveKeyframe_ = p.keyframe;
    timeline_->setSelectedIndex(p.keyframe);  // follow the keyframe being painted
  }
}

QCoro::Task<> MainWindow::runChainJob(QString undoText, std::function<QCoro::Task<JobResult>()> start) {
  const std::weak_ptr<int> alive = alive_;
  const std::vector<zoom::Keyframe> before = project_->keyframes();
  jobRunning_ = true;
  lastError_.clear();
  status_->setBusy(true);
  status_->showProgress({undoText, 0, 0, 0, 0, 0.0, -1.0});
  updateActions();

  JobResult result;
  try {
    result = co_await start();
  } catch (const std::exception& e) {
    result = JobResult::failure(QString::fromUtf8(e.what()));
  }
  if (alive.expired()) co_return;  // the window closed while the engine worked: touch nothing

  jobRunning_ = false;
  liveKeyframe_ = -1;
  preview_->clearLive();
  status_->setBusy(false);
  const std::vector<zoom::Keyframe> after = project_->keyframes();
  if (!(after == before)) undo_->push(new ChainCommand(project_, before, after, undoText));
  if (result.cancelled) {
    statusBar()->showMessage(tr("Stopped. Keyframes that were finished are kept."), 8000);
  } else if (!result.ok) {
    reportError(tr("Painting failed"), result.error);
  } else {
    statusBar()->showMessage(tr("%1: done.").arg(undoText), 5000);
  }
  updateActions();
  showKeyframe(timeline_->selectedIndex());
  Q_EMIT jobFinished(result.ok, result.error);
}

void MainWindow::generateFirstKeyframe() {
  const quint64 seed = panel_->seedForNewKeyframe();
  runChainJob(tr("Generate first keyframe"), [this, seed] {
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

void MainWindow::addKeyframes() {
  const int count = panel_->values().keyframesToAdd;
  if (!panel_->values().seedLocked) {
    runChainJob(tr("Add %n keyframe(s)", nullptr, count), [this, count] { return engine_->outpaintNext(project_, count); });
    return;
  }
  // A locked seed: every new keyframe gets it, then the stale ones are painted in order.
  const quint64 seed = panel_->seedForNewKeyframe();
  runChainJob(tr("Add %n keyframe(s)", nullptr, count), [this, count, seed] {
    for (int i = 0; i < count; ++i) {
      project_->appendKeyframe();
      project_->setKeyframeSeed(project_->keyframeCount() - 1, seed);
    }
    return engine_->regenerateStale(project_);
  });
}

void MainWindow::regenerateSelected() {
  const int index = timeline_->selectedIndex();
  if (index >= 0) regenerateKeyframe(index, false);
}

void MainWindow::regenerateKeyframe(int index, bool keepSeed) {
  if (index < 0 || index >= project_->keyframeCount() || jobRunning_) return;
  runChainJob(tr("Regenerate keyframe %1").arg(index + 1),
              [this, index, keepSeed] { return engine_->regenerate(project_, index, keepSeed); });
}

void MainWindow::regenerateStale() {
  if (project_->staleKeyframes().empty() || jobRunning_) return;
  runChainJob(tr("Regenerate stale keyframes"), [this] { return engine_->regenerateStale(project_); });
}

void MainWindow::editChain(const QString& undoText, const std::function<void()>& edit) {
  const std::vector<zoom::Keyframe> before = project_->keyframes();
  try {
    edit();
  } catch (const std::exception& e) {
    restoreKeyframes(*project_, before);
    reportError(undoText, QString::fromUtf8(e.what()));
    return;
  }
  const std::vector<zoom::Keyframe> after = project_->keyframes();
  if (!(after == before)) undo_->push(new ChainCommand(project_, before, after, undoText));
}

void MainWindow::editKeyframePrompt(int index) {
  if (index < 0 || index >= project_->keyframeCount() || jobRunning_) return;
  bool ok = false;
  const QString text = QInputDialog::getMultiLineText(
      this, tr("Prompt of keyframe %1").arg(index + 1),
      tr("This keyframe's own prompt. Leave it equal to the project's prompt to follow that one.\n"
         "Then use \"Regenerate with this seed\" to repaint it."),
      project_->effectivePrompt(index), &ok);
  if (!ok) return;
  editChain(tr("Edit prompt of keyframe %1").arg(index + 1), [this, index, text] {
    const zoom::Keyframe& k = project_->keyframe(index);
    const std::optional<QString> own =
        text == project_->settings().prompt ? std::nullopt : std::optional<QString>(text);
    if (own != k.prompt) project_->setKeyframePrompt(index, own, k.negativePrompt);
  });
}

void MainWindow::insertKeyframeAfter(int index) {
  if (jobRunning_) return;
  editChain(tr("Insert keyframe"), [this, index] { project_->insertKeyframeAfter(index); });
  timeline_->setSelectedIndex(index + 1);
}

void MainWindow::deleteKeyframe(int index) {
  if (jobRunning_ || index < 0 || index >= project_->keyframeCount()) return;
  editChain(tr("Delete keyframe %1").arg(index + 1), [this, index] { project_->deleteKeyframe(index); });
}

void MainWindow::saveKeyframePng(int index) {
  if (index < 0 || index >= project_->keyframeCount() || project_->keyframe(index).image.isNull()) return;
  const QString path = QFileDialog::getSaveFileName(this, tr("Save keyframe %1").arg(index + 1),
                                                    tr("keyframe-%1.png").arg(index + 1, 3, 10, QLatin1Char('0')),
                                                    tr("PNG image (*.png)"));
  if (path.isEmpty()) return;
  if (!project_->keyframe(index).image.save(path, "PNG"))
    reportError(tr("Could not save"), tr("Could not write %1. Check that the folder exists and is writable.").arg(path));
}

}  // namespace droste::ui
