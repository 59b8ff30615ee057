#pragma once
// Renders a zoom and writes it as a video (MP4/H.264, WebM/VP9 or AV1) or a PNG sequence.
// Render threads and the encoder run in parallel through a bounded queue; nothing touches the
// target until the export is complete (temporary name, then rename), so a cancelled or failed
// export leaves no partial file behind.
#include "core/cancellation.h"
#include "core/errors.h"
#include "core/render/zoom_renderer.h"
#include "core/render/zoom_timing.h"
#include "core/video/video_settings.h"

#include <QSize>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>
#include <stdexcept>

namespace droste::video {

struct ExportSettings {
  QString output;                    // out.mp4, out.webm, or a folder for PNGs (existing, or ending in '/')
  std::optional<VideoCodec> codec;   // override the codec the extension implies (AV1 in .webm)
  QSize size{512, 512};
  render::ZoomTiming timing;
  int crf = -1;                      // -1: the codec's default (defaultCrf)
  QString preset;                    // empty: the encoder's default
  int renderThreads = 0;             // 0: one per core
  int queueFrames = 8;               // frames that may wait for the encoder
};

struct ExportProgress {
  int framesDone = 0;
  int frameCount = 0;
  double elapsedSeconds = 0.0;
  double etaSeconds = 0.0;  // remaining, from the average speed so far
};

struct ExportResult {
  QString path;
  int frames = 0;
  double seconds = 0.0;
  QString encoder;  // "libx264", "png"
};

using ExportProgressFn = std::function<void(const ExportProgress&)>;

// True when `output` names a PNG-sequence folder rather than a video file.
bool isPngSequenceTarget(const QString& output);

// Runs the export on the calling thread (plus render threads). Throws droste::Cancelled (core/cancellation.h) when
// `cancel` becomes true, std::runtime_error / FfmpegError with a readable message on failure.
// `progress` is called on the calling thread after every frame.
ExportResult exportZoom(const render::ZoomRenderer& renderer, const ExportSettings& settings,
                        const ExportProgressFn& progress = {}, const std::atomic_bool* cancel = nullptr);

}  // namespace droste::video
