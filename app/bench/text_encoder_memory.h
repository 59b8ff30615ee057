#pragma once
// droste-bench text-encoder-memory: writes a full-size SD2 text encoder (OpenCLIP ViT-H text tower as
// diffusers keeps it: width 1024, 23 layers, 16 heads, MLP 4096) with random F16 weights to a
// temporary .safetensors file, loads it and reports load time and peak RSS against the size of the
// loaded tensors.
#include <string>
#include <vector>

namespace droste::bench {

int runTextEncoderMemory(const std::vector<std::string>& args);
const char* textEncoderMemoryUsage();

}  // namespace droste::bench
