#pragma once
// RAII owners for FFmpeg objects and readable FFmpeg errors. Only core/video includes this.
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/frame.h>
#include <libswscale/swscale.h>
}

#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace droste::video {

// One deleter template for every FFmpeg free function: AVDeleter<&av_frame_free> etc.
template <auto FreeFn>
struct AVDeleter {
  template <typename T>
  void operator()(T* object) const {
    if constexpr (std::is_invocable_v<decltype(FreeFn), T**>) {
      FreeFn(&object);
    } else {
      FreeFn(object);
    }
  }
};

using AVFrameUPtr = std::unique_ptr<AVFrame, AVDeleter<&av_frame_free>>;
using AVPacketUPtr = std::unique_ptr<AVPacket, AVDeleter<&av_packet_free>>;
using AVCodecContextUPtr = std::unique_ptr<AVCodecContext, AVDeleter<&avcodec_free_context>>;
using SwsContextUPtr = std::unique_ptr<SwsContext, AVDeleter<&sws_freeContext>>;
using AVFormatInputUPtr = std::unique_ptr<AVFormatContext, AVDeleter<&avformat_close_input>>;

// "Invalid argument", "No space left on device", ... for an FFmpeg error code.
std::string err2str(int errnum);

// An FFmpeg call failed; the message says what Droste was doing and why it failed.
class FfmpegError : public std::runtime_error {
 public:
  FfmpegError(const std::string& what, int errnum) : std::runtime_error(what + ": " + err2str(errnum)), code_(errnum) {}
  int code() const { return code_; }

 private:
  int code_;
};

// Returns ret when it is not an error, throws FfmpegError(what) when it is.
inline int check(int ret, const std::string& what) {
  if (ret < 0) throw FfmpegError(what, ret);
  return ret;
}

AVFrameUPtr makeFrame(int width, int height, AVPixelFormat format);

}  // namespace droste::video
