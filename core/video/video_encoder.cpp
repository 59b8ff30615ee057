#include "core/video/video_encoder.h"

#include "core/logging.h"

extern "C" {
#include <libavutil/opt.h>
}

#include <QThread>

#include <algorithm>
#include <string>

namespace droste::video {
namespace {

const AVCodec* findEncoder(VideoCodec codec) {
  // Preferred library encoders first (quality / speed), then whatever FFmpeg offers for the id.
  const char* const h264[] = {"libx264"};
  const char* const vp9[] = {"libvpx-vp9"};
  const char* const av1[] = {"libsvtav1", "libaom-av1", "librav1e"};
  auto tryNames = [](auto& names) -> const AVCodec* {
    for (const char* name : names)
      if (const AVCodec* c = avcodec_find_encoder_by_name(name)) return c;
    return nullptr;
  };
  switch (codec) {
    case VideoCodec::H264:
      if (auto c = tryNames(h264)) return c;
      return avcodec_find_encoder(AV_CODEC_ID_H264);
    case VideoCodec::VP9:
      if (auto c = tryNames(vp9)) return c;
      return avcodec_find_encoder(AV_CODEC_ID_VP9);
    case VideoCodec::AV1:
      if (auto c = tryNames(av1)) return c;
      return avcodec_find_encoder(AV_CODEC_ID_AV1);
  }
  return nullptr;
}

}  // namespace

std::unique_ptr<VideoEncoder> VideoEncoder::create(const EncoderSettings& settings, bool globalHeader) {
  validate(settings);
  static const bool quietLibraries = [] {  // encoders' banners and statistics would flood the terminal
    if (av_log_get_level() > AV_LOG_WARNING) av_log_set_level(AV_LOG_WARNING);
    return true;
  }();
  (void)quietLibraries;
  const AVCodec* codec = findEncoder(settings.codec);
  if (!codec)
    throw std::runtime_error("This FFmpeg build has no " + codecName(settings.codec).toStdString() +
                             " encoder; pick another format (droste-cli info lists the encoders).");
  std::unique_ptr<VideoEncoder> enc(new VideoEncoder);
  enc->context_.reset(avcodec_alloc_context3(codec));
  if (!enc->context_) throw std::bad_alloc();
  AVCodecContext* ctx = enc->context_.get();
  const AVRational rate = av_d2q(settings.fps, 1001000);
  ctx->width = settings.size.width();
  ctx->height = settings.size.height();
  ctx->pix_fmt = AV_PIX_FMT_YUV420P;
  ctx->time_base = av_inv_q(rate);
  ctx->framerate = rate;
  ctx->sample_aspect_ratio = AVRational{1, 1};
  ctx->color_range = AVCOL_RANGE_MPEG;
  ctx->colorspace = AVCOL_SPC_BT709;
  ctx->color_primaries = AVCOL_PRI_BT709;
  ctx->color_trc = AVCOL_TRC_BT709;
  ctx->thread_count = 0;  // the encoder's own choice (all cores)
  if (globalHeader) ctx->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;

  const int crf = settings.crf >= 0 ? settings.crf : defaultCrf(settings.codec);
  const std::string name = codec->name;
  AVDictionaryOwner options;
  options.set("crf", std::to_string(crf));
  if (name == "libx264") {
    // veryfast: about half the CPU of x264's medium at this CRF (measured on 512x512 zooms; the export
    // is encoder-bound), still >= 35 dB; artists pass "slow" for a smaller final file.
    options.set("preset", settings.preset.isEmpty() ? "veryfast" : settings.preset.toStdString());
  } else if (name == "libvpx-vp9") {
    ctx->bit_rate = 0;  // constant quality
    options.set("deadline", "good");
    options.set("cpu-used", "4");
    options.set("row-mt", "1");
  } else if (name == "libaom-av1") {
    ctx->bit_rate = 0;
    options.set("cpu-used", "6");
    options.set("row-mt", "1");
  } else if (name == "libsvtav1") {
    options.set("preset", settings.preset.isEmpty() ? "8" : settings.preset.toStdString());
  } else if (name == "librav1e") {
    options.erase("crf");
    options.set("qp", std::to_string(std::min(255, crf * 4)));
    options.set("speed", "8");
  }
  check(avcodec_open2(ctx, codec, options.address()),
        "Could not start the " + name + " encoder for " + std::to_string(ctx->width) + "x" + std::to_string(ctx->height));
  for (const AVDictionaryEntry* e = nullptr; (e = av_dict_get(options.get(), "", e, AV_DICT_IGNORE_SUFFIX));)
    qCWarning(lcVideo) << "encoder" << codec->name << "ignored option" << e->key << "=" << e->value;

  // RGBX bytes (= AV_PIX_FMT_RGB0) to limited-range BT.709 4:2:0, as the stream is tagged.
  enc->sws_.reset(sws_getContext(ctx->width, ctx->height, AV_PIX_FMT_RGB0, ctx->width, ctx->height, AV_PIX_FMT_YUV420P,
                                 SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INP, nullptr, nullptr, nullptr));
  if (!enc->sws_) throw std::runtime_error("Could not set up the RGB to YUV conversion (swscale).");
  const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
  sws_setColorspaceDetails(enc->sws_.get(), bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16);
  enc->yuv_ = makeFrame(ctx->width, ctx->height, AV_PIX_FMT_YUV420P);
  return enc;
}

QString VideoEncoder::encoderName() const { return QString::fromLatin1(context_->codec->name); }

void VideoEncoder::sendFrame(const QImage& image) {
  AVCodecContext* ctx = context_.get();
  if (image.width() != ctx->width || image.height() != ctx->height)
    throw std::invalid_argument("Frame size " + std::to_string(image.width()) + "x" + std::to_string(image.height()) +
                                " does not match the video's " + std::to_string(ctx->width) + "x" + std::to_string(ctx->height));
  const QImage rgbx = image.format() == QImage::Format_RGBX8888 ? image : image.convertToFormat(QImage::Format_RGBX8888);
  // The encoder may still hold the previous frame's buffer: give it a fresh one when shared.
  check(av_frame_make_writable(yuv_.get()), "Could not get a writable video frame");
  const uint8_t* src[1] = {rgbx.constBits()};
  const int srcStride[1] = {int(rgbx.bytesPerLine())};
  sws_scale(sws_.get(), src, srcStride, 0, ctx->height, yuv_->data, yuv_->linesize);
  yuv_->pts = nextPts_++;
  check(avcodec_send_frame(ctx, yuv_.get()), "The " + encoderName().toStdString() + " encoder refused frame " + std::to_string(yuv_->pts));
}

void VideoEncoder::flush() {
  if (flushed_) return;
  flushed_ = true;
  check(avcodec_send_frame(context_.get(), nullptr), "Could not finish the video stream");
}

AVPacketUPtr VideoEncoder::retrievePacket() {
  AVPacketUPtr packet(av_packet_alloc());
  if (!packet) throw std::bad_alloc();
  const int ret = avcodec_receive_packet(context_.get(), packet.get());
  if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF) return nullptr;
  check(ret, "The " + encoderName().toStdString() + " encoder failed");
  return packet;
}

}  // namespace droste::video
