#pragma once
// Removing a file or a folder with everything in it, without std::filesystem::remove_all.
//
// Why: PyTorch's wheels export a copy of std::filesystem from libtorch.so. Where a binary binds to that
// copy (the H200 machine's Ubuntu toolchain did, although CMakeLists.txt links libstdc++ first), its
// remove_all jumps to address 0: droste-bench crashed there after a whole keyframe on the GPU. nftw(3)
// and remove(3) are the C library's, which nothing interposes.
#include <filesystem>
#include <system_error>

namespace droste::io {

// Removes path and, for a folder, everything below it; symbolic links are removed, never followed.
// An absent path is not an error. Returns the first error (the rest of the tree is still attempted).
std::error_code removeTree(const std::filesystem::path& path);

}  // namespace droste::io
