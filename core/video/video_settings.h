#pragma once
// What a video export asks the encoder for.
#include <QSize>
#include <QString>

#include <optional>

namespace droste::video {

enum class VideoCodec { H264, VP9, AV1 };

struct EncoderSettings {
  VideoCodec codec = VideoCodec::H264;
  QSize size;          // even width and height (4:2:0)
  double fps = 30.0;   // any rate; 29.97 becomes 2997/100
  int crf = -1;        // quality (lower = better); -1 = defaultCrf(codec)
  QString preset;      // x264 / SVT-AV1 speed preset; empty = Droste's default (x264 veryfast, SVT 8)
};

// Defaults aim at "no visible loss" (>= 35 dB PSNR on detailed texture): H.264 18, VP9 20, AV1 22.
int defaultCrf(VideoCodec codec);
QString codecName(VideoCodec codec);        // "H.264", "VP9", "AV1"
const char* containerName(VideoCodec codec);  // FFmpeg muxer: "mp4" or "webm"

// From the file name: .mp4/.m4v/.mov -> H.264, .webm -> VP9; nullopt for anything else.
std::optional<VideoCodec> codecForPath(const QString& path);

// Throws std::invalid_argument with an artist-readable message (odd size, fps <= 0, crf range).
void validate(const EncoderSettings& settings);

}  // namespace droste::video
