#include "core/io/remove_tree.h"
#include "tests/core/diffusion/test_temp_dir.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using droste::io::removeTree;

namespace {

void writeFile(const fs::path& path, const char* text) { std::ofstream(path) << text; }

TEST(RemoveTree, RemovesAFolderWithEverythingInItButNotWhatALinkPointsTo) {
  droste::test::TempDir dir("remove-tree");
  const fs::path outside = dir / "outside.txt";
  writeFile(outside, "kept");
  const fs::path tree = dir / "tree";
  fs::create_directories(tree / "a" / "b" / "c");
  writeFile(tree / "top.txt", "1");
  writeFile(tree / "a" / "b" / "c" / "deep.txt", "2");
  fs::create_directories(tree / "empty");
  fs::create_symlink(outside, tree / "a" / "link-to-file");
  fs::create_directory_symlink(dir.path(), tree / "a" / "link-to-parent");

  EXPECT_FALSE(removeTree(tree));
  EXPECT_FALSE(fs::exists(fs::symlink_status(tree)));
  ASSERT_TRUE(fs::exists(outside));  // the links were removed, not followed
  std::ifstream in(outside);
  std::string text;
  in >> text;
  EXPECT_EQ(text, "kept");
}

TEST(RemoveTree, RemovesASingleFileAndAcceptsAnAbsentPath) {
  droste::test::TempDir dir("remove-tree-file");
  writeFile(dir / "one.txt", "x");
  EXPECT_FALSE(removeTree(dir / "one.txt"));
  EXPECT_FALSE(fs::exists(dir / "one.txt"));
  EXPECT_FALSE(removeTree(dir / "never-there"));
}

TEST(RemoveTree, ReportsWhatItCannotReach) {
  droste::test::TempDir dir("remove-tree-error");
  writeFile(dir / "file", "x");
  const std::error_code error = removeTree(dir / "file" / "child");  // a path through a file
  EXPECT_EQ(error, std::errc::not_a_directory) << error.message();
  EXPECT_TRUE(fs::exists(dir / "file"));
}

}  // namespace
