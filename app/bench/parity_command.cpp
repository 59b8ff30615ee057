#include "app/bench/parity_command.h"

#include "core/diffusion/runtime/device_choice.h"
#include "core/diffusion/testing/golden_parity.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace droste::bench {

const char* parityUsage() {
  return "  parity [--fixtures DIR] [--device auto|cpu|cuda] [--dtype auto|fp32|fp16|bf16] [--case NAME]... [--verbose]\n"
         "            [--json FILE]\n"
         "            run every pipeline golden (DIR/goldens/pipeline_cases*.json; DIR defaults to $DROSTE_FIXTURES)\n"
         "            from its seed and compare with the reference at the fixture README's tolerances (float32);\n"
         "            bf16/fp16 runs must paint the final image within MSE 1e-3 of the golden (PSNR >= 30 dB)\n"
         "            and report every stage's error. Exit code 1 if any case fails.\n"
         "            --json FILE: every case's checks (tensor, metric, error, tolerance) as JSON too.\n";
}

int runParity(const std::vector<std::string>& args) {
  using namespace droste::diffusion;
  ParityOptions options;
  bool verbose = false;
  std::string deviceName = "cpu", dtypeName = "fp32";  // the goldens' own precision by default
  std::string jsonPath;
  if (const char* env = std::getenv("DROSTE_FIXTURES"); env && *env) options.fixtures = env;
  for (size_t i = 0; i < args.size(); ++i) {
    auto next = [&]() -> std::string {
      if (i + 1 >= args.size()) throw std::invalid_argument("option " + args[i] + " needs a value");
      return args[++i];
    };
    if (args[i] == "--fixtures") options.fixtures = next();
    else if (args[i] == "--device") deviceName = next();
    else if (args[i] == "--dtype") dtypeName = next();
    else if (args[i] == "--case") options.only.push_back(next());
    else if (args[i] == "--verbose") verbose = true;
    else if (args[i] == "--json") jsonPath = next();
    else throw std::invalid_argument("unknown option '" + args[i] + "'\n" + parityUsage());
  }
  const DeviceChoice choice = chooseDevice(parseDeviceKind(deviceName), parsePrecision(dtypeName));
  options.device = choice.device;
  options.dtype = choice.dtype;
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
        std::printf("        %-4s %-28s %s %.3e  tolerance %.0e\n",
                    !c.gating ? "info" : c.passed() ? "ok" : "OVER", c.tensor.c_str(), c.metric.c_str(), c.error,
                    c.tolerance);
    std::fflush(stdout);
  });
  std::printf("%zu of %zu cases pass\n", results.size() - failed, results.size());
  if (!jsonPath.empty()) {
    nlohmann::json cases = nlohmann::json::array();
    for (const auto& r : results) {
      nlohmann::json checks = nlohmann::json::array();
      for (const auto& c : r.checks)
        checks.push_back({{"tensor", c.tensor}, {"metric", c.metric}, {"error", c.error}, {"tolerance", c.tolerance},
                          {"gating", c.gating}});
      cases.push_back({{"name", r.name}, {"passed", r.passed()}, {"failure", r.failure}, {"checks", checks}});
    }
    const nlohmann::json doc = {{"device", options.device.str()},
                                {"dtype", precisionName(precisionOf(options.dtype))},
                                {"cases", cases}};
    std::ofstream(jsonPath) << doc.dump(1) << "\n";
  }
  return failed == 0 && !results.empty() ? 0 : 1;
}

}  // namespace droste::bench
