#pragma once
// Everything `droste-cli info` and Help > About report about this build and machine.
#include <QString>

namespace droste {

// Human-readable multi-line report: versions, device, BLAS, threads, encoders.
QString systemInfoReport();

}  // namespace droste
