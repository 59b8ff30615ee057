#pragma once
// What the app's windows need to know about the engine's runtime, Qt-typed and torch-free: the device,
// the threads, the precisions that run here, the sampler names. The UI asks here, never core/diffusion.
#include <QList>
#include <QString>
#include <QStringList>

namespace droste::catalog {

struct RuntimeSummary {
  bool cudaAvailable = false;
  QString cudaDeviceName;  // empty without CUDA
  int intraOpThreads = 0;
};
RuntimeSummary runtimeSummary();
bool cudaAvailable();  // cheaper than runtimeSummary(): no device query
// 0 = one per physical core (libtorch's own choice); called once at start-up.
void configureThreads(int intraOpThreads);

// The sampler names a keyframe may ask for ("pndm", "ddim", "euler", ...); empty = the model's own.
QStringList samplerNames();

// One precision a settings list offers, Automatic first; only what runs on that device here.
struct PrecisionOption {
  QString name;          // what the preference stores: "auto", "fp32", "bf16", "fp16"
  QString autoPick;      // for "auto": the precision it picks there ("bf16"); else empty
  bool fastHere = true;  // false for bf16 on a CPU that has to emulate it (runs, not faster)
};
QList<PrecisionOption> precisionOptions(bool cuda);

}  // namespace droste::catalog
