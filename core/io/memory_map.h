#pragma once
// A read-only, private memory mapping of a whole file, unmapped when dropped. Qt-free.
#include <cstdint>
#include <utility>

namespace droste::io {

class MemoryMap {
 public:
  MemoryMap() = default;
  // Maps the first `size` bytes of the open file `fd` (size > 0). When mmap fails the map is empty
  // (false) and errno says why. The mapping stays valid after fd is closed.
  MemoryMap(int fd, uint64_t size);
  ~MemoryMap() { reset(); }
  MemoryMap(MemoryMap&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
  MemoryMap& operator=(MemoryMap&& other) noexcept {
    if (this != &other) {
      reset();
      data_ = std::exchange(other.data_, nullptr);
      size_ = std::exchange(other.size_, 0);
    }
    return *this;
  }
  MemoryMap(const MemoryMap&) = delete;
  MemoryMap& operator=(const MemoryMap&) = delete;

  const uint8_t* data() const { return data_; }
  uint64_t size() const { return size_; }
  explicit operator bool() const { return data_ != nullptr; }

  // Drops the resident pages of bytes [begin, end), rounded outwards to whole pages: the mapping is
  // private and never written, so a dropped page is only read from the file again when next touched.
  void dropPages(uint64_t begin, uint64_t end) const;

 private:
  void reset();

  const uint8_t* data_ = nullptr;
  uint64_t size_ = 0;
};

}  // namespace droste::io
