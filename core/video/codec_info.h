#pragma once
// Which FFmpeg libraries and encoders this build can use.
#include <QString>
#include <QStringList>

namespace droste::video {

struct CodecInfo {
  QString ffmpegVersion;   // av_version_info()
  QString libavcodec;      // "59.37.100"
  QString libavformat;
  QString libswscale;
  QString libavutil;
  QStringList h264Encoders;  // e.g. libx264
  QStringList vp9Encoders;   // e.g. libvpx-vp9
  QStringList av1Encoders;   // e.g. libaom-av1, libsvtav1, librav1e
};

CodecInfo codecInfo();

}  // namespace droste::video
