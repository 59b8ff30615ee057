#pragma once
// Writes one encoder's packets into a container file. Owns the format context and the file.
#include "core/video/ffmpeg_util.h"

#include <QString>

namespace droste::video {

class VideoEncoder;

class Muxer {
 public:
  // `path` may have any extension (exports write to a temporary name); `formatName` is "mp4" or "webm".
  // Opens the file and writes the header. Throws FfmpegError naming the file.
  Muxer(const QString& path, const char* formatName, const VideoEncoder& encoder);

  // Needed before the encoder is created: does this container want codec headers out of band?
  static bool wantsGlobalHeader(const char* formatName);

  void write(AVPacketUPtr packet);  // rescales from the encoder's time base to the stream's
  void finish();                    // trailer, flush, close; the file is complete afterwards

 private:
  QString path_;
  AVFormatOutputUPtr format_;
  AVStream* stream_ = nullptr;
  AVRational encoderTimeBase_{1, 1};
  bool finished_ = false;
};

}  // namespace droste::video
