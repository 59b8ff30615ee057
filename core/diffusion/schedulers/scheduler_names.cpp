#include "core/diffusion/schedulers/scheduler_names.h"

namespace droste::diffusion {

const std::vector<std::string>& schedulerNames() {
  static const std::vector<std::string> names = {"pndm",    "ddim",           "euler",
                                                 "euler-a", "dpm++2m",        "dpm++2m-karras",
                                                 "dpm++2m-sde-karras"};
  return names;
}

}  // namespace droste::diffusion
