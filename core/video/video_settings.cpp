#include "core/video/video_settings.h"

#include <QFileInfo>

#include <stdexcept>

namespace droste::video {

int defaultCrf(VideoCodec codec) {
  switch (codec) {
    case VideoCodec::H264: return 18;
    case VideoCodec::VP9: return 20;
    case VideoCodec::AV1: return 22;
  }
  return 23;
}

QString codecName(VideoCodec codec) {
  switch (codec) {
    case VideoCodec::H264: return QStringLiteral("H.264");
    case VideoCodec::VP9: return QStringLiteral("VP9");
    case VideoCodec::AV1: return QStringLiteral("AV1");
  }
  return {};
}

const char* containerName(VideoCodec codec) { return codec == VideoCodec::H264 ? "mp4" : "webm"; }

std::optional<VideoCodec> codecForPath(const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == QLatin1String("mp4") || suffix == QLatin1String("m4v") || suffix == QLatin1String("mov")) return VideoCodec::H264;
  if (suffix == QLatin1String("webm")) return VideoCodec::VP9;
  return std::nullopt;
}

void validate(const EncoderSettings& s) {
  if (s.size.width() < 16 || s.size.height() < 16)
    throw std::invalid_argument("The video must be at least 16x16 pixels.");
  if (s.size.width() % 2 || s.size.height() % 2)
    throw std::invalid_argument("Video width and height must be even for 4:2:0 video (got " + std::to_string(s.size.width()) + "x" +
                                std::to_string(s.size.height()) + "); pick an even size.");
  if (!(s.fps > 0.0) || s.fps > 1000.0) throw std::invalid_argument("The frame rate must be between 0 and 1000 frames per second.");
  const int maxCrf = s.codec == VideoCodec::H264 ? 51 : 63;
  if (s.crf != -1 && (s.crf < 0 || s.crf > maxCrf))
    throw std::invalid_argument("CRF " + std::to_string(s.crf) + " is out of range for " + codecName(s.codec).toStdString() +
                                " (0-" + std::to_string(maxCrf) + ").");
}

}  // namespace droste::video
