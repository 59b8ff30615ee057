#include "app/bench/parity_command.h"

#include "core/diffusion/golden_parity.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace droste::bench {

const char* parityUsage() {
  return "  parity [--fixtures DIR] [--device cpu|cuda] [--dtype fp32|fp16|bf16] [--case NAME]... [--verbose]\n"
         "            run every pipeline golden (DIR/goldens/pipeline_cases*.json; DIR defaults to $DROSTE_FIXTURES)\n"
         "            from its seed and compare with the reference at the fixture README's tolerances (fp32\n"
         "            tolerances: bf16/fp16 runs are expected to exceed them). Exit code 1 if any case fails.\n";
}

int runParity(const std::vector<std::string>& args) {
  using namespace droste::diffusion;
  ParityOptions options;
  bool verbose = false;
  if (const char* env = std::getenv("DROSTE_FIXTURES"); env && *env) options.fixtures = env;
  for (size_t i = 0; i < args.size(); ++i) {
    auto next = [&]() -> std::string {
      if (i + 1 >= args.size()) throw std::invalid_argument("option " + args[i] + " needs a value");
      return args[++i];
    };
    if (args[i] == "--fixtures") options.fixtures = next();
    else if (args[i] == "--device") {
      const std::string d = next();
      if (d != "cpu" && d != "cuda") throw std::invalid_argument("--device must be cpu or cuda");
      options.device = d == "cuda" ? c10::Device(c10::kCUDA, 0) : c10::Device(c10::kCPU);
    } else if (args[i] == "--dtype") {
      const std::string d = next();
      if (d == "fp32") options.dtype = c10::ScalarType::Float;
      else if (d == "fp16") options.dtype = c10::ScalarType::Half;
      else if (d == "bf16") options.dtype = c10::ScalarType::BFloat16;
      else throw std::invalid_argument("--dtype must be fp32, fp16 or bf16");
    } else if (args[i] == "--case") options.only.push_back(next());
    else if (args[i] == "--verbose") verbose = true;
    else throw std::invalid_argument("unknown option '" + args[i] + "'\n" + parityUsage());
  }
  if (options.fixtures.empty())
    throw std::invalid_argument("say where the fixtures are: --fixtures DIR (the shared/fixtures folder) or DROSTE_FIXTURES");

  std::printf("golden parity: %s, device %s, %s\n", options.fixtures.c_str(), options.device.str().c_str(),
              c10::toString(options.dtype));
  int failed = 0;
  auto start = std::chrono::steady_clock::now();
  const auto results = runPipelineParity(options, [&](const ParityCaseResult& r) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    start = std::chrono::steady_clock::now();
    if (!r.passed()) ++failed;
    if (!r.failure.empty()) {
      std::printf("FAIL  %-24s %s\n", r.name.c_str(), r.failure.c_str());
    } else {
      const ParityCheck* w = r.worst();
      std::printf("%s  %-24s worst %-22s %s %.2e (tolerance %.0e)  [%zu tensors, %.1f s]\n", r.passed() ? "PASS" : "FAIL",
                  r.name.c_str(), w->tensor.c_str(), w->metric.c_str(), w->error, w->tolerance, r.checks.size(), seconds);
    }
    for (const auto& c : r.checks)
      if (verbose || !c.passed())
        std::printf("        %-4s %-28s %s %.3e  tolerance %.0e\n", c.passed() ? "ok" : "OVER", c.tensor.c_str(),
                    c.metric.c_str(), c.error, c.tolerance);
    std::fflush(stdout);
  });
  std::printf("%zu of %zu cases pass\n", results.size() - failed, results.size());
  return failed == 0 && !results.empty() ? 0 : 1;
}

}  // namespace droste::bench
