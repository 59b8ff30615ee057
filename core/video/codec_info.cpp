#include "core/video/codec_info.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libswscale/swscale.h>
}

namespace droste::video {
namespace {

QString versionString(unsigned v) {
  return QStringLiteral("%1.%2.%3").arg(v >> 16).arg((v >> 8) & 0xff).arg(v & 0xff);
}

QStringList encodersFor(AVCodecID id) {
  QStringList names;
  void* it = nullptr;
  while (const AVCodec* codec = av_codec_iterate(&it)) {
    if (codec->id == id && av_codec_is_encoder(codec)) names << QString::fromLatin1(codec->name);
  }
  return names;
}

}  // namespace

CodecInfo codecInfo() {
  CodecInfo info;
  info.ffmpegVersion = QString::fromLatin1(av_version_info());
  info.libavcodec = versionString(avcodec_version());
  info.libavformat = versionString(avformat_version());
  info.libswscale = versionString(swscale_version());
  info.libavutil = versionString(avutil_version());
  info.h264Encoders = encodersFor(AV_CODEC_ID_H264);
  info.vp9Encoders = encodersFor(AV_CODEC_ID_VP9);
  info.av1Encoders = encodersFor(AV_CODEC_ID_AV1);
  return info;
}

}  // namespace droste::video
