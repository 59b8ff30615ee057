#include "core/catalog/runtime_summary.h"

#include "core/diffusion/runtime/precision.h"
#include "core/diffusion/runtime/runtime_info.h"
#include "core/diffusion/schedulers/scheduler_names.h"

namespace droste::catalog {

RuntimeSummary runtimeSummary() {
  const diffusion::RuntimeInfo info = diffusion::runtimeInfo();
  return {info.cudaAvailable, QString::fromStdString(info.cudaDeviceName), info.intraOpThreads};
}

bool cudaAvailable() { return diffusion::cudaAvailable(); }

void configureThreads(int intraOpThreads) { diffusion::configureThreads(intraOpThreads); }

QStringList samplerNames() {
  QStringList names;
  for (const std::string& name : diffusion::schedulerNames()) names << QString::fromStdString(name);
  return names;
}

QList<PrecisionOption> precisionOptions(bool cuda) {
  using diffusion::Precision;
  const diffusion::CpuCapability cpu = diffusion::cpuCapability();
  QList<PrecisionOption> options;
  for (Precision p : diffusion::usablePrecisions(cuda, cpu)) {
    PrecisionOption option{QString::fromLatin1(diffusion::precisionName(p)), {}, true};
    if (p == Precision::Auto)
      option.autoPick = QString::fromLatin1(diffusion::precisionName(diffusion::resolvePrecision(p, cuda, cpu).precision));
    if (p == Precision::Bf16) option.fastHere = cuda || cpu.nativeBf16();
    options << option;
  }
  return options;
}

}  // namespace droste::catalog
