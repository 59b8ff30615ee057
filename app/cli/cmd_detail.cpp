// droste-cli detail: a project's render copies for a large video (zoom::makeRenderCopies), written into it.
#include "app/cli/commands.h"
#include "app/cli/progress_line.h"
#include "app/cli/render_input.h"
#include "core/cancellation.h"
#include "core/engine/painter_factory.h"
#include "core/zoom/project_file.h"
#include "core/zoom/render_copies.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTextStream>

#include <atomic>
#include <csignal>

namespace droste::cli {
namespace {

std::atomic_bool gCancel{false};
extern "C" void onDetailInterrupt(int) { gCancel = true; }

}  // namespace

int runDetail(const QStringList& args) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral(
      "Enlarge a project's keyframes once for a video larger than they are, and (with --strength above 0) let the "
      "model add detail in overlapping tiles of the keyframe size. The copies are saved in the project; "
      "droste-cli render then draws from them, until a keyframe changes."));
  p.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("a .droste project file"));
  p.addOptions({
      {QStringLiteral("output-size"), QStringLiteral("the video's frame size, e.g. 1920x1080 or 3840x2160"), QStringLiteral("WxH")},
      {QStringLiteral("strength"), QStringLiteral("how much the model repaints, 0 to below 1 (default 0.3; 0: enlarge only)"),
       QStringLiteral("S"), QStringLiteral("0.3")},
      {QStringLiteral("painter"), QStringLiteral("sd or draft (default: the project's)"), QStringLiteral("painter")},
      {QStringLiteral("model"), QStringLiteral("model folder, checkpoint file or repo id (default: the project's)"), QStringLiteral("model")},
      {QStringLiteral("device"), QStringLiteral("auto, cpu or cuda"), QStringLiteral("device"), QStringLiteral("auto")},
      {QStringLiteral("precision"), QStringLiteral("auto, fp32, fp16 or bf16"), QStringLiteral("precision"), QStringLiteral("auto")},
      {QStringLiteral("steps"), QStringLiteral("denoising steps at full strength (default: the project's); the pass runs strength x steps"),
       QStringLiteral("N")},
      {QStringLiteral("seed"), QStringLiteral("seed of the first tile (default: keyframe 1's)"), QStringLiteral("N")},
  });
  p.addHelpOption();
  p.process(QStringList{QStringLiteral("droste-cli detail")} + args);
  if (p.positionalArguments().size() != 1) throw std::invalid_argument("give one PROJECT (see droste-cli detail --help)");
  if (!p.isSet(QStringLiteral("output-size"))) throw std::invalid_argument("--output-size is required, e.g. 1920x1080");
  const QString path = p.positionalArguments().front();
  const QSize outputSize = parseOutputSize(p.value(QStringLiteral("output-size")));

  zoom::ProjectData project = zoom::loadProjectFile(path);
  const render::KeyframeStack stack = zoom::keyframeStackOf(project.settings, project.keyframes);
  if (stack.keyframes.empty()) throw std::runtime_error("The project has no painted keyframes yet: generate some first");
  const QSize copySize = zoom::renderCopySize(stack, outputSize);

  zoom::DetailSettings detail;
  detail.strength = parseDouble(p, QStringLiteral("strength"), 0.0, 1.0);
  detail.base.prompt = project.settings.prompt;
  detail.base.negativePrompt = project.settings.negativePrompt;
  detail.keyframePrompts = zoom::keyframePromptsOf(project.settings, project.keyframes);
  detail.base.steps = p.isSet(QStringLiteral("steps")) ? parseInt(p, QStringLiteral("steps"), 1, 1000) : project.settings.steps;
  detail.base.guidance = project.settings.guidance;
  detail.base.scheduler = project.settings.scheduler;
  detail.base.seed = project.keyframes.front().seed;
  if (p.isSet(QStringLiteral("seed"))) {
    bool ok = false;
    detail.base.seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok) throw std::invalid_argument("--seed must be a whole number from 0 to 18446744073709551615");
  }

  QTextStream err(stderr);
  std::shared_ptr<zoom::Painter> painter;
  if (detail.strength > 0) {
    engine::ModelSpec spec{project.settings.painter, project.settings.model, p.value(QStringLiteral("device")),
                           p.value(QStringLiteral("precision"))};
    if (p.isSet(QStringLiteral("painter"))) {
      const auto kind = zoom::painterKindFromString(p.value(QStringLiteral("painter")));
      if (!kind) throw std::invalid_argument("--painter must be sd or draft");
      spec.painter = *kind;
    }
    if (p.isSet(QStringLiteral("model"))) spec.model = p.value(QStringLiteral("model"));
    if (spec.painter == zoom::PainterKind::StableDiffusion && spec.model.isEmpty())
      throw std::invalid_argument("The project names no model: give --model (or --painter draft, or --strength 0)");
    if (spec.painter == zoom::PainterKind::StableDiffusion) err << "Loading " << spec.model << " ...\n" << Qt::flush;
    painter = engine::createPainter(spec);
  }
  const int tiles = detail.strength > 0 ? zoom::detailTileCount(stack, copySize) : 0;
  err << QStringLiteral("%1 render copies of %2x%3 from %4x%5 keyframes, %6 tiles of detail\n")
             .arg(stack.keyframes.size())
             .arg(copySize.width())
             .arg(copySize.height())
             .arg(stack.width)
             .arg(stack.height)
             .arg(tiles)
      << Qt::flush;

  std::signal(SIGINT, onDetailInterrupt);
  std::signal(SIGTERM, onDetailInterrupt);
  QElapsedTimer clock;
  clock.start();
  try {
    ProgressLine line;
    project.renderCopies = zoom::makeRenderCopies(
        stack, copySize, painter.get(), detail,
        [&](const zoom::RenderCopyProgress& pr) {
          const double elapsed = clock.elapsed() / 1000.0;
          const double eta = pr.fraction > 0 ? elapsed * (1.0 - pr.fraction) / pr.fraction : 0.0;
          line.show(QStringLiteral("tile %1/%2  %3%  ETA %4 s")
                        .arg(std::min(pr.tilesDone + 1, pr.tileCount))
                        .arg(pr.tileCount)
                        .arg(int(100 * pr.fraction))
                        .arg(eta, 0, 'f', 0));
        },
        &gCancel);
    line.finish();
  } catch (const Cancelled&) {
    err << "\ncancelled; the project is unchanged\n";
    return 130;
  }
  zoom::saveProjectFile(path, project);
  QTextStream(stdout) << QStringLiteral("wrote %1 render copies of %2x%3 (%4) into %5 in %6 s\n")
                             .arg(project.renderCopies->images.size())
                             .arg(copySize.width())
                             .arg(copySize.height())
                             .arg(detail.strength > 0 ? QStringLiteral("detail strength %1, %2 tiles").arg(detail.strength).arg(tiles)
                                                      : QStringLiteral("enlarged only"))
                             .arg(path)
                             .arg(clock.elapsed() / 1000.0, 0, 'f', 2);
  return 0;
}

}  // namespace droste::cli
