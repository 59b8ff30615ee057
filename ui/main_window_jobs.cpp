// The main window's side of jobs: it asks the session for them and shows their progress, live
// previews and outcome; the session commits each result to the project.
#include "core/session/session.h"
#include "core/zoom/project.h"
#include "ui/job_status_bar.h"
#include "ui/panel_settings.h"
#include "ui/main_window.h"

#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QStatusBar>

namespace droste::ui {

void MainWindow::connectSession() {
  zoom::Project* p = project();
  connect(p, &zoom::Project::settingsChanged, this, [this] {
    panel_->setValues(panelValuesFor(project()->settings(), panel_->values()));
    updateModelIndicators();
  });
  connect(p, &zoom::Project::keyframeChanged, this, &MainWindow::updateActions);  // a state change: stale ones
  connect(p, &zoom::Project::modifiedChanged, this, &MainWindow::updateTitle);
  connect(p, &zoom::Project::filePathChanged, this, &MainWindow::updateTitle);

  connect(session_, &session::Session::paintingChanged, this, &MainWindow::updateActions);
  connect(session_, &session::Session::exportingChanged, this, &MainWindow::updateActions);
  connect(session_, &session::Session::jobFinished, this, &MainWindow::onJobFinished);
  connect(session_, &session::Session::autosaveFailed, this, [this](const QString& message) {
    statusBar()->showMessage(tr("Autosave failed: %1").arg(message), 8000);
  });

  engine::Engine* e = engine();
  connect(e, &engine::Engine::progress, this, &MainWindow::onProgress);
  connect(e, &engine::Engine::busyChanged, this, [this](bool busy) {
    status_->setBusy(busy);
    updateActions();
  });
  connect(e, &engine::Engine::modelLoaded, this, &MainWindow::updateModelIndicators);
}

void MainWindow::onProgress(const engine::Progress& p) {
  status_->showProgress({p.job, p.keyframeNumber, p.keyframeTotal, p.step, p.total, p.itPerSec, p.etaSeconds,
                         p.unit == engine::ProgressUnit::Frames});
}

void MainWindow::onJobFinished(const engine::JobResult& result, const QString& undoText) {
  if (result.cancelled) {
    statusBar()->showMessage(tr("Stopped. Keyframes that were finished are kept."), 8000);
  } else if (!result.ok) {
    reportError(tr("Painting failed"), result.error, result.errorKind);
  } else {
    lastError_.clear();
    statusBar()->showMessage(tr("%1: done.").arg(undoText), 5000);
  }
  Q_EMIT jobFinished(result.ok, result.error);
}

void MainWindow::generateFirstKeyframe() { session_->generateFirst(panel_->seedForNewKeyframe()); }

void MainWindow::addKeyframes() {
  const PanelValues v = panel_->values();
  // A locked seed: every new keyframe gets it; else each gets a fresh one.
  session_->addKeyframes(v.keyframesToAdd, v.seedLocked ? std::optional(panel_->seedForNewKeyframe()) : std::nullopt);
}

void MainWindow::regenerateKeyframe(int index, bool keepSeed) {
  if (index < 0 || index >= project()->keyframeCount()) return;
  // A locked seed (typed, or the selected keyframe's, locked) is the seed a new-seed repaint uses.
  session_->regenerate(index, keepSeed, keepSeed ? std::nullopt : panel_->lockedSeed());
}

void MainWindow::editKeyframePrompt(int index) {
  if (index < 0 || index >= project()->keyframeCount() || session_->isPainting()) return;
  bool ok = false;
  const QString text = QInputDialog::getMultiLineText(
      this, tr("Prompt of keyframe %1").arg(index + 1),
      tr("This keyframe's own prompt. Leave it equal to the project's prompt to follow that one.\n"
         "Then use \"Regenerate with this seed\" to repaint it."),
      project()->effectivePrompt(index), &ok);
  if (ok) session_->setKeyframePrompt(index, text);
}

void MainWindow::saveKeyframePng(int index) {
  if (index < 0 || index >= project()->keyframeCount() || project()->keyframe(index).image.isNull()) return;
  const QString path = QFileDialog::getSaveFileName(this, tr("Save keyframe %1").arg(index + 1),
                                                    tr("keyframe-%1.png").arg(index + 1, 3, 10, QLatin1Char('0')),
                                                    tr("PNG image (*.png)"));
  if (path.isEmpty()) return;
  if (!project()->keyframe(index).image.save(path, "PNG"))
    reportError(tr("Could not save"), tr("Could not write %1. Check that the folder exists and is writable.").arg(path));
  else
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
}

}  // namespace droste::ui
