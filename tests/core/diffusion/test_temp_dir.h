#pragma once
// A temporary folder removed at the end of the test.
#include "core/io/remove_tree.h"

#include <filesystem>
#include <string>
#include <unistd.h>

namespace droste::test {

class TempDir {
 public:
  explicit TempDir(const std::string& tag) {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("droste-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    droste::io::removeTree(path_);  // not std::filesystem::remove_all: core/io/remove_tree.h says why
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { droste::io::removeTree(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

}  // namespace droste::test
