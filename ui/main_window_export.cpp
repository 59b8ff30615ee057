// The main window's exports and the play preview. The export runs on its own thread (plus the
// exporter's render threads) while the window stays live; progress comes back queued.
#include "core/render/zoom_renderer.h"
#include "core/video/export_job.h"
#include "core/zoom/project.h"
#include "ui/app_preferences.h"
#include "ui/main_window.h"
#include "ui/play_preview_dialog.h"

#include <QCoro/QCoroFuture>
#include <QDir>
#include <QPointer>
#include <QProgressDialog>
#include <QPromise>
#include <QStatusBar>
#include <QTemporaryDir>

#include <cmath>

namespace droste::ui {

namespace {
// Quality 0..100 onto the codec's CRF: 75 is the exporter's "no visible loss" default, 100 about a
// third finer, 0 about twice as coarse.
int crfForQuality(int quality, video::VideoCodec codec) {
  const int def = video::defaultCrf(codec);
  const int maxCrf = codec == video::VideoCodec::H264 ? 51 : 63;
  return std::clamp(int(std::lround(def * (1.0 + (75 - quality) / 75.0))), 0, maxCrf);
}

}  // namespace

video::ExportSettings toExportSettings(const ExportChoices& c) {
  video::ExportSettings s;
  s.output = c.path;
  if (c.format == ExportFormat::Frames && !s.output.endsWith(QLatin1Char('/'))) s.output += QLatin1Char('/');
  s.size = QSize(c.width, c.height);
  s.timing.fps = c.fps;
  s.timing.secondsPerKeyframe = c.secondsPerKeyframe;
  s.timing.direction = c.zoomIn ? render::ZoomDirection::In : render::ZoomDirection::Out;
  s.timing.ease = c.easing != QLatin1String("linear");
  if (c.format != ExportFormat::Frames)
    s.crf = crfForQuality(c.quality, c.format == ExportFormat::Mp4 ? video::VideoCodec::H264 : video::VideoCodec::VP9);
  return s;
}

void MainWindow::exportDialog(ExportFormat format) {
  if (!zoomRenderer()) return;
  ExportDialog dialog(format, ExportDialog::suggestedPath(format, project_->filePath()), zoomRenderer()->keyframeCount(),
                      this);
  if (dialog.exec() != QDialog::Accepted) return;
  const ExportChoices choices = dialog.choices();
  ExportDialog::remember(choices);
  runExport(choices);
}

QCoro::Task<> MainWindow::runExport(ExportChoices choices) {
  const std::weak_ptr<int> alive = alive_;
  const bool ok = co_await exportZoom(choices);
  if (alive.expired() || !ok) co_return;
  statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(choices.path)), 8000);
}

QCoro::Task<bool> MainWindow::exportZoom(ExportChoices choices, ExportPurpose purpose) {
  const std::weak_ptr<int> alive = alive_;
  const auto renderer = zoomRenderer();
  if (!renderer || exporting_) co_return false;
  exporting_ = true;
  updateActions();

  auto cancel = std::make_shared<std::atomic_bool>(false);
  exportCancel_ = cancel;
  const bool preview = purpose == ExportPurpose::Preview;
  QPointer<QProgressDialog> progress = new QProgressDialog(
      preview ? tr("Preparing the preview…") : tr("Rendering and encoding the zoom…"), tr("Cancel"), 0, 0, this);
  progress->setWindowTitle(preview ? tr("Play Preview") : tr("Export"));
  progress->setAttribute(Qt::WA_DeleteOnClose);
  progress->setMinimumDuration(300);
  progress->setAutoClose(false);
  progress->setAutoReset(false);
  connect(progress, &QProgressDialog::canceled, this, [cancel] { *cancel = true; });

  // The exporter blocks its calling thread, so it gets a thread of its own; its result comes back
  // through a QFuture that this coroutine awaits.
  QPromise<video::ExportResult> promise;
  QFuture<video::ExportResult> future = promise.future();
  const video::ExportSettings settings = toExportSettings(choices);
  if (exportThread_.joinable()) exportThread_.join();
  exportThread_ = std::thread([renderer, settings, cancel, progress, promise = std::move(promise)]() mutable {
    promise.start();
    try {
      const auto onProgress = [&progress](const video::ExportProgress& p) {
        QMetaObject::invokeMethod(progress.data(), [progress, p] {
          if (!progress) return;
          progress->setMaximum(p.frameCount);
          progress->setValue(p.framesDone);
        }, Qt::QueuedConnection);
      };
      promise.addResult(video::exportZoom(*renderer, settings, onProgress, cancel.get()));
    } catch (...) {
      promise.setException(std::current_exception());
    }
    promise.finish();
  });

  bool ok = false;
  QString error;
  try {
    const video::ExportResult result = co_await future;
    ok = !result.path.isEmpty();
  } catch (const video::ExportCancelled&) {
    error = tr("The export was cancelled.");
  } catch (const std::exception& e) {
    error = QString::fromUtf8(e.what());
  }
  if (alive.expired()) co_return ok;
  if (progress) progress->close();
  exporting_ = false;
  updateActions();
  if (!ok && !*cancel) {
    // Never silent: an export that ends without a file says so even when the exporter gave no reason.
    if (error.isEmpty()) error = tr("No file was written to %1.").arg(QDir::toNativeSeparators(choices.path));
    reportError(preview ? tr("Preview failed") : tr("Export failed"), error);
  }
  Q_EMIT exportFinished(ok, error);
  co_return ok;
}

void MainWindow::playPreview() {
  playPreviewTask();
}

QCoro::Task<> MainWindow::playPreviewTask() {
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
