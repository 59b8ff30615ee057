// Schedulers against goldens/schedulers.{json,safetensors} and libtorch's CPU generator against
// goldens/rng.safetensors (README sections 4 and 5).
#include "core/diffusion/schedulers/sampler.h"
#include "core/diffusion/schedulers/schedule_math.h"
#include "core/diffusion/schedulers/scheduler_factory.h"
#include "tests/core/diffusion/golden_compare.h"

#include <ATen/CPUGeneratorImpl.h>
#include <gtest/gtest.h>
#include <torch/version.h>
#include <torch/torch.h>

#include <map>

using namespace droste;
using namespace droste::diffusion;

namespace {

struct Goldens {
  nlohmann::json meta = test::readJson(test::fixturesDir() / "goldens" / "schedulers.json");
  std::shared_ptr<io::SafetensorsFile> file = test::openGolden("schedulers.safetensors");
  at::Tensor get(const std::string& name) const { return file->loadStored(name); }
  bool has(const std::string& name) const { return file->contains(name); }
};

const Goldens& goldens() {
  static const Goldens g;
  return g;
}

// The variants this project implements (UniPC is not one of them).
const std::vector<std::string> kVariants = {"pndm",           "ddim",           "euler",          "euler_a",
                                            "dpmpp_2m",       "dpmpp_2m_karras", "dpmpp_2m_sde_karras",
                                            "euler_a_leading", "ddim_trailing"};

std::unique_ptr<Scheduler> makeVariant(const std::string& variant, const nlohmann::json& extraOverrides = {}) {
  const auto& table = goldens().meta.at("tables").at(variant);
  nlohmann::json overrides = table.at("overrides");
  if (extraOverrides.is_object())
    for (const auto& [k, v] : extraOverrides.items()) overrides[k] = v;
  // base_config is the model's config as PNDM loaded it (with _use_default_values): exercises the swap rule.
  return makeSchedulerOfClass(table.at("class").get<std::string>(), goldens().meta.at("base_config"), overrides);
}

class SchedulerTables : public ::testing::TestWithParam<std::string> {};

TEST_P(SchedulerTables, TimestepsSigmasAndInitNoiseSigmaMatchGoldens) {
  const std::string variant = GetParam();
  for (const auto& [nText, info] : goldens().meta.at("tables").at(variant).at("n").items()) {
    SCOPED_TRACE(variant + " n=" + nText);
    auto scheduler = makeVariant(variant);
    scheduler->setTimesteps(std::stoi(nText));
    const std::string prefix = variant + ".n" + nText + ".";
    const at::Tensor goldenT = goldens().get(prefix + "timesteps");
    const at::Tensor ours = scheduler->timesteps();
    EXPECT_EQ(ours.scalar_type(), goldenT.scalar_type());
    ASSERT_EQ(ours.numel(), goldenT.numel());
    EXPECT_TRUE(at::equal(ours.to(at::kDouble), goldenT.to(at::kDouble)))
        << "ours " << ours << "\ngolden " << goldenT;
    if (goldens().has(prefix + "sigmas")) {
      ASSERT_TRUE(scheduler->sigmas().defined());
      const at::Tensor goldenS = goldens().get(prefix + "sigmas");
      ASSERT_EQ(scheduler->sigmas().numel(), goldenS.numel());
      EXPECT_LE(test::relError(scheduler->sigmas(), goldenS), 1e-6);
    }
    const double init = goldens().get(prefix + "init_noise_sigma").item<double>();
    EXPECT_NEAR(scheduler->initNoiseSigma(), init, 1e-6 * std::abs(init));
#if TORCH_VERSION_MAJOR < 2
    // Bit-exact on the libtorch the goldens were made with. libtorch 2.x rounds the float32 sigma's last
    // bit differently (diffusers 0.42.1 on torch 2.11 gives Euler 14.614646911621094 too, the golden
    // 14.614645004272461): there the README's rel 1e-6 above is the check.
    EXPECT_DOUBLE_EQ(scheduler->initNoiseSigma(), info.at("init_noise_sigma").get<double>());
#endif
  }
}

INSTANTIATE_TEST_SUITE_P(Goldens, SchedulerTables, ::testing::ValuesIn(kVariants),
                         [](const auto& info) { return info.param; });

TEST(SchedulerTrainSchedule, BetasAndAlphasCumprodMatchGoldens) {
  const schedule::TrainSchedule train = schedule::trainSchedule(SchedulerConfig(goldens().meta.at("base_config")));
  EXPECT_LE(test::relError(train.betas, goldens().get("train.betas")), 1e-6);
  EXPECT_LE(test::relError(train.alphasCumprod, goldens().get("train.alphas_cumprod")), 1e-6);
}

class SchedulerTrajectories : public ::testing::TestWithParam<std::string> {};

TEST_P(SchedulerTrajectories, EveryStepMatchesGoldens) {
  const std::string name = GetParam();  // e.g. "euler_a.traj_epsilon"
  const auto& traj = goldens().meta.at("trajectories").at(name);
  const std::string variant = traj.at("variant");
  auto scheduler = makeVariant(variant, {{"prediction_type", traj.at("prediction_type")}});
  scheduler->setTimesteps(traj.at("n").get<int>());

  const at::Tensor goldenT = goldens().get(name + ".timesteps");
  ASSERT_TRUE(at::equal(scheduler->timesteps().to(at::kDouble), goldenT.to(at::kDouble)));

  // noise0 is torch.randn from a fresh generator seeded with sample_seed.
  const auto shape = traj.at("shape").get<std::vector<int64_t>>();
  at::Generator sampleGen = at::detail::createCPUGenerator(traj.at("sample_seed").get<uint64_t>());
  const at::Tensor noise0 = at::randn(shape, sampleGen, at::kFloat);
  EXPECT_TRUE(at::equal(noise0, goldens().get(name + ".noise0")));
  at::Tensor x = noise0 * static_cast<float>(scheduler->initNoiseSigma());
  EXPECT_LE(test::relError(x, goldens().get(name + ".sample0")), 1e-6);

  std::optional<at::Generator> generator;
  std::optional<at::Generator> drawCheck;  // a twin generator to check the draws one by one
  if (!traj.at("generator_seed").is_null()) {
    generator = at::detail::createCPUGenerator(traj.at("generator_seed").get<uint64_t>());
    drawCheck = at::detail::createCPUGenerator(traj.at("generator_seed").get<uint64_t>());
  }
  const auto& steps = traj.at("steps");
  ASSERT_EQ(static_cast<int64_t>(steps.size()), scheduler->timesteps().numel());
  int i = 0;
  int modelCalls = 0;
  const ModelFn fakeModel = [&](const at::Tensor& input, double t) {
    ++modelCalls;
    const std::string step = name + ".step" + std::to_string(i) + ".";
    EXPECT_LE(test::relError(input, goldens().get(step + "model_input")), 1e-5) << step;
    // The README's fake model: 0.5 x + 0.1 sin(x) (float32(t) / 1000).
    at::Tensor out = 0.5 * input + 0.1 * at::sin(input) * (static_cast<float>(t) / 1000.0f);
    EXPECT_LE(test::relError(out, goldens().get(step + "model_output")), 1e-5) << step;
    return out;
  };
  SamplerHooks hooks;
  hooks.onStep = [&](int step, int, const at::Tensor& latents) {
    const std::string prefix = name + ".step" + std::to_string(step) + ".";
    EXPECT_LE(test::relError(latents, goldens().get(prefix + "prev_sample")), 1e-5) << prefix;
    if (goldens().has(prefix + "pred_original_sample")) {
      ASSERT_TRUE(scheduler->predOriginalSample().defined()) << prefix;
      EXPECT_LE(test::relError(scheduler->predOriginalSample(), goldens().get(prefix + "pred_original_sample")), 1e-5)
          << prefix;
    }
    const auto& draws = steps.at(step).at("draws");
    for (size_t j = 0; j < draws.size(); ++j) {
      ASSERT_TRUE(drawCheck.has_value());
      const at::Tensor draw = at::randn(draws[j].at("shape").get<std::vector<int64_t>>(), *drawCheck, at::kFloat);
      EXPECT_TRUE(at::equal(draw, goldens().get(prefix + "draw" + std::to_string(j)))) << prefix;
    }
    i = step + 1;
  };
  runSampler(*scheduler, x, scheduler->timestepValues(), fakeModel, generator, hooks);
  EXPECT_EQ(modelCalls, traj.at("num_model_evals").get<int>());
}

std::vector<std::string> trajectoryNames() {
  std::vector<std::string> names;
  for (const auto& variant : kVariants)
    for (const char* p : {".traj_epsilon", ".traj_v_prediction"}) names.push_back(variant + p);
  return names;
}

INSTANTIATE_TEST_SUITE_P(Goldens, SchedulerTrajectories, ::testing::ValuesIn(trajectoryNames()),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& c : n)
                             if (c == '.') c = '_';
                           return n;
                         });

TEST(SchedulerFactory, NamesBuildTheGoldenVariants) {
  const nlohmann::json model = goldens().meta.at("base_config");
  const std::map<std::string, std::string> variantOf = {{"pndm", "pndm"},         {"ddim", "ddim"},
                                                        {"euler", "euler"},       {"euler-a", "euler_a"},
                                                        {"dpm++2m", "dpmpp_2m"},  {"dpm++2m-karras", "dpmpp_2m_karras"},
                                                        {"dpm++2m-sde-karras", "dpmpp_2m_sde_karras"}};
  for (const auto& [cliName, variant] : variantOf) {
    SCOPED_TRACE(cliName);
    auto scheduler = makeScheduler(cliName, model);
    EXPECT_EQ(scheduler->className(), goldens().meta.at("tables").at(variant).at("class").get<std::string>());
    scheduler->setTimesteps(20);
    EXPECT_TRUE(at::equal(scheduler->timesteps().to(at::kDouble),
                          goldens().get(variant + ".n20.timesteps").to(at::kDouble)));
  }
  // No name: the model's own class (PNDM here).
  EXPECT_EQ(makeScheduler("", model)->className(), "PNDMScheduler");
}

TEST(SchedulerFactory, UnknownNamesAndClassesGiveClearErrors) {
  const nlohmann::json model = goldens().meta.at("base_config");
  try {
    makeScheduler("lms", model);
    FAIL() << "expected an error";
  } catch (const SchedulerError& e) {
    EXPECT_NE(std::string(e.what()).find("unknown scheduler \"lms\""), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("dpm++2m-karras"), std::string::npos) << e.what();
  }
  nlohmann::json lms = model;
  lms["_class_name"] = "LMSDiscreteScheduler";
  EXPECT_THROW(makeScheduler("", lms), SchedulerError);
  nlohmann::json badPrediction = model;
  badPrediction["prediction_type"] = "sample";
  EXPECT_THROW(makeScheduler("ddim", badPrediction), SchedulerError);
}

// Whole numbers only where a count is read: a float beyond int (undefined behaviour to convert) or with a
// fraction is refused naming the key; a whole float is read as the integer it is.
TEST(SchedulerConfigValues, CountsAreWholeNumbersInRange) {
  const auto messageFor = [](const nlohmann::json& value) -> std::string {
    try {
      return std::to_string(SchedulerConfig(nlohmann::json{{"steps_offset", value}}).getInt("steps_offset", 0));
    } catch (const SchedulerError& e) {
      return e.what();
    }
  };
  EXPECT_EQ(messageFor(1), "1");
  EXPECT_EQ(messageFor(1.0), "1");
  EXPECT_EQ(messageFor(1e300), "scheduler_config.json: \"steps_offset\" is 1e+300, expected a whole number");
  EXPECT_NE(messageFor(0.5).find("a whole number"), std::string::npos);
  EXPECT_NE(messageFor(int64_t(1) << 40).find("a whole number"), std::string::npos);
  EXPECT_NE(messageFor("1").find("a number"), std::string::npos);
}

TEST(SchedulerSwap, DefaultsOfTheSavingClassAreNotCarriedOver) {
  // The file on disk has no timestep_spacing; PNDM's "leading" must not leak into Euler (linspace).
  const nlohmann::json onDisk =
      test::readJson(test::fixturesDir() / "tiny-sd2-inpainting" / "scheduler" / "scheduler_config.json");
  auto euler = makeScheduler("euler", onDisk);
  euler->setTimesteps(4);
  EXPECT_TRUE(at::equal(euler->timesteps(), goldens().get("euler.n4.timesteps")));
  // An explicit timestep_spacing in the config IS carried over.
  nlohmann::json explicitLeading = onDisk;
  explicitLeading["timestep_spacing"] = "leading";
  auto eulerLeading = makeScheduler("euler-a", explicitLeading);
  eulerLeading->setTimesteps(4);
  EXPECT_TRUE(at::equal(eulerLeading->timesteps(), goldens().get("euler_a_leading.n4.timesteps")));
}

TEST(SamplerLoop, StepNumbersCountTheStepsAskedFor) {
  for (const std::string& name : schedulerNames()) {
    auto scheduler = makeScheduler(name, goldens().meta.at("base_config"));
    scheduler->setTimesteps(4);
    const std::vector<int> numbers = denoisingStepNumbers(scheduler->timestepValues());
    ASSERT_FALSE(numbers.empty()) << name;
    EXPECT_EQ(numbers.front(), 1) << name;
    EXPECT_EQ(numbers.back(), 4) << name;  // PNDM: 5 evaluations, still 4 steps
    for (size_t i = 1; i < numbers.size(); ++i) EXPECT_LE(numbers[i] - numbers[i - 1], 1) << name;
  }
  EXPECT_EQ(denoisingStepNumbers({751, 501, 501, 251, 1}), (std::vector<int>{1, 2, 2, 3, 4}));
  EXPECT_TRUE(denoisingStepNumbers({}).empty());
}

TEST(SamplerLoop, CancelFlagStopsBeforeTheNextStep) {
  auto scheduler = makeScheduler("ddim", goldens().meta.at("base_config"));
  scheduler->setTimesteps(4);
  std::atomic_bool cancel{false};
  int calls = 0;
  SamplerHooks hooks;
  hooks.cancel = &cancel;
  hooks.onStep = [&](int step, int, const at::Tensor&) {
    if (step == 1) cancel = true;
  };
  const ModelFn model = [&](const at::Tensor& x, double) {
    ++calls;
    return x * 0.5;
  };
  EXPECT_THROW(runSampler(*scheduler, at::zeros({1, 4, 2, 2}), scheduler->timestepValues(), model, std::nullopt, hooks),
               droste::Cancelled);
  EXPECT_EQ(calls, 2);
}

TEST(CpuGenerator, ReproducesTorchGeneratorDraws) {
  auto file = test::openGolden("rng.safetensors");
  std::map<uint64_t, std::vector<std::string>> bySeed;
  for (const auto& entry : file->entries()) {
    const std::string& n = entry.name;  // seed{S}.draw{j}
    const uint64_t seed = std::stoull(n.substr(4, n.find('.') - 4));
    bySeed[seed].push_back(n);
  }
  ASSERT_EQ(bySeed.size(), 3u);
  for (auto& [seed, names] : bySeed) {
    std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
      return std::stoi(a.substr(a.rfind("draw") + 4)) < std::stoi(b.substr(b.rfind("draw") + 4));
    });
    at::Generator gen = at::detail::createCPUGenerator(seed);
    for (const auto& n : names) {
      const at::Tensor golden = file->loadStored(n);
      const at::Tensor ours = at::randn(golden.sizes(), gen, at::kFloat);
      EXPECT_TRUE(at::equal(ours, golden)) << n << " max diff " << (ours - golden).abs().max().item<float>();
    }
  }
}

}  // namespace
