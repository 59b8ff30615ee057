#include "core/system_info.h"

#include "core/diffusion/runtime/precision.h"
#include "core/diffusion/runtime/runtime_info.h"
#include "core/video/codec_info.h"

#include <QStringList>
#include <QtGlobal>

namespace droste {
namespace {

QString listOrNone(const QStringList& names) {
  return names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "));
}

// What the CPU can do, what precision `auto` picks here and why, and which precisions run at all.
QStringList cpuReport(bool cudaAvailable) {
  using namespace diffusion;
  const CpuCapability detected = detectedCpuCapability(), used = cpuCapability();
  QString cpu = QStringLiteral("CPU: %1").arg(QString::fromStdString(used.describe()));
  if (!(used == detected))
    cpu += QStringLiteral(" (limited by DROSTE_CPU_CAPABILITY; detected: %1)").arg(QString::fromStdString(detected.describe()));
  QStringList cpuPrecisions;
  for (Precision p : usablePrecisions(false, used))
    if (p != Precision::Auto) cpuPrecisions << QString::fromLatin1(precisionName(p));
  const PrecisionChoice onCpu = resolvePrecision(Precision::Auto, false, used);
  QStringList lines{cpu, QStringLiteral("CPU precisions: %1").arg(cpuPrecisions.join(QStringLiteral(", "))),
                    QStringLiteral("precision auto on the CPU: %1 (%2)")
                        .arg(QString::fromLatin1(precisionName(onCpu.precision)), QString::fromStdString(onCpu.reason))};
  if (cudaAvailable) {
    const PrecisionChoice onGpu = resolvePrecision(Precision::Auto, true, used);
    lines << QStringLiteral("precision auto on CUDA: %1 (%2)")
                 .arg(QString::fromLatin1(precisionName(onGpu.precision)), QString::fromStdString(onGpu.reason));
  }
  return lines;
}

}  // namespace

QString systemInfoReport() {
  const auto rt = diffusion::runtimeInfo();
  const auto codecs = video::codecInfo();
  QStringList lines;
  lines << QStringLiteral("Droste %1").arg(QStringLiteral(DROSTE_VERSION));
  lines << QStringLiteral("libtorch: %1").arg(QString::fromStdString(rt.torchVersion));
  if (rt.cudaAvailable) {
    lines << QStringLiteral("CUDA: available, %1 device(s), %2")
                 .arg(rt.cudaDeviceCount)
                 .arg(rt.cudaDeviceName.empty() ? QStringLiteral("(name unknown)")
                                                : QString::fromStdString(rt.cudaDeviceName));
  } else {
    lines << QStringLiteral("CUDA: not available (running on the CPU)");
  }
  lines << cpuReport(rt.cudaAvailable);
  lines << QStringLiteral("BLAS: %1").arg(QString::fromStdString(rt.blas));
  lines << QStringLiteral("oneDNN (MKL-DNN): %1").arg(rt.mkldnn ? QStringLiteral("yes") : QStringLiteral("no"));
  lines << QStringLiteral("intra-op threads: %1, inter-op threads: %2").arg(rt.intraOpThreads).arg(rt.interOpThreads);
  lines << QStringLiteral("Qt: %1 (built with %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
  lines << QStringLiteral("FFmpeg: %1 (libavcodec %2, libavformat %3, libswscale %4, libavutil %5)")
               .arg(codecs.ffmpegVersion, codecs.libavcodec, codecs.libavformat, codecs.libswscale, codecs.libavutil);
  lines << QStringLiteral("H.264 encoders: %1").arg(listOrNone(codecs.h264Encoders));
  lines << QStringLiteral("VP9 encoders: %1").arg(listOrNone(codecs.vp9Encoders));
  lines << QStringLiteral("AV1 encoders: %1").arg(listOrNone(codecs.av1Encoders));
  return lines.join(QLatin1Char('\n'));
}

}  // namespace droste
