#pragma once
// RAII owners for FFmpeg objects and readable FFmpeg errors. Only core/video includes this.
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
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

// An output context owns the file its muxer opened (pb) too: closes that, then frees the context.
void closeOutputContext(AVFormatContext* format);
using AVFormatOutputUPtr = std::unique_ptr<AVFormatContext, AVDeleter<&closeOutputContext>>;

// Options for an FFmpeg open call (avcodec_open2, avformat_write_header). The call takes the address of
// the dictionary and leaves in it the entries it did not use, which this then still owns and frees.
class AVDictionaryOwner {
 public:
  AVDictionaryOwner() = default;
  ~AVDictionaryOwner() { av_dict_free(&dict_); }
  AVDictionaryOwner(const AVDictionaryOwner&) = delete;
  AVDictionaryOwner& operator=(const AVDictionaryOwner&) = delete;

  void set(const char* key, const std::string& value) { av_dict_set(&dict_, key, value.c_str(), 0); }
  void erase(const char* key) { av_dict_set(&dict_, key, nullptr, 0); }
  AVDictionary** address() { return &dict_; }
  const AVDictionary* get() const { return dict_; }

 private:
  AVDictionary* dict_ = nullptr;
};

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
