#include "core/video/video_writer.h"

#include "core/video/muxer.h"
#include "core/video/video_encoder.h"

namespace droste::video {

VideoWriter::VideoWriter(const QString& path, const EncoderSettings& settings) {
  const char* container = containerName(settings.codec);
  encoder_ = VideoEncoder::create(settings, Muxer::wantsGlobalHeader(container));
  muxer_ = std::make_unique<Muxer>(path, container, *encoder_);
}

VideoWriter::~VideoWriter() = default;

QString VideoWriter::encoderName() const { return encoder_->encoderName(); }

void VideoWriter::write(const QImage& frame) {
  encoder_->sendFrame(frame);
  drain();
}

void VideoWriter::finish() {
  encoder_->flush();
  drain();
  muxer_->finish();
}

void VideoWriter::drain() {
  while (AVPacketUPtr packet = encoder_->retrievePacket()) muxer_->write(std::move(packet));
}

}  // namespace droste::video
