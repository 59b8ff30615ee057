#include "core/diffusion/models/inference_conv2d.h"

#include "core/diffusion/models/normalization.h"
#include "core/diffusion/runtime/cpu_capability.h"
#include "core/diffusion/runtime/heap.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <variant>
#include <vector>

namespace droste::diffusion {
namespace {

using ConvOptions = torch::nn::detail::ConvNdOptions<2>;  // what a Conv2dImpl stores

std::vector<int64_t> dims(const torch::ExpandingArray<2>& a) { return {(*a)[0], (*a)[1]}; }

// The options' variants are c10::variant on libtorch 1.x and std::variant on 2.x: unqualified calls find either.
template <typename T, typename Variant>
bool holds(const Variant& v) {
  using std::holds_alternative;
  return holds_alternative<T>(v);
}

std::vector<int64_t> paddingOf(const ConvOptions& o) {
  using std::get;
  return dims(get<torch::ExpandingArray<2>>(o.padding()));
}

// padding: the options' own, or the one a band of rows needs.
at::Tensor packedConvolution(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias,
                             const ConvOptions& o, const std::vector<int64_t>& padding) {
  return at::mkldnn_convolution(x, weight, bias.defined() ? c10::optional<at::Tensor>(bias) : c10::nullopt,
                                padding, dims(o.stride()), dims(o.dilation()), o.groups());
}

at::Tensor reorderWeight(const at::Tensor& weight, const ConvOptions& o) {
  return at::mkldnn_reorder_conv2d_weight(weight.contiguous().to_mkldnn(), paddingOf(o), dims(o.stride()),
                                          dims(o.dilation()), o.groups());
}

// Whether this libtorch runs a dense input against a packed weight and gets the plain convolution's
// values: checked once on a small case, so another libtorch version degrades to unpacked, not to wrong.
bool packingWorksHere() {
  static const bool works = [] {
    if (!at::hasMKLDNN()) return false;
    try {
      c10::InferenceMode inference;
      const auto o = ConvOptions(8, 16, 3).padding(1);
      const at::Tensor x = at::randn({2, 8, 5, 6}), w = at::randn({16, 8, 3, 3}), b = at::randn({16});
      const at::Tensor expected = at::conv2d(x, w, b, 1, 1);
      const at::Tensor got = packedConvolution(x, reorderWeight(w, o), b, o, paddingOf(o));
      return got.sizes() == expected.sizes() && at::allclose(got, expected, 1e-4, 1e-5);
    } catch (const c10::Error&) {
      return false;
    }
  }();
  return works;
}

}  // namespace

at::Tensor upsampleNearest(const at::Tensor& x, std::array<int64_t, 2> size) {
  // CUDA libtorch before 2.1 has no bf16 nearest upsampling (diffusers upcasts everywhere). The CPU has it,
  // and there a float copy would cost 4x the input at the VAE's 512 px level; nearest is an exact copy
  // either way, so both paths give the same values.
  const bool upcast = x.scalar_type() == at::kBFloat16 && !x.is_cpu();
  const at::Tensor up = at::upsample_nearest2d(upcast ? x.to(at::kFloat) : x, size);
  return upcast ? up.to(at::kBFloat16) : up;
}

at::Tensor InferenceConv2dImpl::forward(const at::Tensor& x) {
  if (!weight.is_mkldnn()) return torch::nn::Conv2dImpl::forward(x);
  if (bandable(x, 1)) return convolveInBands(x, false);
  return packedConvolution(x, weight, bias, options, paddingOf(options));
}

at::Tensor InferenceConv2dImpl::forwardUpsampled2x(const at::Tensor& x) {
  if (weight.is_mkldnn() && bandable(x, 2)) return convolveInBands(x, true);
  return forward(upsampleNearest(x, {x.size(2) * 2, x.size(3) * 2}));
}

at::Tensor InferenceConv2dImpl::forwardAfterGroupNormSilu(const at::Tensor& x, const torch::nn::GroupNorm& norm) {
  if (!weight.is_mkldnn() || !bandable(x, 1) || x.size(0) != 1) {
    at::Tensor normalized = groupNorm(x, norm);
    return forward(at::silu_(normalized));
  }
  // Once its group's mean and variance are known, GroupNorm of one image is an affine map per channel:
  // inference batch norm's, with the group's statistics for each of its channels (a vectorised kernel).
  // Statistics in fp32, as group_norm keeps them; a bf16 band is normalised in fp32 and rounded once, as
  // groupNorm() does.
  const int64_t channels = x.size(1), groups = norm->options.num_groups(), perGroup = channels / groups;
  // In one pass where x is fp32 and contiguous, else a group at a time (a float copy of a bf16 or
  // channels-last x stays small).
  at::Tensor mean, var;
  if (x.scalar_type() == at::kFloat && x.is_contiguous()) {
    std::tie(var, mean) = at::var_mean(x.view({groups, -1}), {1}, /*unbiased=*/false);
  } else {
    var = at::empty({groups}, x.options().dtype(at::kFloat));
    mean = at::empty({groups}, x.options().dtype(at::kFloat));
    for (int64_t g = 0; g < groups; ++g) {
      const auto [groupVar, groupMean] = at::var_mean(x.narrow(1, g * perGroup, perGroup).to(at::kFloat), {0, 1, 2, 3},
                                                      /*unbiased=*/false);
      var[g].copy_(groupVar);
      mean[g].copy_(groupMean);
    }
  }
  const at::Tensor gamma = norm->weight.to(at::kFloat), beta = norm->bias.to(at::kFloat);
  const at::Tensor channelMean = mean.repeat_interleave(perGroup), channelVar = var.repeat_interleave(perGroup);
  return convolveInBands(x, false, [&](const at::Tensor& band) {
    at::Tensor y = at::batch_norm(band.to(at::kFloat), gamma, beta, channelMean, channelVar, /*training=*/false,
                                  /*momentum=*/0.0, norm->options.eps(), /*cudnn_enabled=*/false);
    return at::silu_(y).to(band.scalar_type());
  });
}

bool InferenceConv2dImpl::bandable(const at::Tensor& x, int64_t scale) const {
  const auto& k = *options.kernel_size();
  const auto& stride = *options.stride();
  const auto& dilation = *options.dilation();
  if (x.dim() != 4 || stride[0] != 1 || stride[1] != 1 || dilation[0] != 1 || dilation[1] != 1) return false;
  if (paddingOf(options)[0] != (k[0] - 1) / 2 || k[0] % 2 == 0) return false;  // "same" rows only
  return x.numel() * scale * scale * static_cast<int64_t>(x.element_size()) > kBandingMinInputBytes;
}

at::Tensor InferenceConv2dImpl::convolveInBands(const at::Tensor& x, bool upsample2x, const BandTransform& transform) {
  const int64_t scale = upsample2x ? 2 : 1;
  const int64_t n = x.size(0), h = x.size(2) * scale, w = x.size(3) * scale;
  const int64_t halo = paddingOf(options)[0];
  const auto format = x.suggest_memory_format();
  const int64_t rowBytes = x.size(1) * w * static_cast<int64_t>(x.element_size());
  const int64_t rows = std::clamp<int64_t>(kBandInputBytes / std::max<int64_t>(rowBytes, 1), 1, h);
  std::vector<int64_t> bandPadding = paddingOf(options);
  bandPadding[0] = 0;  // rows come from the neighbours, or as explicit zeros at the picture's edges
  at::Tensor out = at::empty({n, options.out_channels(), h, w}, x.options().memory_format(format));
  for (int64_t top = 0; top < h; top += rows) {
    const int64_t bottom = std::min(h, top + rows);
    const int64_t from = std::max<int64_t>(top - halo, 0), to = std::min(bottom + halo, h);
    at::Tensor band;
    if (upsample2x) {
      // The source rows that nearest x2 spreads over [from, to), upsampled, then trimmed to exactly those rows.
      const int64_t srcFrom = from / 2, srcTo = (to - 1) / 2 + 1;
      const int64_t upSize[] = {(srcTo - srcFrom) * 2, w};
      band = at::upsample_nearest2d(x.narrow(2, srcFrom, srcTo - srcFrom), upSize).narrow(2, from - srcFrom * 2, to - from);
    } else {
      band = x.narrow(2, from, to - from);
    }
    if (transform) band = transform(band);  // before the edge padding: the zeros pad the transformed picture
    const int64_t padTop = halo - (top - from), padBottom = halo - (to - bottom);
    if (padTop > 0 || padBottom > 0) band = at::constant_pad_nd(band, {0, 0, padTop, padBottom});
    out.narrow(2, top, bottom - top).copy_(packedConvolution(band.contiguous(format), weight, bias, options, bandPadding));
  }
  return out;
}

bool InferenceConv2dImpl::packed() const { return weight.is_mkldnn(); }

bool InferenceConv2dImpl::packForCpu() {
  if (packed()) return true;
  // libtorch's bf16 weight reorder needs AVX-512 and throws on other CPUs.
  const bool dtypeRuns = weight.scalar_type() == at::kFloat ||
                         (weight.scalar_type() == at::kBFloat16 && cpuCapability().avx512);
  const bool supported = weight.device().is_cpu() && dtypeRuns &&
                         holds<torch::ExpandingArray<2>>(options.padding()) &&
                         holds<torch::enumtype::kZeros>(options.padding_mode());
  if (!supported || !packingWorksHere()) return false;
  at::NoGradGuard noGrad;
  const at::Tensor blocked = reorderWeight(weight, options);
  // Both handles of the parameter point at the blocked copy, so the plain one is freed now.
  parameters_["weight"] = blocked;
  weight = blocked;
  return true;
}

int packConvolutionsForCpu(torch::nn::Module& root) {
  // Each weight is copied twice on the way to its blocked layout. glibc does not reuse the freed copies
  // well for the next, differently sized weights: packing the SD2 UNet at once grew RSS by 590 MB. Handing
  // the freed memory back every 64 MB of weights keeps it to about that.
  constexpr int64_t kReleaseEveryBytes = 64ll << 20;
  int count = 0;
  int64_t sinceRelease = 0;
  for (const auto& module : root.modules(/*include_self=*/true)) {
    auto* conv = dynamic_cast<InferenceConv2dImpl*>(module.get());
    if (!conv || conv->packed() || !conv->packForCpu()) continue;
    ++count;
    sinceRelease += conv->weight.numel() * static_cast<int64_t>(conv->weight.element_size());
    if (sinceRelease >= kReleaseEveryBytes) {
      releaseFreedHeapMemory();
      sinceRelease = 0;
    }
  }
  releaseFreedHeapMemory();
  return count;
}

}  // namespace droste::diffusion
