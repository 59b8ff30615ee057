#pragma once
// Encoder + muxer: QImages in, a finished video file out. Not thread-safe; one thread feeds it.
#include "core/video/video_settings.h"

#include <QImage>
#include <QString>

#include <memory>

namespace droste::video {

class VideoEncoder;
class Muxer;

class VideoWriter {
 public:
  // Writes to `path` exactly (callers pick a temporary name); the container follows settings.codec.
  VideoWriter(const QString& path, const EncoderSettings& settings);
  ~VideoWriter();

  void write(const QImage& frame);
  void finish();  // flushes the encoder and closes the file
  QString encoderName() const;

 private:
  void drain();
  std::unique_ptr<VideoEncoder> encoder_;
  std::unique_ptr<Muxer> muxer_;
};

}  // namespace droste::video
