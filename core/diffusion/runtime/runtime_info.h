#pragma once
// What the inference runtime is: libtorch version, device, BLAS, threads. Qt-free.

#include <string>

namespace droste::diffusion {

struct RuntimeInfo {
  std::string torchVersion;
  bool cudaAvailable = false;
  int cudaDeviceCount = 0;
  std::string cudaDeviceName;  // empty without CUDA
  std::string blas;            // the BLAS library actually mapped into the process
  bool mkldnn = false;         // oneDNN compiled in
  int intraOpThreads = 0;
  int interOpThreads = 0;
};

// Sets libtorch's intra-op threads (libtorch defaults to 1 on some builds). 0 = all hardware threads.
void configureThreads(int intraOpThreads = 0);

RuntimeInfo runtimeInfo();

// Whether a CUDA GPU is usable by this build (cheap: no BLAS probe, unlike runtimeInfo()).
bool cudaAvailable();

}  // namespace droste::diffusion
