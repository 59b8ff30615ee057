// droste-bench: diffusion speed and golden parity without Qt (builds against any libtorch).
#include "core/diffusion/runtime_info.h"

#include <cstdio>

int main() {
  droste::diffusion::configureThreads();
  const auto info = droste::diffusion::runtimeInfo();
  std::printf("libtorch %s, CUDA %s, intra-op threads %d\n", info.torchVersion.c_str(),
              info.cudaAvailable ? "yes" : "no", info.intraOpThreads);
  return 0;
}
