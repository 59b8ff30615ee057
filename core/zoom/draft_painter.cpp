#include "core/zoom/draft_painter.h"

#include "core/imaging/pixel_formats.h"
#include "core/imaging/resample.h"
#include "core/zoom/padding.h"

#include <QCryptographicHash>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace droste::zoom {
namespace {

std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}
double unit(std::uint64_t& state) { return double(splitmix(state) >> 11) * 0x1.0p-53; }  // [0, 1)

// A small random grid, smoothly interpolated up to w x h (value noise, one octave), 3 channels in [-1, 1].
std::vector<float> valueNoise(int w, int h, int cells, std::uint64_t& rng, int channels) {
  const int gw = cells + 2, gh = std::max(2, cells * h / std::max(1, w)) + 2;
  std::vector<float> grid(size_t(gw) * gh * channels);
  for (float& v : grid) v = float(unit(rng) * 2.0 - 1.0);
  std::vector<float> out(size_t(w) * h * channels);
  const double sx = double(gw - 2) / w, sy = double(gh - 2) / h;
  auto smooth = [](double t) { return t * t * (3.0 - 2.0 * t); };
  for (int y = 0; y < h; ++y) {
    const double fy = (y + 0.5) * sy;
    const int y0 = int(fy);
    const double ty = smooth(fy - y0);
    for (int x = 0; x < w; ++x) {
      const double fx = (x + 0.5) * sx;
      const int x0 = int(fx);
      const double tx = smooth(fx - x0);
      for (int c = 0; c < channels; ++c) {
        auto g = [&](int gx, int gy) { return grid[(size_t(gy) * gw + gx) * channels + c]; };
        const double top = g(x0, y0) + tx * (g(x0 + 1, y0) - g(x0, y0));
        const double bottom = g(x0, y0 + 1) + tx * (g(x0 + 1, y0 + 1) - g(x0, y0 + 1));
        out[(size_t(y) * w + x) * channels + c] = float(top + ty * (bottom - top));
      }
    }
  }
  return out;
}

// Fractal noise at a small size (cheap), scaled up smoothly: in [0, 1] roughly.
QImage fractalField(int w, int h, std::uint64_t& rng) {
  const int sw = std::max(8, w / 4), sh = std::max(8, h / 4);
  std::vector<float> sum(size_t(sw) * sh, 0.5f);
  double amplitude = 0.5;
  for (int octave = 0, cells = 3; octave < 5; ++octave, cells *= 2, amplitude *= 0.5) {
    const std::vector<float> n = valueNoise(sw, sh, cells, rng, 1);
    for (size_t i = 0; i < sum.size(); ++i) sum[i] += float(amplitude * 0.6 * n[i]);
  }
  QImage small(sw, sh, QImage::Format_Grayscale8);
  for (int y = 0; y < sh; ++y)
    for (int x = 0; x < sw; ++x)
      small.scanLine(y)[x] = uchar(std::clamp(std::lround(255.0 * sum[size_t(y) * sw + x]), 0L, 255L));
  return imaging::resized(small, QSize(w, h), imaging::ResampleFilter::Box);
}

// Three colours from the prompt (so a prompt keeps its look across seeds) shifted a little by the seed.
void palette(const QString& prompt, std::uint64_t& rng, double out[3][3]) {
  const QByteArray digest = QCryptographicHash::hash(prompt.toUtf8(), QCryptographicHash::Sha256);
  std::uint64_t h = 0;
  std::memcpy(&h, digest.constData(), sizeof h);
  const double baseHue = double(h % 360);
  for (int i = 0; i < 3; ++i) {
    const double hue = std::fmod(baseHue + 40.0 * i + 30.0 * (unit(rng) - 0.5) + 360.0, 360.0);
    const double sat = 0.35 + 0.4 * unit(rng);
    const double val = 0.25 + 0.3 * i + 0.1 * unit(rng);
    const QColor c = QColor::fromHsvF(float(hue / 360.0), float(sat), float(std::min(val, 1.0)));
    out[i][0] = c.red();
    out[i][1] = c.green();
    out[i][2] = c.blue();
  }
}

// The prompt's own middle colour, whatever the seed: what the repainted ring leans towards.
void promptColour(const QString& prompt, float out[3]) {
  const QByteArray digest = QCryptographicHash::hash(prompt.toUtf8(), QCryptographicHash::Sha256);
  std::uint64_t rng = 0;
  std::memcpy(&rng, digest.constData() + 8, sizeof rng);
  double colours[3][3];
  palette(prompt, rng, colours);
  for (int c = 0; c < 3; ++c) out[c] = float(colours[1][c]);
}

// The first keyframe: a procedural landscape (bright sky at the top, darker ground, fractal structure).
QImage scene(int w, int h, const QString& prompt, std::uint64_t& rng) {
  double colours[3][3];
  palette(prompt, rng, colours);
  const QImage field = fractalField(w, h, rng);
  const double horizon = 0.4 + 0.2 * unit(rng);
  QImage img(w, h, QImage::Format_RGB888);
  for (int y = 0; y < h; ++y) {
    const uchar* f = field.constScanLine(y);
    uchar* out = img.scanLine(y);
    const double v = double(y) / h;
    for (int x = 0; x < w; ++x) {
      const double n = f[x] / 255.0;
      // Above the (noisy) horizon: sky from colour 2 to 1; below: ground from colour 1 to 0.
      const double edge = horizon + 0.25 * (n - 0.5);
      double t, mix[3];
      if (v < edge) {
        t = std::clamp(v / edge * 0.7 + 0.3 * n, 0.0, 1.0);
        for (int c = 0; c < 3; ++c) mix[c] = colours[2][c] + t * (colours[1][c] - colours[2][c]);
      } else {
        t = std::clamp((v - edge) / (1.0 - edge) * 0.5 + n * 0.5, 0.0, 1.0);
        for (int c = 0; c < 3; ++c) mix[c] = colours[1][c] + t * (colours[0][c] - colours[1][c]);
      }
      for (int c = 0; c < 3; ++c) out[3 * x + c] = uchar(std::clamp(std::lround(mix[c] * (0.75 + 0.5 * n)), 0L, 255L));
    }
  }
  return img;
}

// True when the mask repaints every pixel: then there is no picture to continue and a scene is painted.
bool fullyMasked(const QImage& mask) {
  for (int y = 0; y < mask.height(); ++y) {
    const uchar* m = mask.constScanLine(y);
    for (int x = 0; x < mask.width(); ++x)
      if (m[x] != 255) return false;
  }
  return true;
}

// Everything soft, at a quarter of the size (interpolated in the one full-size pass): the picture out of
// focus (plus low-frequency colour variation), and the blend weight (the blurred mask: 0 at the seam, so
// the mirrored continuation stays sharp there, 1 deep in the ring).
struct SoftLayers {
  int width = 0, height = 0;
  std::vector<float> target;  // RGB, what the ring leans towards
  std::vector<float> weight;  // how far it leans, in [0, 1]
};

SoftLayers softLayers(const QImage& base, const QImage& mask, const QString& prompt, std::uint64_t& rng) {
  constexpr int kFactor = 4;
  const int w = base.width(), h = base.height();
  const int sw = std::max(2, (w + kFactor - 1) / kFactor), sh = std::max(2, (h + kFactor - 1) / kFactor);
  const int radius = std::max(1, std::max(w, h) / 48 / kFactor);
  const QImage blurSmall = boxBlur(imaging::resized(base, QSize(sw, sh), imaging::ResampleFilter::Box), radius, 3);
  const QImage softSmall = boxBlur(imaging::resized(mask, QSize(sw, sh), imaging::ResampleFilter::Box), radius, 3);
  const std::vector<float> tint = valueNoise(sw, sh, 4, rng, 3);
  constexpr float kTint = 16.0f;  // +-16 levels at most
  // Deep in the ring the picture leans a quarter of the way towards the prompt's colour, so a keyframe
  // with its own prompt looks different (the seam stays a sharp continuation: the soft target is not
  // used there).
  constexpr float kPromptPull = 0.25f;
  float cast[3];
  promptColour(prompt, cast);
  SoftLayers layers{sw, sh, std::vector<float>(size_t(sw) * sh * 3), std::vector<float>(size_t(sw) * sh)};
  for (int y = 0; y < sh; ++y)
    for (int x = 0; x < sw; ++x) {
      const size_t i = size_t(y) * sw + x;
      for (int c = 0; c < 3; ++c) {
        const float blurred = blurSmall.constScanLine(y)[3 * x + c];
        layers.target[3 * i + c] = blurred + kPromptPull * (cast[c] - blurred) + kTint * tint[3 * i + c];
      }
      layers.weight[i] = softSmall.constScanLine(y)[x] / 255.0f;
    }
  return layers;
}

// Bilinear interpolation coordinates (pixel centres aligned) from n full-size pixels to `small` ones.
struct Lerp {
  int i0, i1;
  float t;
};
std::vector<Lerp> lerpTable(int n, int small) {
  std::vector<Lerp> table(n);
  const float scale = float(small) / float(n);
  for (int i = 0; i < n; ++i) {
    const float f = std::clamp((i + 0.5f) * scale - 0.5f, 0.0f, float(small - 1));
    const int i0 = std::min(int(f), small - 1);
    table[i] = {i0, std::min(i0 + 1, small - 1), f - float(i0)};
  }
  return table;
}

// The one full-size pass: where the mask says so, `out` moves towards the sharp `base` blended with the
// soft layers, plus film grain drawn from `grain`.
void paintMasked(QImage& out, const QImage& base, const QImage& mask, const SoftLayers& layers, std::uint64_t grain,
                 const std::atomic_bool* cancel) {
  const int w = out.width(), h = out.height(), sw = layers.width;
  const std::vector<Lerp> lx = lerpTable(w, layers.width), ly = lerpTable(h, layers.height);
  for (int y = 0; y < h; ++y) {
    if ((y & 63) == 0) throwIfCancelled(cancel);
    const uchar* m = mask.constScanLine(y);
    const uchar* b = base.constScanLine(y);
    uchar* o = out.scanLine(y);
    const Lerp vy = ly[y];
    const float* t0 = layers.target.data() + size_t(vy.i0) * sw * 3;
    const float* t1 = layers.target.data() + size_t(vy.i1) * sw * 3;
    const float* s0 = layers.weight.data() + size_t(vy.i0) * sw;
    const float* s1 = layers.weight.data() + size_t(vy.i1) * sw;
    for (int x = 0; x < w; ++x) {
      if (m[x] == 0) continue;
      const Lerp vx = lx[x];
      const float a = m[x] / 255.0f;  // how much to repaint
      const float sTop = s0[vx.i0] + vx.t * (s0[vx.i1] - s0[vx.i0]);
      const float sBottom = s1[vx.i0] + vx.t * (s1[vx.i1] - s1[vx.i0]);
      const float k = sTop + vy.t * (sBottom - sTop);
      grain ^= grain << 13;  // xorshift64: film grain, +-6 levels, the same in all channels
      grain ^= grain >> 7;
      grain ^= grain << 17;
      const float noise = float(int(grain & 15) - 8) * 0.75f;
      for (int c = 0; c < 3; ++c) {
        const float top = t0[3 * vx.i0 + c] + vx.t * (t0[3 * vx.i1 + c] - t0[3 * vx.i0 + c]);
        const float bottom = t1[3 * vx.i0 + c] + vx.t * (t1[3 * vx.i1 + c] - t1[3 * vx.i0 + c]);
        const float soft = top + vy.t * (bottom - top);
        const float sharp = b[3 * x + c];
        const float painted = sharp + k * (soft - sharp) + noise;
        const float v = o[3 * x + c] + a * (painted - o[3 * x + c]);
        o[3 * x + c] = uchar(std::clamp(v + 0.5f, 0.0f, 255.0f));
      }
    }
  }
}

// strength < 1 (a detail pass over an enlarged picture): the picture stays, sharpened and given film grain
// in proportion to the strength where the mask says so, as a model adds detail at low strength.
QImage addDetail(const QImage& src, const QImage& mask, double strength, std::uint64_t grain,
                 const std::atomic_bool* cancel) {
  const QImage soft = boxBlur(src, 2, 1);
  QImage out = src.copy();
  const float amount = float(strength);
  for (int y = 0; y < src.height(); ++y) {
    if ((y & 63) == 0) throwIfCancelled(cancel);
    const uchar* s = src.constScanLine(y);
    const uchar* b = soft.constScanLine(y);
    const uchar* m = mask.constScanLine(y);
    uchar* o = out.scanLine(y);
    for (int x = 0; x < src.width(); ++x) {
      grain ^= grain << 13;  // xorshift64, as in paintMasked
      grain ^= grain >> 7;
      grain ^= grain << 17;
      const float noise = float(int(grain & 15) - 8) * 1.5f;
      const float a = amount * m[x] / 255.0f;
      for (int c = 0; c < 3; ++c) {
        const float v = s[3 * x + c] + a * (2.0f * (s[3 * x + c] - b[3 * x + c]) + noise);
        o[3 * x + c] = uchar(std::clamp(v + 0.5f, 0.0f, 255.0f));
      }
    }
  }
  return out;
}

}  // namespace

QImage DraftPainter::paint(const PaintRequest& request, const PaintProgressFn& progress, const std::atomic_bool* cancel) {
  if (request.image.isNull() || request.image.size() != request.mask.size())
    throw std::invalid_argument("DraftPainter: the image and the mask must be non-empty and of the same size");
  throwIfCancelled(cancel);
  const QImage src = imaging::toRgb888(request.image);
  const QImage mask = imaging::toGray8(request.mask);
  std::uint64_t rng = request.seed ^ 0xD5A61266F0C9392Cull;
  splitmix(rng);
  if (request.strength < 1.0) {
    QImage out = addDetail(src, mask, std::max(0.0, request.strength), splitmix(rng) | 1, cancel);
    if (progress) progress(PaintProgress{1, 1, out});
    return out;
  }
  const QImage base = fullyMasked(mask) ? scene(src.width(), src.height(), request.prompt, rng) : src;
  const SoftLayers layers = softLayers(base, mask, request.prompt, rng);
  QImage out = src.copy();
  paintMasked(out, base, mask, layers, splitmix(rng) | 1, cancel);
  if (progress) progress(PaintProgress{1, 1, out});
  return out;
}

}  // namespace droste::zoom
