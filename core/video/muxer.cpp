#include "core/video/muxer.h"

#include <QFileInfo>

#include "core/video/video_encoder.h"

namespace droste::video {

bool Muxer::wantsGlobalHeader(const char* formatName) {
  const AVOutputFormat* format = av_guess_format(formatName, nullptr, nullptr);
  return format && (format->flags & AVFMT_GLOBALHEADER);
}

Muxer::Muxer(const QString& path, const char* formatName, const VideoEncoder& encoder) : path_(path) {
  // Always a file: FFmpeg would read a relative "name:rest" as protocol "name" (http:, pipe:, ...).
  const QByteArray file = "file:" + QFileInfo(path).absoluteFilePath().toUtf8();
  const std::string where = " (" + path.toStdString() + ")";
  AVFormatContext* allocated = nullptr;
  check(avformat_alloc_output_context2(&allocated, nullptr, formatName, file.constData()),
        std::string("Could not set up a ") + formatName + " file" + where);
  format_.reset(allocated);
  stream_ = avformat_new_stream(format_.get(), nullptr);
  if (!stream_) throw std::bad_alloc();
  const AVCodecContext* ctx = encoder.context();
  check(avcodec_parameters_from_context(stream_->codecpar, ctx), "Could not describe the video stream" + where);
  stream_->time_base = ctx->time_base;
  stream_->avg_frame_rate = ctx->framerate;
  stream_->r_frame_rate = ctx->framerate;
  encoderTimeBase_ = ctx->time_base;
  check(avio_open(&format_->pb, file.constData(), AVIO_FLAG_WRITE),
        "Could not open " + path.toStdString() + " for writing; check the folder exists and is writable");
  AVDictionaryOwner options;
  if (std::string(formatName) == "mp4") options.set("movflags", "+faststart");  // plays while downloading
  check(avformat_write_header(format_.get(), options.address()), "Could not write the video header" + where);
}

void Muxer::write(AVPacketUPtr packet) {
  av_packet_rescale_ts(packet.get(), encoderTimeBase_, stream_->time_base);
  packet->stream_index = stream_->index;
  check(av_interleaved_write_frame(format_.get(), packet.get()), "Could not write to " + path_.toStdString() + " (disk full?)");
}

void Muxer::finish() {
  if (finished_) return;
  finished_ = true;
  check(av_write_trailer(format_.get()), "Could not finish " + path_.toStdString());
  check(avio_closep(&format_->pb), "Could not close " + path_.toStdString() + " (disk full?)");
}

}  // namespace droste::video
