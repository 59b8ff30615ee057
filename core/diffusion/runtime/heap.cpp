#include "core/diffusion/runtime/heap.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace droste::diffusion {

void releaseFreedHeapMemory() {
#if defined(__GLIBC__)
  ::malloc_trim(0);
#endif
}

}  // namespace droste::diffusion
