#include "core/io/remove_tree.h"

#include <ftw.h>

#include <cerrno>
#include <cstdio>

namespace droste::io {
namespace {

// nftw passes no user data: the first error of the walk in progress (one walk per thread at a time).
thread_local int firstErrno = 0;

int removeEntry(const char* path, const struct stat*, int, struct FTW*) {
  // FTW_DEPTH: a folder comes after its contents, so remove() finds it empty.
  if (std::remove(path) != 0 && errno != ENOENT && firstErrno == 0) firstErrno = errno;
  return 0;  // go on: remove as much as possible
}

}  // namespace

std::error_code removeTree(const std::filesystem::path& path) {
  firstErrno = 0;
  constexpr int kOpenFolders = 16;
  if (::nftw(path.c_str(), removeEntry, kOpenFolders, FTW_DEPTH | FTW_PHYS) != 0 && errno != ENOENT && firstErrno == 0)
    firstErrno = errno;
  return firstErrno ? std::error_code(firstErrno, std::generic_category()) : std::error_code();
}

}  // namespace droste::io
