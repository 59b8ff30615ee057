#pragma once
// One video stream's encoder: RGB frames in (converted to yuv420p BT.709 by swscale), packets out.
#include "core/video/ffmpeg_util.h"
#include "core/video/video_settings.h"

#include <QImage>

#include <memory>

namespace droste::video {

class VideoEncoder {
 public:
  // Throws FfmpegError / std::runtime_error when no encoder for the codec exists or it refuses the settings.
  static std::unique_ptr<VideoEncoder> create(const EncoderSettings& settings, bool globalHeader);

  // Frames get consecutive timestamps (1/fps apart). The image must have the settings' size.
  void sendFrame(const QImage& image);
  // No more frames: the encoder releases what it still holds.
  void flush();
  // The next finished packet (timestamps in context()->time_base), or null when the encoder needs
  // more input or has nothing left after flush().
  AVPacketUPtr retrievePacket();

  const AVCodecContext* context() const { return context_.get(); }
  QString encoderName() const;

 private:
  VideoEncoder() = default;
  AVCodecContextUPtr context_;
  SwsContextUPtr sws_;
  AVFrameUPtr yuv_;
  int64_t nextPts_ = 0;
  bool flushed_ = false;
};

}  // namespace droste::video
