#include "core/video/export_job.h"

#include "core/io/remove_tree.h"
#include "core/logging.h"
#include "core/video/ordered_frame_queue.h"
#include "core/video/video_writer.h"

#include <QDir>
#include <QFileInfo>

#include <chrono>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace droste::video {
namespace {

namespace fs = std::filesystem;

fs::path toPath(const QString& s) { return fs::path(s.toStdString()); }

QString withoutTrailingSlash(QString path) {
  while (path.size() > 1 && (path.endsWith(QLatin1Char('/')) || path.endsWith(QLatin1Char('\\')))) path.chop(1);
  return path;
}

// The temporary file or folder an export writes into; removed unless commit() moved it into place.
class TemporaryTarget {
 public:
  TemporaryTarget(const QString& target, bool folder) : target_(toPath(target)), folder_(folder) {
    temp_ = target_;
    temp_ += ".partial";
    std::error_code ec;
    droste::io::removeTree(temp_);  // left over by a crash
    if (folder_ && !fs::create_directories(temp_, ec) && ec)
      throw Error(ErrorKind::Disk, "Could not create the folder " + temp_.string() + ": " + ec.message());
  }
  ~TemporaryTarget() {
    if (!committed_) droste::io::removeTree(temp_);
  }
  QString path() const { return QString::fromStdString(temp_.string()); }

  void commit() {
    std::error_code ec;
    if (!folder_ || !fs::exists(target_)) {
      fs::rename(temp_, target_, ec);  // atomic; replaces an existing file
      if (ec) throw Error(ErrorKind::Disk, "Could not move the finished export to " + target_.string() + ": " + ec.message());
    } else {
      for (const auto& entry : fs::directory_iterator(temp_)) {
        fs::rename(entry.path(), target_ / entry.path().filename(), ec);
        if (ec) throw Error(ErrorKind::Disk, "Could not move " + entry.path().filename().string() + " into " + target_.string() + ": " + ec.message());
      }
      fs::remove(temp_, ec);
    }
    committed_ = true;
  }

 private:
  fs::path target_, temp_;
  bool folder_;
  bool committed_ = false;
};

// The render threads of an export: each takes the next frame number not yet taken, renders it and hands
// it to the queue, which gives the frames back in order. Joined on every way out of exportZoom (after
// waking them).
class RenderThreads {
 public:
  using RenderFn = std::function<QImage(int frame)>;
  RenderThreads(OrderedFrameQueue& queue, RenderFn render, int frameCount, const std::atomic_bool* cancel)
      : queue_(queue), render_(std::move(render)), frameCount_(frameCount), cancel_(cancel) {}
  ~RenderThreads() {
    queue_.abort();
    for (auto& t : threads_) t.join();
  }
  RenderThreads(const RenderThreads&) = delete;
  RenderThreads& operator=(const RenderThreads&) = delete;

  void start(int count) {
    for (int t = 0; t < count; ++t) threads_.emplace_back([this] { run(); });
  }
  // When the queue stopped early: the first error of a render thread, if that is why.
  void rethrowError() {
    std::lock_guard lock(errorMutex_);
    if (error_) std::rethrow_exception(error_);
  }

 private:
  void run() {
    try {
      for (int i = next_++; i < frameCount_; i = next_++) {
        if (cancel_ && *cancel_) break;
        if (!queue_.push(i, render_(i))) break;
      }
    } catch (...) {
      std::lock_guard lock(errorMutex_);
      if (!error_) error_ = std::current_exception();
      queue_.abort();
    }
  }

  OrderedFrameQueue& queue_;
  const RenderFn render_;
  const int frameCount_;
  const std::atomic_bool* cancel_;
  std::atomic<int> next_{0};
  std::mutex errorMutex_;
  std::exception_ptr error_;
  std::vector<std::thread> threads_;
};

// The encoder's settings for a video export to `target`; throws when the format is unknown or unsupported.
EncoderSettings encoderSettingsFor(const ExportSettings& settings, const QString& target) {
  const auto codec = settings.codec ? settings.codec : codecForPath(target);
  if (!codec)
    throw std::invalid_argument("Cannot tell the video format of " + target.toStdString() +
                                ": name it .mp4 (H.264) or .webm (VP9), or end it with / for a PNG sequence.");
  EncoderSettings encoder;
  encoder.codec = *codec;
  encoder.size = settings.size;
  encoder.fps = settings.timing.fps;
  encoder.crf = settings.crf;
  encoder.preset = settings.preset;
  validate(encoder);
  return encoder;
}

// A missing folder is made (the default ~/Videos does not exist on a fresh account); one that cannot be
// made is named, with the likely reason.
void makeFolderOf(const QString& target) {
  const QString folder = QFileInfo(target).absolutePath();
  if (!QFileInfo(folder).isDir() && !QDir().mkpath(folder))
    throw Error(ErrorKind::Disk, "Could not create the folder " + folder.toStdString() +
                             " (is part of the path a file, or is the disk read-only?).");
}

}  // namespace

bool isPngSequenceTarget(const QString& output) {
  if (output.endsWith(QLatin1Char('/')) || output.endsWith(QLatin1Char('\\'))) return true;
  const QFileInfo info(output);
  return info.isDir() || (info.suffix().isEmpty() && !info.exists());
}

ExportResult exportZoom(const render::ZoomRenderer& renderer, const ExportSettings& settings, const ExportProgressFn& progress,
                        const std::atomic_bool* cancel) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  if (settings.output.isEmpty()) throw std::invalid_argument("No output file or folder given.");
  if (settings.size.isEmpty()) throw std::invalid_argument("The frame size must not be empty.");
  const bool png = isPngSequenceTarget(settings.output);
  const QString target = png ? withoutTrailingSlash(settings.output) : settings.output;
  const render::ZoomSchedule schedule(settings.timing, renderer.keyframeCount() - 1);
  const int total = schedule.frameCount();

  const EncoderSettings encoder = png ? EncoderSettings{} : encoderSettingsFor(settings, target);
  makeFolderOf(target);

  TemporaryTarget temp(target, png);
  std::unique_ptr<VideoWriter> writer;
  if (!png) writer = std::make_unique<VideoWriter>(temp.path(), encoder);
  ExportResult result;
  result.encoder = png ? QStringLiteral("png") : writer->encoderName();
  qCInfo(lcVideo) << "exporting" << total << "frames" << settings.size << "to" << target << "with" << result.encoder;

  const int digits = std::max(5, int(QString::number(total - 1).size()));
  const auto render = [&](int i) {
    QImage frame = renderer.frame(schedule.zoomAt(i), settings.size);
    if (!png) return frame;
    const QString file = QDir(temp.path()).filePath(QStringLiteral("frame_%1.png").arg(i, digits, 10, QLatin1Char('0')));
    if (!frame.convertToFormat(QImage::Format_RGB888).save(file, "PNG"))
      throw Error(ErrorKind::Disk, "Could not write " + file.toStdString() + " (disk full or no permission?)");
    return QImage();  // only the count travels through the queue
  };
  OrderedFrameQueue queue(std::max(1, settings.queueFrames));
  RenderThreads renderThreads(queue, render, total, cancel);
  renderThreads.start(settings.renderThreads > 0 ? settings.renderThreads
                                                 : std::max(1, int(std::thread::hardware_concurrency())));

  ExportProgress p;
  p.frameCount = total;
  for (int i = 0; i < total; ++i) {
    throwIfCancelled(cancel);
    QImage frame;
    if (!queue.pop(frame)) {
      renderThreads.rethrowError();
      throw Cancelled();
    }
    if (writer) writer->write(frame);
    p.framesDone = i + 1;
    p.elapsedSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    p.etaSeconds = p.elapsedSeconds / p.framesDone * (total - p.framesDone);
    if (progress) progress(p);
  }
  throwIfCancelled(cancel);
  if (writer) {
    writer->finish();
    writer.reset();
  }
  temp.commit();
  result.path = target;
  result.frames = total;
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return result;
}

}  // namespace droste::video
