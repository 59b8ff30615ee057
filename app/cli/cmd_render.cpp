// droste-cli render: a keyframe chain to MP4 / WebM / PNG frames; bench-render: renderer speed.
#include "app/cli/commands.h"
#include "app/cli/progress_line.h"
#include "app/cli/render_input.h"
#include "core/cancellation.h"
#include "core/render/zoom_renderer.h"
#include "core/video/export_job.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <ctime>
#include <cmath>
#include <thread>
#include <vector>

namespace droste::cli {
namespace {

std::atomic_bool gCancel{false};
extern "C" void onInterrupt(int) { gCancel = true; }

// --output-size WxH exactly; else --size as the long side, of the keyframes' shape or cropped to --aspect.
QSize frameSize(const QCommandLineParser& p, QSize keyframe) {
  const bool explicitSize = p.isSet(QStringLiteral("output-size"));
  if (explicitSize && (p.isSet(QStringLiteral("size")) || p.isSet(QStringLiteral("aspect"))))
    throw std::invalid_argument("give either --output-size WxH or --size/--aspect, not both");
  if (explicitSize) return parseOutputSize(p.value(QStringLiteral("output-size")));
  const int side = parseInt(p, QStringLiteral("size"), 16, 8192);
  const QString aspect = p.value(QStringLiteral("aspect"));
  if (aspect.isEmpty()) return frameOfShape(side, keyframe);
  if (aspect == QLatin1String("1:1")) return {side, side};
  if (aspect == QLatin1String("16:9")) return {side, evenRound(side * 9.0 / 16.0)};
  if (aspect == QLatin1String("9:16")) return {evenRound(side * 9.0 / 16.0), side};
  throw std::invalid_argument("--aspect must be 1:1, 16:9 or 9:16");
}

std::optional<int> outpaintOption(const QCommandLineParser& p) {
  if (!p.isSet(QStringLiteral("outpaint"))) return std::nullopt;
  return parseInt(p, QStringLiteral("outpaint"), 1, 100000);
}

// CPU seconds used by this process: on a busy machine the rate per CPU second says what an idle one would do.
double processCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

QString loadAverage() {
  QFile f(QStringLiteral("/proc/loadavg"));
  if (!f.open(QIODevice::ReadOnly)) return QStringLiteral("unknown");
  return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

}  // namespace

int runRender(const QStringList& args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral("Render a zoom video from a project or a folder of keyframe PNGs."));
  p.addPositionalArgument(QStringLiteral("INPUT"), QStringLiteral("project file, or folder of keyframe PNGs (innermost first)"));
  p.addOptions({
      {{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("out.mp4 (H.264), out.webm (VP9) or FOLDER/ (PNG frames)"), QStringLiteral("PATH")},
      {QStringLiteral("fps"), QStringLiteral("frames per second (default 30)"), QStringLiteral("N"), QStringLiteral("30")},
      {QStringLiteral("seconds-per-keyframe"), QStringLiteral("time per keyframe step (default 1)"), QStringLiteral("S"), QStringLiteral("1")},
      {QStringLiteral("output-size"), QStringLiteral("frame size, e.g. 1920x1080 or 3840x2160 (cropped to fill where the keyframes' shape differs)"), QStringLiteral("WxH")},
      {QStringLiteral("size"), QStringLiteral("long side of the frame in pixels, the keyframes' shape (default 512)"), QStringLiteral("N"), QStringLiteral("512")},
      {QStringLiteral("aspect"), QStringLiteral("crop the frame to 1:1, 16:9 or 9:16 instead of the keyframes' shape"), QStringLiteral("A")},
      {QStringLiteral("direction"), QStringLiteral("out (keyframe 0 first) or in"), QStringLiteral("D"), QStringLiteral("out")},
      {QStringLiteral("ease"), QStringLiteral("ease in and out at the ends")},
      {QStringLiteral("loop"), QStringLiteral("one period of a closed loop (zoom --close-loop): the last frame leads into the first")},
      {QStringLiteral("hold"), QStringLiteral("hold the first and last frame this long"), QStringLiteral("SECONDS"), QStringLiteral("0")},
      {QStringLiteral("crf"), QStringLiteral("quality, lower is better (default: H.264 18, VP9 20, AV1 22)"), QStringLiteral("N")},
      {QStringLiteral("preset"), QStringLiteral("encoder speed preset (x264: ultrafast..veryslow)"), QStringLiteral("P")},
      {QStringLiteral("codec"), QStringLiteral("h264, vp9 or av1 (default from the file name)"), QStringLiteral("C")},
      {QStringLiteral("outpaint"), QStringLiteral("ring width P in pixels (needed for a PNG folder)"), QStringLiteral("P")},
      {QStringLiteral("threads"), QStringLiteral("render threads (default: one per core)"), QStringLiteral("N")},
  });
  p.addHelpOption();
  p.process(QStringList{QStringLiteral("droste-cli render")} + args);
  if (p.positionalArguments().size() != 1) throw std::invalid_argument("give one INPUT (see droste-cli render --help)");
  if (!p.isSet(QStringLiteral("output"))) throw std::invalid_argument("--output is required (out.mp4, out.webm or FOLDER/)");

  video::ExportSettings s;
  s.output = p.value(QStringLiteral("output"));
  s.timing.fps = parseDouble(p, QStringLiteral("fps"), 0.1, 1000);
  s.timing.secondsPerKeyframe = parseDouble(p, QStringLiteral("seconds-per-keyframe"), 0.001, 3600);
  const QString direction = p.value(QStringLiteral("direction"));
  if (direction != QLatin1String("out") && direction != QLatin1String("in")) throw std::invalid_argument("--direction must be out or in");
  s.timing.direction = direction == QLatin1String("in") ? render::ZoomDirection::In : render::ZoomDirection::Out;
  s.timing.ease = p.isSet(QStringLiteral("ease"));
  s.timing.loop = p.isSet(QStringLiteral("loop"));
  s.timing.holdSeconds = parseDouble(p, QStringLiteral("hold"), 0, 3600);
  if (p.isSet(QStringLiteral("crf"))) s.crf = parseInt(p, QStringLiteral("crf"), 0, 63);
  s.preset = p.value(QStringLiteral("preset"));
  if (p.isSet(QStringLiteral("threads"))) s.renderThreads = parseInt(p, QStringLiteral("threads"), 1, 256);
  if (p.isSet(QStringLiteral("codec"))) {
    const QString c = p.value(QStringLiteral("codec")).toLower();
    if (c == QLatin1String("h264")) s.codec = video::VideoCodec::H264;
    else if (c == QLatin1String("vp9")) s.codec = video::VideoCodec::VP9;
    else if (c == QLatin1String("av1")) s.codec = video::VideoCodec::AV1;
    else throw std::invalid_argument("--codec must be h264, vp9 or av1");
  }

  const QString input = p.positionalArguments().front();
  KeyframeInput keyframes = loadKeyframeInput(input, outpaintOption(p));
  s.size = frameSize(p, QSize(keyframes.keyframes.width, keyframes.keyframes.height));
  QTextStream err(stderr);
  const render::ZoomRenderer renderer(framesSource(std::move(keyframes), s.size, err));
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  try {
    ProgressLine line;
    const video::ExportResult r = video::exportZoom(
        renderer, s,
        [&](const video::ExportProgress& pr) {
          if (pr.framesDone % 10 && pr.framesDone != pr.frameCount) return;
          line.show(QStringLiteral("frame %1/%2  %3%  %4 frames/s  ETA %5 s")
                        .arg(pr.framesDone)
                        .arg(pr.frameCount)
                        .arg(100 * pr.framesDone / pr.frameCount)
                        .arg(pr.framesDone / std::max(1e-9, pr.elapsedSeconds), 0, 'f', 1)
                        .arg(pr.etaSeconds, 0, 'f', 0));
        },
        &gCancel);
    line.finish();
    QTextStream(stdout) << QStringLiteral("wrote %1: %2 frames %3x%4 at %5 fps with %6 in %7 s\n")
                               .arg(r.path)
                               .arg(r.frames)
                               .arg(s.size.width())
                               .arg(s.size.height())
                               .arg(s.timing.fps)
                               .arg(r.encoder)
                               .arg(r.seconds, 0, 'f', 2);
  } catch (const Cancelled&) {
    err << "\ncancelled; nothing was written\n";
    return 130;
  }
  return 0;
}

int runBenchRender(const QStringList& args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral("Measure the zoom renderer's frames per second (medians of repeated passes)."));
  p.addPositionalArgument(QStringLiteral("INPUT"), QStringLiteral("project file, or folder of keyframe PNGs"));
  p.addOptions({
      {QStringLiteral("outpaint"), QStringLiteral("ring width P (for a PNG folder)"), QStringLiteral("P")},
      {QStringLiteral("size"), QStringLiteral("long side of the frame, the keyframes' shape (default 512)"), QStringLiteral("N"), QStringLiteral("512")},
      {QStringLiteral("frames"), QStringLiteral("frames per pass (default 300)"), QStringLiteral("N"), QStringLiteral("300")},
      {QStringLiteral("repeats"), QStringLiteral("passes (default 7)"), QStringLiteral("N"), QStringLiteral("7")},
  });
  p.addHelpOption();
  p.process(QStringList{QStringLiteral("droste-cli bench-render")} + args);
  if (p.positionalArguments().size() != 1) throw std::invalid_argument("give one INPUT (see droste-cli bench-render --help)");
  const render::ZoomRenderer renderer(loadKeyframeInput(p.positionalArguments().front(), outpaintOption(p)).keyframes);
  const int side = parseInt(p, QStringLiteral("size"), 16, 8192);
  const QSize keyframe = renderer.keyframeSize();
  const QSize frame = frameOfShape(side, keyframe);
  const int frames = parseInt(p, QStringLiteral("frames"), 1, 1000000);
  const int repeats = parseInt(p, QStringLiteral("repeats"), 1, 1000);
  const int cores = std::max(1, int(std::thread::hardware_concurrency()));
  QTextStream out(stdout);
  out << QStringLiteral("%1 keyframes of %2x%3 px, frames %4x%5, %6 frames per pass, %7 passes, %8 cores, load before: %9\n")
             .arg(renderer.keyframeCount())
             .arg(keyframe.width())
             .arg(keyframe.height())
             .arg(frame.width())
             .arg(frame.height())
             .arg(frames)
             .arg(repeats)
             .arg(cores)
             .arg(loadAverage());
  // Frame-parallel throughput (what an export does) and one frame at a time on one thread (scrubbing).
  for (int threads : {1, cores}) {
    std::vector<double> rates, cpuMs;
    for (int r = 0; r < repeats; ++r) {
      std::atomic<int> next{0};
      const auto t0 = std::chrono::steady_clock::now();
      const double c0 = processCpuSeconds();
      std::vector<std::thread> pool;
      for (int t = 0; t < threads; ++t)
        pool.emplace_back([&] {
          for (int f = next++; f < frames; f = next++) renderer.frame(renderer.maxZoom() * f / std::max(1, frames - 1), frame);
        });
      for (auto& t : pool) t.join();
      rates.push_back(frames / std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
      cpuMs.push_back(1000.0 * (processCpuSeconds() - c0) / frames);
    }
    std::sort(rates.begin(), rates.end());
    std::sort(cpuMs.begin(), cpuMs.end());
    out << QStringLiteral("%1 thread(s): median %2 frames/s (min %3, max %4); median %5 ms CPU per frame\n")
               .arg(threads)
               .arg(rates[rates.size() / 2], 0, 'f', 1)
               .arg(rates.front(), 0, 'f', 1)
               .arg(rates.back(), 0, 'f', 1)
               .arg(cpuMs[cpuMs.size() / 2], 0, 'f', 2);
    if (cores == 1) break;
  }
  out << QStringLiteral("load after: %1\n").arg(loadAverage());
  return 0;
}

}  // namespace droste::cli
