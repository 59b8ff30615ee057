// The main window's exports and the play preview: the session runs them as engine jobs (progress,
// time left and Cancel in the status bar, like painting); the window asks and reports.
#include "core/render/zoom_renderer.h"
#include "core/session/session.h"
#include "core/video/export_job.h"
#include "core/zoom/project.h"
#include "ui/app_preferences.h"
#include "ui/main_window.h"
#include "ui/play_preview_dialog.h"

#include <QDir>
#include <QFileInfo>
#include <QStatusBar>
#include <QTemporaryDir>

namespace droste::ui {

void MainWindow::exportDialog(ExportFormat format) {
  std::shared_ptr<const render::ZoomRenderer> chain;
  try {
    chain = session_->renderer();
  } catch (const std::exception& e) {
    return reportError(tr("Export failed"), QString::fromUtf8(e.what()), errorKindOf(e));
  }
  if (!chain) return;
  ExportChain facts;
  facts.keyframeCount = chain->keyframeCount();
  facts.keyframeSize = chain->keyframeSize();
  const auto& keyframes = project()->keyframes();
  facts.closedLoop = facts.keyframeCount >= 3 && keyframes.front().image == keyframes[size_t(facts.keyframeCount - 1)].image;
  ExportDialog dialog(format, ExportDialog::suggestedPath(format, project()->filePath()), facts, this);
  if (dialog.exec() != QDialog::Accepted) return;
  const ExportChoices choices = dialog.choices();
  ExportDialog::remember(choices);
  runExport(choices);
}

QCoro::Task<> MainWindow::runExport(ExportChoices choices) {
  const std::weak_ptr<int> alive = alive_;
  const QSize size(choices.width, choices.height);
  const QSize keyframe = project()->settings().outpaint.keyframeSize();
  choices.addDetail = choices.addDetail && (size.width() > keyframe.width() || size.height() > keyframe.height());
  // The detail pass first (a job of its own: progress, time left, Stop), unless the project has it already.
  if (choices.addDetail && !session_->hasRenderCopiesFor(size, choices.detailStrength)) {
    if (session_->isPainting()) {  // one painting at a time: the detail pass would be refused
      const QString why = tr("Wait for the painting to finish, or stop it, before exporting with added detail.");
      reportError(tr("Export failed"), why);
      Q_EMIT exportFinished(false, why);
      co_return;
    }
    const engine::JobResult detail = co_await session_->makeRenderCopies(size, choices.detailStrength);
    if (alive.expired()) co_return;
    if (!detail.ok) {  // the session reported why (a failure), or the artist stopped it
      Q_EMIT exportFinished(false, detail.error);
      co_return;
    }
  }
  const bool ok = co_await exportZoom(choices);
  if (alive.expired() || !ok) co_return;
  statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(choices.path)), 8000);
}

QCoro::Task<bool> MainWindow::exportZoom(ExportChoices choices, ExportPurpose purpose) {
  const std::weak_ptr<int> alive = alive_;
  const bool preview = purpose == ExportPurpose::Preview;
  const QString name = preview ? tr("Preparing the preview") : tr("Exporting %1").arg(QFileInfo(choices.path).fileName());
  const engine::ExportJobResult result = co_await session_->exportZoom(exportSettingsFor(choices), name, choices.addDetail);
  const bool ok = result.job.ok && !result.path.isEmpty();
  if (alive.expired()) co_return ok;
  QString error = result.job.error;
  if (result.job.cancelled) {
    error = preview ? tr("The preview was cancelled.") : tr("The export was cancelled.");
    statusBar()->showMessage(error, 5000);
  } else if (!ok) {
    // Never silent: an export that ends without a file says so even when the exporter gave no reason.
    if (error.isEmpty()) error = tr("No file was written to %1.").arg(QDir::toNativeSeparators(choices.path));
    reportError(preview ? tr("Preview failed") : tr("Export failed"), error, result.job.errorKind);
  }
  Q_EMIT exportFinished(ok, error);
  co_return ok;
}

QCoro::Task<> MainWindow::playPreview() {
  const std::weak_ptr<int> alive = alive_;
  auto dir = std::make_shared<QTemporaryDir>();
  ExportChoices quick;  // small and fast: a preview, not the final video
  quick.format = ExportFormat::Mp4;
  quick.path = dir->filePath(QStringLiteral("preview.mp4"));
  quick.width = quick.height = 384;
  quick.fps = 24;
  quick.secondsPerKeyframe = prefs::exportSecondsPerKeyframe();
  quick.zoomIn = prefs::exportZoomIn();
  quick.quality = 50;
  if (!co_await exportZoom(quick, ExportPurpose::Preview) || alive.expired()) co_return;
  auto* player = new PlayPreviewDialog(quick.path, this);
  player->setAttribute(Qt::WA_DeleteOnClose);
  connect(player, &QObject::destroyed, this, [dir] {});  // the temporary video lives as long as the player
  player->open();
}

}  // namespace droste::ui
