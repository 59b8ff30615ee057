#include "core/render/zoom_renderer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <stdexcept>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace droste::render {
namespace {

typedef uint8_t Vec4b __attribute__((vector_size(4)));

inline Vec4f toFloat(uint32_t packed) {
#ifdef __SSE2__
  const __m128i zero = _mm_setzero_si128();
  const __m128i words = _mm_unpacklo_epi8(_mm_cvtsi32_si128(int(packed)), zero);
  return Vec4f(_mm_cvtepi32_ps(_mm_unpacklo_epi16(words, zero)));
#else
  Vec4b bytes;
  std::memcpy(&bytes, &packed, 4);
  return __builtin_convertvector(bytes, Vec4f);
#endif
}

// Rounded and clamped to 0..255, packed as RGBX bytes (X = 255).
inline uint32_t toRgbx(Vec4f v) {
#ifdef __SSE2__
  const __m128 withX = _mm_or_ps(_mm_and_ps(__m128(v), _mm_castsi128_ps(_mm_setr_epi32(-1, -1, -1, 0))), _mm_setr_ps(0, 0, 0, 255.0f));
  const __m128i i = _mm_cvtps_epi32(withX);  // round to nearest even
  const __m128i words = _mm_packs_epi32(i, i);
  return uint32_t(_mm_cvtsi128_si32(_mm_packus_epi16(words, words)));  // saturates to 0..255
#else
  uint32_t packed = 0xff000000u;
  for (int c = 0; c < 3; ++c) packed |= uint32_t(std::clamp(int(v[c] + 0.5f), 0, 255)) << (8 * c);
  return packed;
#endif
}

constexpr double kMargin = 0.5;  // keep the first output pixel of a keyframe's edge out of the blend
// Mip level such that the remaining shrink is in [1.5, 3): box mips alias, so the last step from the
// sharper level through the area spline is measured 2-3 dB closer to the truth than [1, 2).
constexpr double kMipStart = 1.5;

// out[c] = sum_t w[c][t] * src[first[c] + t] for c in [c0, c1); the tap count fixed at compile time
// for the common filters so the loop unrolls.
template <int Taps>
void horizontalFixed(const Vec4f* src, const imaging::FilterTable& f, int c0, int c1, Vec4f* out) {
  for (int c = c0; c < c1; ++c) {
    const Vec4f* p = src + f.first[c];
    const float* w = f.weights.data() + size_t(c) * Taps;
    Vec4f acc = p[0] * w[0];
    for (int t = 1; t < Taps; ++t) acc += p[t] * w[t];
    out[c] = acc;
  }
}

void horizontalPass(const Vec4f* src, const imaging::FilterTable& f, int c0, int c1, Vec4f* out) {
  switch (f.taps) {
    case 4: return horizontalFixed<4>(src, f, c0, c1, out);
    case 5: return horizontalFixed<5>(src, f, c0, c1, out);
    case 6: return horizontalFixed<6>(src, f, c0, c1, out);
    case 7: return horizontalFixed<7>(src, f, c0, c1, out);
    default:
      for (int c = c0; c < c1; ++c) {
        const Vec4f* p = src + f.first[c];
        const float* w = f.weights.data() + size_t(c) * f.taps;
        Vec4f acc = p[0] * w[0];
        for (int t = 1; t < f.taps; ++t) acc += p[t] * w[t];
        out[c] = acc;
      }
  }
}

// One keyframe's contribution to the frame: where it lands, how it is filtered, and a small
// ring of horizontally filtered source rows that the vertical pass reads from.
struct Layer {
  const RgbxPlane* source = nullptr;
  double scale = 1.0;           // keyframe pixels per output pixel
  bool opaque = false;          // the outermost layer: covers the whole frame
  int x0 = 0, x1 = 0, y0 = 0, y1 = 0;      // output pixels it touches (alpha > 0)
  int hx0 = 0, hx1 = 0, hy0 = 0, hy1 = 0;  // output pixels the next inner layer covers fully
  std::vector<float> alphaX, alphaY;       // per column / row of [x0, x1) / [y0, y1)
  imaging::FilterTable fx, fy;
  int ringRows = 0;
  std::unique_ptr<Vec4f[]> ring;  // uninitialised: every slot is written before it is read
  std::vector<int> slotRow;
  std::vector<char> slotFull;
  std::unique_ptr<Vec4f[]> sourceFloats;  // one source row as floats
  float currentAlphaY = 1.0f;

  bool inHoleRow(int y) const { return y >= hy0 && y < hy1 && hx0 < hx1; }

  void filterSourceRow(int sourceRow, int slot, bool full) {
    const int width = x1 - x0;
    Vec4f* out = ring.get() + size_t(slot) * width;
    const uint32_t* src = source->row(sourceRow);
    auto run = [&](int c0, int c1) {
      if (c1 <= c0) return;
      // Each source pixel feeds several outputs: convert the span it needs to float once.
      const int s0 = fx.first[c0], s1 = fx.first[c1 - 1] + fx.taps;
      for (int j = s0; j < s1; ++j) sourceFloats[j] = toFloat(src[j]);
      horizontalPass(sourceFloats.get(), fx, c0, c1, out);
    };
    if (full || hx0 >= hx1) {
      run(0, width);
    } else {
      run(0, std::max(0, hx0 - x0));
      run(std::min(width, hx1 - x0), width);
    }
    slotRow[slot] = sourceRow;
    slotFull[slot] = full;
  }

  // v = sum_t wy[t] * rows[t][c], blended into row[x0 + c] with this layer's alpha.
  template <int FixedTaps>
  void verticalPass(const Vec4f* const* rows, const float* wy, int c0, int c1, int xOffset, Vec4f* row) const {
    const int taps = FixedTaps ? FixedTaps : fy.taps;
    for (int c = c0; c < c1; ++c) {
      Vec4f v = rows[0][c] * wy[0];
      for (int t = 1; t < taps; ++t) v += rows[t][c] * wy[t];
      const float a = opaque ? 1.0f : std::min(alphaX[c], currentAlphaY);
      Vec4f& o = row[xOffset + c];
      if (a >= 1.0f) o = v;
      else o += (v - o) * a;
    }
  }

  // Blends this layer's row y into `row` (output pixels, Vec4f each).
  void blendRow(int y, Vec4f* row) {
    if (y < y0 || y >= y1) return;
    const bool hole = inHoleRow(y);
    const int iy = y - y0;
    const int first = fy.first[iy];
    for (int t = 0; t < fy.taps; ++t) {
      const int sourceRow = first + t;
      const int slot = sourceRow % ringRows;
      if (slotRow[slot] != sourceRow || (!hole && !slotFull[slot])) filterSourceRow(sourceRow, slot, !hole);
    }
    const float* wy = fy.weights.data() + size_t(iy) * fy.taps;
    const int width = x1 - x0;
    currentAlphaY = alphaY[iy];
    const Vec4f* rows[16];
    for (int t = 0; t < fy.taps; ++t) rows[t] = ring.get() + size_t((first + t) % ringRows) * width;
    auto run = [&](int c0, int c1) {
      switch (fy.taps) {
        case 4: return verticalPass<4>(rows, wy, c0, c1, x0, row);
        case 5: return verticalPass<5>(rows, wy, c0, c1, x0, row);
        case 6: return verticalPass<6>(rows, wy, c0, c1, x0, row);
        case 7: return verticalPass<7>(rows, wy, c0, c1, x0, row);
        default: return verticalPass<0>(rows, wy, c0, c1, x0, row);
      }
    };
    if (!hole) {
      run(0, width);
    } else {
      run(0, std::max(0, hx0 - x0));
      run(std::min(width, hx1 - x0), width);
    }
  }
};

void fullyCovered(const std::vector<float>& alpha, int begin, int& h0, int& h1) {
  h0 = h1 = begin;
  const auto one = std::find(alpha.begin(), alpha.end(), 1.0f);
  if (one == alpha.end()) return;
  h0 = begin + int(one - alpha.begin());
  h1 = h0;
  while (h1 - begin < int(alpha.size()) && alpha[h1 - begin] == 1.0f) ++h1;
}

}  // namespace

void innerLayerCoverage(int outputSize, double halfSize, double ramp, int& begin, int& end, std::vector<float>& alpha) {
  const double centre = outputSize / 2.0;
  begin = std::clamp(int(std::floor(centre - halfSize + kMargin - 0.5)), 0, outputSize);
  end = std::clamp(int(std::ceil(centre + halfSize - kMargin + 0.5)), begin, outputSize);
  alpha.resize(end - begin);
  for (int i = begin; i < end; ++i) {
    const double inside = halfSize - std::abs(i + 0.5 - centre);
    alpha[i - begin] = float(std::clamp((inside - kMargin) / ramp, 0.0, 1.0));
  }
}

double innerLayerRamp(const RenderOptions& options, double scale) { return std::max(options.blendWidth, 1.0 / scale); }

ZoomRenderer::ZoomRenderer(KeyframeStack stack, RenderOptions options) : options_(options) {
  validate(stack);
  keyframeSize_ = QSize(stack.width, stack.height);
  centresPasted_ = stack.centresPasted;
  ratio_ = droste::render::zoomRatio(stack);
  pyramids_.reserve(stack.keyframes.size());
  for (const QImage& keyframe : stack.keyframes) pyramids_.push_back(buildMipPyramid(keyframe));
}

QImage ZoomRenderer::frame(double z, QSize outputSize) const {
  if (outputSize.isEmpty()) throw std::invalid_argument("The output size must not be empty.");
  QImage image(outputSize, QImage::Format_RGBX8888);
  renderRows(z, outputSize, image.bits(), image.bytesPerLine(), 0, outputSize.height());
  return image;
}

void ZoomRenderer::renderRows(double z, QSize outputSize, uchar* pixels, qsizetype stride, int rowBegin, int rowEnd) const {
  const int W = outputSize.width(), H = outputSize.height();
  const int last = int(pyramids_.size()) - 1;
  z = std::clamp(z, 0.0, double(last));
  if (std::abs(z - std::round(z)) < 1e-9) z = std::round(z);
  const double SW = keyframeSize_.width(), SH = keyframeSize_.height();
  // Keyframe pixels per output pixel for keyframe z: the largest view that covers the frame.
  const double cover = std::min(SW / W, SH / H);

  // Outermost keyframe first; inner ones while the one before is enlarged (a keyframe shown at its own
  // resolution or smaller already holds the keyframes inside it, shrunk by the same filter as here, when
  // the chain says so), and until they are too small to show any of their own pixels.
  std::vector<Layer> layers;
  const int outer = std::clamp(int(std::ceil(z - 1e-9)), 0, last);
  for (int j = outer; j >= 0; --j) {
    if (centresPasted_ && !layers.empty() && layers.back().scale >= 1.0) break;
    // Keyframe pixels per output pixel; exactly `cover` at z = j.
    const double scale = cover * std::pow(ratio_, z - j);
    const double halfW = SW / (2.0 * scale), halfH = SH / (2.0 * scale);  // half its size in output pixels
    const double ramp = innerLayerRamp(options_, scale);
    if (j < outer && std::min(halfW, halfH) < kMargin + ramp + 1.0) break;
    const MipPyramid& pyramid = pyramids_[j];
    const int level = scale >= 1.0 ? std::clamp(int(std::floor(std::log2(scale / kMipStart))), 0, int(pyramid.levels.size()) - 1) : 0;
    const double levelScale = scale / double(1 << level);
    Layer layer;
    layer.scale = scale;
    layer.source = &pyramid.levels[level];
    layer.opaque = (j == outer);
    if (layer.opaque) {
      layer.x0 = 0, layer.x1 = W, layer.y0 = 0, layer.y1 = H;
      layer.alphaX.assign(W, 1.0f);
      layer.alphaY.assign(H, 1.0f);
    } else {
      innerLayerCoverage(W, halfW, ramp, layer.x0, layer.x1, layer.alphaX);
      innerLayerCoverage(H, halfH, ramp, layer.y0, layer.y1, layer.alphaY);
      Layer& outerLayer = layers.back();
      fullyCovered(layer.alphaX, layer.x0, outerLayer.hx0, outerLayer.hx1);
      fullyCovered(layer.alphaY, layer.y0, outerLayer.hy0, outerLayer.hy1);
    }
    // Output pixel x maps to keyframe position (x + 0.5 - W/2) * scale + SW/2, in level pixels.
    const double levelUnit = double(1 << level);
    layer.fx = imaging::makeFilterTable(layer.x0, layer.x1, levelScale, (SW / 2.0 - W / 2.0 * scale) / levelUnit,
                                        layer.source->width, options_.filter);
    layer.fy = imaging::makeFilterTable(layer.y0, layer.y1, levelScale, (SH / 2.0 - H / 2.0 * scale) / levelUnit,
                                        layer.source->height, options_.filter);
    if (layer.fy.taps > 16) throw std::logic_error("vertical filter wider than 16 taps");
    layer.ringRows = layer.fy.taps + 2;
    layers.push_back(std::move(layer));
  }
  for (Layer& layer : layers) {
    layer.ring = std::make_unique_for_overwrite<Vec4f[]>(size_t(layer.ringRows) * std::max(0, layer.x1 - layer.x0));
    layer.slotRow.assign(layer.ringRows, -1);
    layer.slotFull.assign(layer.ringRows, 0);
    layer.sourceFloats = std::make_unique_for_overwrite<Vec4f[]>(layer.source->width);
  }

  const auto row = std::make_unique_for_overwrite<Vec4f[]>(W);  // the outermost layer writes every pixel
  for (int y = std::max(0, rowBegin); y < std::min(H, rowEnd); ++y) {
    for (Layer& layer : layers) layer.blendRow(y, row.get());
    uint32_t* out = reinterpret_cast<uint32_t*>(pixels + stride * y);
    for (int x = 0; x < W; ++x) out[x] = toRgbx(row[x]);
  }
}

}  // namespace droste::render
