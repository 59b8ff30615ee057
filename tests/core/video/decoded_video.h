#pragma once
// Reads a video file back with libavformat/libavcodec for the export tests: stream facts and
// every frame as RGB (BT.709 limited range, as the exporter tags it).
#include "core/video/ffmpeg_util.h"

#include <QImage>
#include <QString>

#include <vector>

namespace droste::test {

struct DecodedVideo {
  QString formatName;     // "mov,mp4,m4a,3gp,3g2,mj2" / "matroska,webm"
  AVCodecID codec = AV_CODEC_ID_NONE;
  AVPixelFormat pixelFormat = AV_PIX_FMT_NONE;
  int width = 0, height = 0;
  double fps = 0.0;             // the stream's average frame rate
  double durationSeconds = 0.0;  // the container's duration
  AVColorSpace colorSpace = AVCOL_SPC_UNSPECIFIED;
  std::vector<QImage> frames;    // RGB888
};

inline DecodedVideo decodeVideo(const QString& path) {
  using namespace droste::video;
  DecodedVideo out;
  AVFormatContext* raw = nullptr;
  check(avformat_open_input(&raw, path.toUtf8().constData(), nullptr, nullptr), "open " + path.toStdString());
  AVFormatInputUPtr format(raw);
  check(avformat_find_stream_info(format.get(), nullptr), "stream info");
  const int index = check(av_find_best_stream(format.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0), "video stream");
  AVStream* stream = format->streams[index];
  out.formatName = QString::fromLatin1(format->iformat->name);
  out.codec = stream->codecpar->codec_id;
  out.pixelFormat = AVPixelFormat(stream->codecpar->format);
  out.width = stream->codecpar->width;
  out.height = stream->codecpar->height;
  out.fps = av_q2d(stream->avg_frame_rate);
  out.durationSeconds = format->duration / double(AV_TIME_BASE);
  out.colorSpace = stream->codecpar->color_space;

  const AVCodec* decoder = avcodec_find_decoder(out.codec);
  if (out.codec == AV_CODEC_ID_VP9) decoder = avcodec_find_decoder_by_name("vp9");  // native, not libvpx
  if (!decoder) throw std::runtime_error("no decoder");
  AVCodecContextUPtr ctx(avcodec_alloc_context3(decoder));
  check(avcodec_parameters_to_context(ctx.get(), stream->codecpar), "decoder params");
  check(avcodec_open2(ctx.get(), decoder, nullptr), "open decoder");
  SwsContextUPtr sws(sws_getContext(out.width, out.height, out.pixelFormat, out.width, out.height, AV_PIX_FMT_RGB24,
                                    SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, nullptr, nullptr, nullptr));
  const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
  sws_setColorspaceDetails(sws.get(), bt709, 0, bt709, 1, 0, 1 << 16, 1 << 16);
  AVPacketUPtr packet(av_packet_alloc());
  AVFrameUPtr frame(av_frame_alloc());
  auto receive = [&] {
    while (avcodec_receive_frame(ctx.get(), frame.get()) == 0) {
      QImage img(out.width, out.height, QImage::Format_RGB888);
      uint8_t* dst[1] = {img.bits()};
      const int stride[1] = {int(img.bytesPerLine())};
      sws_scale(sws.get(), frame->data, frame->linesize, 0, out.height, dst, stride);
      out.frames.push_back(img);
    }
  };
  while (av_read_frame(format.get(), packet.get()) >= 0) {
    if (packet->stream_index == index) {
      check(avcodec_send_packet(ctx.get(), packet.get()), "decode");
      receive();
    }
    av_packet_unref(packet.get());
  }
  avcodec_send_packet(ctx.get(), nullptr);
  receive();
  return out;
}

}  // namespace droste::test
