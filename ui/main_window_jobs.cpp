// The main window's engine jobs and keyframe edits: each becomes one undo step.
#include "core/zoom/outpaint.h"
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

#include <algorithm>

namespace droste::ui {

using engine::JobResult;

namespace {

// A new keyframe size or ring with painted keyframes: the settings and the keyframes painted for the
// old geometry (now stale) change in one undo step. Edits of one field in a row (a slider drag) merge.
class ChainGeometryCommand : public QUndoCommand {
 public:
  ChainGeometryCommand(zoom::Project* project, zoom::ProjectSettings settingsBefore, zoom::ProjectSettings settingsAfter,
                       std::vector<zoom::Keyframe> chainBefore, std::vector<zoom::Keyframe> chainAfter, QString field,
                       const QString& text)
      : QUndoCommand(text), project_(project), settingsBefore_(std::move(settingsBefore)),
        settingsAfter_(std::move(settingsAfter)), chainBefore_(std::move(chainBefore)),
        chainAfter_(std::move(chainAfter)), field_(std::move(field)) {}
  void undo() override {
    restoreKeyframes(*project_, chainBefore_);
    project_->setSettings(settingsBefore_);
  }
  void redo() override {
    project_->setSettings(settingsAfter_);
    restoreKeyframes(*project_, chainAfter_);
  }
  int id() const override { return 2; }
  bool mergeWith(const QUndoCommand* other) override {
    const auto* next = static_cast<const ChainGeometryCommand*>(other);
    if (next->field_ != field_ || next->project_ != project_) return false;
    settingsAfter_ = next->settingsAfter_;
    chainAfter_ = next->chainAfter_;
    return true;
  }

 private:
  zoom::Project* project_;
  zoom::ProjectSettings settingsBefore_, settingsAfter_;
  std::vector<zoom::Keyframe> chainBefore_, chainAfter_;
  QString field_;
};

// The chain as the new geometry leaves it. Every keyframe fits inside the next one by the ring, at the
// keyframe size, so: a new size makes every painted keyframe stale (keyframe 1 is repainted from the
// prompt), a new ring every keyframe after the first. An imported start picture is never repainted:
// it is refitted to the new size instead. Method and padding only change how the next keyframes are
// painted, so they leave the chain alone.
std::vector<zoom::Keyframe> chainForGeometry(std::vector<zoom::Keyframe> chain, const zoom::OutpaintOptions& before,
                                             const zoom::OutpaintOptions& after) {
  const bool newSize = after.size != before.size;
  const bool newRing = after.outpaint != before.outpaint;
  if (!newSize && !newRing) return chain;
  for (size_t i = newSize ? 0 : 1; i < chain.size(); ++i) {
    zoom::Keyframe& k = chain[i];
    if (k.imported) {
      if (newSize) k.image = zoom::fitImportedImage(k.image, after.size, zoom::ImportFit::CenterCrop);
      continue;
    }
    if (k.state == zoom::KeyframeState::Fresh) k.state = zoom::KeyframeState::Stale;
  }
  return chain;
}

int countStale(const std::vector<zoom::Keyframe>& chain) {
  return int(std::count_if(chain.begin(), chain.end(), [](const zoom::Keyframe& k) {
    return k.state == zoom::KeyframeState::Stale || k.state == zoom::KeyframeState::Failed;
  }));
}

}  // namespace

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
  connect(engine_.get(), &engine::Engine::busyChanged, this, [this] {
    panel_->setChainGeometryEditable(!jobRunning_ && !engine_->isBusy());
    updateActions();
  });
  connect(engine_.get(), &engine::Engine::modelLoaded, this, [this] { updateModelIndicators(); });
}

void MainWindow::pushSettingsEdit(const zoom::ProjectSettings& before, const zoom::ProjectSettings& after,
                                  const QString& field, const QString& undoText) {
  const std::vector<zoom::Keyframe> chainBefore = project_->keyframes();
  std::vector<zoom::Keyframe> chainAfter;
  try {
    chainAfter = chainForGeometry(chainBefore, before.outpaint, after.outpaint);
  } catch (const std::exception& e) {  // refitting an imported picture failed: keep everything as it was
    panel_->setValues(panelValuesFromProject());
    reportError(undoText, QString::fromUtf8(e.what()));
    return;
  }
  const bool geometry = before.outpaint.size != after.outpaint.size || before.outpaint.outpaint != after.outpaint.outpaint;
  if (geometry)  // even when no keyframe changes now: it merges with the step before (a slider drag)
    undo_->push(new ChainGeometryCommand(project_, before, after, chainBefore, chainAfter, field, undoText));
  else
    undo_->push(new SettingsCommand(project_, before, after, field, undoText));
  // Say what the change means for the painted chain, where the artist looks while editing.
  const bool painted = std::any_of(chainBefore.begin(), chainBefore.end(), [](const zoom::Keyframe& k) {
    return !k.image.isNull() && !k.imported;
  });
  if (!painted) return;
  const int newlyStale = countStale(chainAfter) - countStale(chainBefore);
  if (newlyStale > 0) {
    statusBar()->showMessage(
        tr("The chain's geometry changed: %n keyframe(s) turned stale. “Regenerate stale” repaints them.", nullptr,
           newlyStale), 10'000);
  } else if (before.outpaint.method != after.outpaint.method || before.outpaint.padding != after.outpaint.padding) {
    statusBar()->showMessage(tr("New keyframes and repaints use the new setting; painted keyframes are kept."),
                             10'000);
  }
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
  panel_->setChainGeometryEditable(false);  // the engine reads size and ring for every keyframe it paints
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
  panel_->setChainGeometryEditable(!engine_->isBusy());
  liveKeyframe_ = -1;
  preview_->clearLive();
  status_->setBusy(false);
  // A job that failed or was cancelled before it finished a keyframe leaves the project exactly as it
  // was (no new seed, no stale marks, no undo step). Keyframes a longer job did finish are kept.
  if (!result.ok && result.keyframesPainted == 0) restoreKeyframes(*project_, before);
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
  // A locked seed (typed, or the selected keyframe's, locked) is the seed a new-seed repaint uses.
  const std::optional<quint64> locked = keepSeed ? std::nullopt : panel_->lockedSeed();
  const QString undoText = locked ? tr("Regenerate keyframe %1 with seed %2").arg(index + 1).arg(*locked)
                                  : tr("Regenerate keyframe %1").arg(index + 1);
  runChainJob(undoText, [this, index, keepSeed, locked] {
    if (locked) project_->setKeyframeSeed(index, *locked);
    return engine_->regenerate(project_, index, keepSeed || locked);
  });
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
