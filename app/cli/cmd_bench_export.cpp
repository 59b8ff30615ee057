// droste-cli bench-export: does rendering hide behind encoding? The same frames encoded alone (rendered
// beforehand into memory) and exported (rendered while encoding), in one run, medians of repeats.
#include "app/cli/commands.h"
#include "app/cli/render_input.h"
#include "core/render/zoom_renderer.h"
#include "core/render/zoom_timing.h"
#include "core/video/export_job.h"
#include "core/video/video_writer.h"

#include <QCommandLineParser>
#include <QDir>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace droste::cli {
namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int runBenchExport(const QStringList& args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral(
      "Time an export against its encoder alone on the same frames (rendered beforehand), side by side."));
  p.addPositionalArgument(QStringLiteral("INPUT"), QStringLiteral("project file, or folder of keyframe PNGs"));
  p.addOptions({
      {QStringLiteral("output-size"), QStringLiteral("frame size (default 1920x1080)"), QStringLiteral("WxH"),
       QStringLiteral("1920x1080")},
      {QStringLiteral("frames"), QStringLiteral("frames per run (default 60; they are held in memory)"), QStringLiteral("N"),
       QStringLiteral("60")},
      {QStringLiteral("repeats"), QStringLiteral("runs of each (default 3)"), QStringLiteral("N"), QStringLiteral("3")},
      {QStringLiteral("outpaint"), QStringLiteral("ring width P (for a PNG folder)"), QStringLiteral("P")},
      {QStringLiteral("threads"), QStringLiteral("render threads of the export (default: the export's own choice)"),
       QStringLiteral("N")},
  });
  p.addHelpOption();
  p.process(QStringList{QStringLiteral("droste-cli bench-export")} + args);
  if (p.positionalArguments().size() != 1) throw std::invalid_argument("give one INPUT (see droste-cli bench-export --help)");
  std::optional<int> outpaint;
  if (p.isSet(QStringLiteral("outpaint"))) outpaint = p.value(QStringLiteral("outpaint")).toInt();
  const QSize size = parseOutputSize(p.value(QStringLiteral("output-size")));
  if (size.width() % 2 || size.height() % 2)
    throw std::invalid_argument("--output-size must have even sides for the video, e.g. 1920x1080");
  const QString input = p.positionalArguments().front();
  QTextStream log(stderr);
  const render::ZoomRenderer renderer(framesSource(loadKeyframeInput(input, outpaint), size, log));
  const int frames = std::clamp(p.value(QStringLiteral("frames")).toInt(), 2, 2000);
  const int repeats = std::clamp(p.value(QStringLiteral("repeats")).toInt(), 1, 100);

  // The export's own schedule, paced so that it makes exactly `frames` frames over the whole chain.
  video::ExportSettings settings;
  settings.size = size;
  if (p.isSet(QStringLiteral("threads"))) settings.renderThreads = std::clamp(p.value(QStringLiteral("threads")).toInt(), 1, 256);
  settings.timing.secondsPerKeyframe = 1.0;
  settings.timing.fps = double(frames - 1) / std::max(1.0, renderer.maxZoom());
  const render::ZoomSchedule schedule(settings.timing, renderer.keyframeCount() - 1);
  std::vector<QImage> rendered;
  for (int i = 0; i < schedule.frameCount(); ++i) rendered.push_back(renderer.frame(schedule.zoomAt(i), size));

  QTemporaryDir dir;
  video::EncoderSettings encoder;
  encoder.size = size;
  encoder.fps = settings.timing.fps;
  std::vector<double> encodeOnly, exported;
  QString encoderName;
  for (int r = 0; r < repeats; ++r) {
    auto start = std::chrono::steady_clock::now();
    {
      video::VideoWriter writer(dir.filePath(QStringLiteral("encode-only.mp4")), encoder);
      for (const QImage& frame : rendered) writer.write(frame);
      writer.finish();
      encoderName = writer.encoderName();
    }
    encodeOnly.push_back(secondsSince(start));
    settings.output = dir.filePath(QStringLiteral("export.mp4"));
    start = std::chrono::steady_clock::now();
    video::exportZoom(renderer, settings);
    exported.push_back(secondsSince(start));
  }
  const double enc = median(encodeOnly), exp = median(exported);
  QTextStream(stdout) << QStringLiteral(
                             "%1 frames %2x%3 from %4 keyframes of %5x%6 with %7, %8 cores, %9 runs each\n"
                             "encoder alone (frames rendered beforehand): median %10 s (%11 frames/s)\n"
                             "export (rendered while encoding):           median %12 s (%13 frames/s)\n"
                             "export / encoder alone: %14\n")
                             .arg(rendered.size())
                             .arg(size.width())
                             .arg(size.height())
                             .arg(renderer.keyframeCount())
                             .arg(renderer.keyframeSize().width())
                             .arg(renderer.keyframeSize().height())
                             .arg(encoderName)
                             .arg(std::thread::hardware_concurrency())
                             .arg(repeats)
                             .arg(enc, 0, 'f', 2)
                             .arg(rendered.size() / enc, 0, 'f', 1)
                             .arg(exp, 0, 'f', 2)
                             .arg(rendered.size() / exp, 0, 'f', 1)
                             .arg(exp / enc, 0, 'f', 3);
  return 0;
}

}  // namespace droste::cli
