#include "core/diffusion/schedulers/scheduler_factory.h"

#include "core/diffusion/schedulers/ddim_scheduler.h"
#include "core/diffusion/schedulers/dpm_solver_multistep_scheduler.h"
#include "core/diffusion/schedulers/euler_ancestral_scheduler.h"
#include "core/diffusion/schedulers/euler_discrete_scheduler.h"
#include "core/diffusion/schedulers/pndm_scheduler.h"

namespace droste::diffusion {

namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::unique_ptr<Scheduler> byClass(const std::string& cls, const SchedulerConfig& config) {
  if (cls == "PNDMScheduler") return std::make_unique<PndmScheduler>(config);
  if (cls == "DDIMScheduler") return std::make_unique<DdimScheduler>(config);
  if (cls == "EulerDiscreteScheduler") return std::make_unique<EulerDiscreteScheduler>(config);
  if (cls == "EulerAncestralDiscreteScheduler") return std::make_unique<EulerAncestralScheduler>(config);
  if (cls == "DPMSolverMultistepScheduler") return std::make_unique<DpmSolverMultistepScheduler>(config);
  return nullptr;
}

}  // namespace

std::unique_ptr<Scheduler> makeSchedulerOfClass(const std::string& className, const nlohmann::json& config,
                                                const nlohmann::json& overrides) {
  if (auto s = byClass(className, SchedulerConfig(config, overrides))) return s;
  throw SchedulerError("scheduler class \"" + className + "\" is not supported");
}

std::unique_ptr<Scheduler> makeScheduler(const std::string& name, const nlohmann::json& modelConfig) {
  if (name.empty()) {
    const std::string cls = modelConfig.is_object() ? modelConfig.value("_class_name", std::string()) : std::string();
    if (auto s = byClass(cls, SchedulerConfig(modelConfig))) return s;
    throw SchedulerError("the model's scheduler \"" + (cls.empty() ? std::string("(no _class_name)") : cls) +
                         "\" is not supported; choose a sampler: " + joined(schedulerNames()));
  }
  using nlohmann::json;
  if (name == "pndm") return byClass("PNDMScheduler", SchedulerConfig(modelConfig));
  if (name == "ddim") return byClass("DDIMScheduler", SchedulerConfig(modelConfig));
  if (name == "euler") return byClass("EulerDiscreteScheduler", SchedulerConfig(modelConfig));
  if (name == "euler-a") return byClass("EulerAncestralDiscreteScheduler", SchedulerConfig(modelConfig));
  if (name == "dpm++2m" || name == "dpm++2m-karras" || name == "dpm++2m-sde-karras") {
    const json overrides = {{"use_karras_sigmas", name != "dpm++2m"},
                            {"algorithm_type", name == "dpm++2m-sde-karras" ? "sde-dpmsolver++" : "dpmsolver++"}};
    return byClass("DPMSolverMultistepScheduler", SchedulerConfig(modelConfig, overrides));
  }
  throw SchedulerError("unknown scheduler \"" + name + "\"; choose one of: " + joined(schedulerNames()));
}

}  // namespace droste::diffusion
