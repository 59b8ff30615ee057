#include "core/io/memory_map.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>

namespace droste::io {

MemoryMap::MemoryMap(int fd, uint64_t size) {
  void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (mapped == MAP_FAILED) return;
  data_ = static_cast<const uint8_t*>(mapped);
  size_ = size;
}

void MemoryMap::reset() {
  if (data_) ::munmap(const_cast<uint8_t*>(data_), size_);
  data_ = nullptr;
  size_ = 0;
}

void MemoryMap::dropPages(uint64_t begin, uint64_t end) const {
  static const uint64_t page = static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
  const uint64_t first = begin / page * page;
  const uint64_t last = std::min(size_, (end + page - 1) / page * page);
  if (last > first) ::madvise(const_cast<uint8_t*>(data_) + first, last - first, MADV_DONTNEED);
}

}  // namespace droste::io
