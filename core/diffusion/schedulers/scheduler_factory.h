#pragma once
// Builds a scheduler from a model's scheduler_config.json: the model's own class, or one chosen by
// name and built the way diffusers' `Cls.from_config(model_config)` builds it.

#include "core/diffusion/schedulers/scheduler.h"
#include "core/diffusion/schedulers/scheduler_names.h"

#include <memory>
#include <string>
#include <vector>

namespace droste::diffusion {

// name empty: the class named by the config's "_class_name". Otherwise one of schedulerNames():
// pndm, ddim, euler, euler-a, dpm++2m, dpm++2m-karras, dpm++2m-sde-karras.
// Throws SchedulerError for an unknown name or class, with the list of supported ones.
std::unique_ptr<Scheduler> makeScheduler(const std::string& name, const nlohmann::json& modelSchedulerConfig);

// `ClassName.from_config(config, **overrides)` for a diffusers class name (PNDMScheduler, DDIMScheduler,
// EulerDiscreteScheduler, EulerAncestralDiscreteScheduler, DPMSolverMultistepScheduler).
std::unique_ptr<Scheduler> makeSchedulerOfClass(const std::string& className, const nlohmann::json& config,
                                                const nlohmann::json& overrides = nlohmann::json::object());

}  // namespace droste::diffusion
