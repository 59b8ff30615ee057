#pragma once
// Handing memory that the process freed back to the system.

namespace droste::diffusion {

// glibc keeps freed blocks below its (adaptive, up to 32 MB) mmap threshold in its heap for reuse; after a
// phase that freed many (loading, packing weights, the VAE at full resolution) that memory would stay
// resident through the next phase. Returns it (malloc_trim); a no-op on other C libraries. Costs a few ms.
void releaseFreedHeapMemory();

}  // namespace droste::diffusion
