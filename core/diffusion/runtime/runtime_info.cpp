#include "core/diffusion/runtime/runtime_info.h"

#include <ATen/Parallel.h>
#include <ATen/Context.h>
#include <torch/cuda.h>
#include <torch/version.h>

#include <dlfcn.h>

#include <fstream>
#include <thread>

#ifdef DROSTE_HAVE_CUDA
#include <ATen/cuda/CUDAContext.h>
#endif

namespace droste::diffusion {
namespace {

// Debian's libtorch links the generic libblas.so.3; which implementation that resolves to
// (reference BLAS, OpenBLAS pthread/openmp) is decided by the alternatives system, so we
// look at what the process really mapped.
std::string mappedBlasLibrary() {
  // Make sure BLAS is loaded and used once.
  (void)at::mm(at::ones({2, 2}), at::ones({2, 2}));
  using ConfigFn = const char* (*)();
  if (auto fn = reinterpret_cast<ConfigFn>(dlsym(RTLD_DEFAULT, "openblas_get_config"))) {
    return std::string("OpenBLAS (") + fn() + ")";
  }
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    for (const char* name : {"libmkl", "libblis", "libblas.so", "libopenblas"}) {
      if (line.find(name) != std::string::npos) {
        auto slash = line.find('/');
        std::string path = slash == std::string::npos ? line : line.substr(slash);
        if (path.find("/blas/") != std::string::npos)
          return path + " (reference BLAS: slow; install libopenblas0-openmp)";
        return path;
      }
    }
  }
  return "unknown";
}

}  // namespace

void configureThreads(int intraOpThreads) {
  if (intraOpThreads <= 0) {
    intraOpThreads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }
  at::set_num_threads(intraOpThreads);
}

bool cudaAvailable() { return torch::cuda::is_available(); }

RuntimeInfo runtimeInfo() {
  RuntimeInfo info;
  info.torchVersion = TORCH_VERSION;
  info.cudaAvailable = torch::cuda::is_available();
  info.cudaDeviceCount = info.cudaAvailable ? static_cast<int>(torch::cuda::device_count()) : 0;
#ifdef DROSTE_HAVE_CUDA
  if (info.cudaAvailable) info.cudaDeviceName = at::cuda::getDeviceProperties(0)->name;
#endif
  info.blas = mappedBlasLibrary();
  info.mkldnn = at::hasMKLDNN();
  info.intraOpThreads = at::get_num_threads();
  info.interOpThreads = at::get_num_interop_threads();
  return info;
}

}  // namespace droste::diffusion
