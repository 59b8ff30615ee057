#include "core/io/safetensors.h"
#include "tests/fixtures.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

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
