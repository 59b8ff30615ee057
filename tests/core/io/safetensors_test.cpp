#include "core/io/safetensors.h"
#include "tests/address_space.h"
#include "tests/fixtures.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

using droste::io::ModelFileError;
using droste::io::SafetensorsFile;


TEST(Safetensors, ReadsFixtureTextEncoderWithStoredAndConvertedDtypes) {
  SafetensorsFile file(droste::test::fixturesDir() / "tiny-sd2-inpainting/text_encoder/model.safetensors");
  const auto* entry = file.find("text_model.final_layer_norm.weight");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->dtype, "F16");
  EXPECT_EQ(entry->shape, std::vector<int64_t>{64});
  at::Tensor stored = file.loadStored("text_model.final_layer_norm.weight");
  at::Tensor asFloat = file.load("text_model.final_layer_norm.weight", at::kFloat);
  EXPECT_EQ(stored.scalar_type(), at::kHalf);
  EXPECT_EQ(asFloat.scalar_type(), at::kFloat);
  EXPECT_TRUE(at::equal(stored.to(at::kFloat), asFloat));
}

TEST(Safetensors, RefusesPickleCheckpoints) {
  try {
    SafetensorsFile file("/nonexistent/model.ckpt");
    FAIL() << "a .ckpt was accepted";
  } catch (const ModelFileError& e) {
    EXPECT_NE(std::string(e.what()).find("arbitrary code"), std::string::npos) << e.what();
  }
}

// Mapping a file needs address space: when a memory limit (ulimit -v) leaves too little, that is running
// out of memory, not a broken model.
TEST(Safetensors, NoAddressSpaceForTheMappingIsOutOfMemoryNotABrokenFile) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("droste-sparse-" + std::to_string(::getpid()) + ".safetensors");
  {
    // A valid header ("{}" padded to 8 bytes) and 4 GiB of data that take no disk space (a sparse file).
    std::ofstream out(path, std::ios::binary);
    const std::string header = "{}      ";
    const uint64_t headerBytes = header.size();
    out.write(reinterpret_cast<const char*>(&headerBytes), 8);
    out << header;
  }
  std::filesystem::resize_file(path, 4ull << 30);
  droste::ErrorKind kind = droste::ErrorKind::Failed;
  std::string message;
  {
    // Room for what this process already has and a little more, not for a 4 GiB mapping.
    const droste::test::ScopedAddressSpaceLimit limit(512ull << 20);
    ASSERT_TRUE(limit.active());
    try {
      SafetensorsFile file(path);
    } catch (const ModelFileError& e) {
      kind = e.kind();
      message = e.what();
    }
  }
  std::filesystem::remove(path);
  EXPECT_EQ(kind, droste::ErrorKind::OutOfMemoryCpu) << message;
  EXPECT_NE(message.find("cannot memory-map"), std::string::npos) << message;
}
