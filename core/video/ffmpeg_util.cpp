#include "core/video/ffmpeg_util.h"

extern "C" {
#include <libavutil/error.h>
}

namespace droste::video {

std::string err2str(int errnum) {
  char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(errnum, buffer, sizeof buffer);
  return buffer;
}

void closeOutputContext(AVFormatContext* format) {
  // A format that writes no file of its own (AVFMT_NOFILE) has no pb of ours to close.
  if (format->pb && !(format->oformat->flags & AVFMT_NOFILE)) avio_closep(&format->pb);
  avformat_free_context(format);
}

AVFrameUPtr makeFrame(int width, int height, AVPixelFormat format) {
  AVFrameUPtr frame(av_frame_alloc());
  if (!frame) throw std::bad_alloc();
  frame->width = width;
  frame->height = height;
  frame->format = format;
  check(av_frame_get_buffer(frame.get(), 0), "Could not allocate a video frame");
  return frame;
}

}  // namespace droste::video
