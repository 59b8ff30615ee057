// droste-cli zoom: make a keyframe chain headless and save it as a project.
#include "app/cli/commands.h"
#include "app/cli/error_advice.h"
#include "app/cli/progress_line.h"
#include "core/catalog/model_catalog.h"
#include "core/engine/engine.h"
#include "core/zoom/project.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QImageReader>
#include <QTextStream>
#include <QCoro/QCoroTask>

#include <stdexcept>

namespace droste::cli {
namespace {

int intOption(const QCommandLineParser& parser, const QString& name) {
  bool ok = false;
  const int value = parser.value(name).toInt(&ok);
  if (!ok) throw std::invalid_argument("--" + name.toStdString() + " needs a whole number, not '" +
                                       parser.value(name).toStdString() + "'");
  return value;
}

}  // namespace

int runZoom(const QStringList& args) {
  QTextStream err(stderr);
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Paint keyframe 0 (or import it) and outpaint N more; save a project."));
  parser.addHelpOption();
  const auto opt = [&](const char* name, const char* help, const char* valueName = nullptr, const char* def = nullptr) {
    QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(help));
    if (valueName) o.setValueName(QString::fromLatin1(valueName));
    if (def) o.setDefaultValue(QString::fromLatin1(def));
    parser.addOption(o);
  };
  opt("prompt", "What to paint.", "text");
  opt("negative-prompt", "What to avoid.", "text", "");
  opt("image", "Start from this picture instead of painting keyframe 0.", "file");
  opt("fit", "How --image fits the keyframe's shape: crop (centre) or pad.", "crop|pad", "crop");
  opt("keyframes", "How many keyframes to outpaint after keyframe 0 (N+1 in all).", "N");
  opt("outpaint",
      "Ring added on each long side, a multiple of 8 up to half the long side; the short sides get a ring in "
      "proportion, so both axes zoom alike (e.g. 1024x576 with 128: 72 px).",
      "px", "128");
  opt("size", "Square keyframes of this side, a multiple of 8 (default: the model's native size, 1024 for SDXL "
      "and 512 for SD 1.x/2.x inpainting models and the draft painter).", "px");
  opt("width", "Keyframe width, a multiple of 8 (default: --size).", "px");
  opt("height", "Keyframe height, a multiple of 8 (default: --size); e.g. --width 1024 --height 576 for 16:9.", "px");
  opt("method", "direct (one generation) or sequential (left, top, right, bottom).", "method", "direct");
  opt("padding", "Pre-fill of the ring: symmetric, reflect, edge, black, blurred-stretch.", "mode", "symmetric");
  opt("overlap", "Pixels the mask reaches into the old picture (feathered seam).", "px", "0");
  opt("no-paste-back", "Do not put the kept pixels back after painting.");
  opt("color-match", "Match the new ring's colours to the kept border.");
  opt("paint-at-size", "Paint the ring at keyframe size instead of canvas size (faster).");
  opt("painter", "sd (Stable Diffusion) or draft (instant, no model). Default: sd with --model, else draft.",
      "sd|draft");
  opt("model", "Model folder, single checkpoint file or repo id.", "model");
  opt("device", "auto, cpu or cuda.", "device", "auto");
  opt("precision", "auto, fp32, fp16 or bf16.", "precision", "auto");
  opt("steps", "Denoising steps.", "N", "25");
  opt("guidance", "Classifier-free guidance scale.", "scale", "7.5");
  opt("seed", "Seed of the chain (keyframe k uses seed+k); default: random.", "seed");
  opt("scheduler", "Scheduler (default: the model's own).", "name", "");
  opt("project", "Where to save the project (.droste).", "file");
  opt("exit-image", "End the zoom on this picture: it becomes the last keyframe, the one before pasted into its "
      "centre and the seam repainted (cropped to the keyframes' shape).", "file");
  opt("close-loop", "Close the loop afterwards: the outermost keyframe becomes keyframe 0, so the zoom never "
      "ends (export it with render --loop). Needs 3 keyframes or more.");
  parser.process(QStringList{QStringLiteral("droste-cli zoom")} + args);

  if (!parser.isSet(QStringLiteral("project"))) throw std::invalid_argument("--project out.droste is required");
  if (!parser.isSet(QStringLiteral("keyframes"))) throw std::invalid_argument("--keyframes N is required");
  if (!parser.isSet(QStringLiteral("prompt")) && !parser.isSet(QStringLiteral("image")))
    throw std::invalid_argument("--prompt is required (or --image to start from a picture)");

  zoom::ProjectSettings s;
  s.prompt = parser.value(QStringLiteral("prompt"));
  s.negativePrompt = parser.value(QStringLiteral("negative-prompt"));
  s.model = parser.value(QStringLiteral("model"));
  s.scheduler = parser.value(QStringLiteral("scheduler"));
  s.steps = intOption(parser, QStringLiteral("steps"));
  bool ok = false;
  s.guidance = parser.value(QStringLiteral("guidance")).toDouble(&ok);
  if (!ok) throw std::invalid_argument("--guidance needs a number");
  const QString painter = parser.isSet(QStringLiteral("painter")) ? parser.value(QStringLiteral("painter"))
                          : s.model.isEmpty()                     ? QStringLiteral("draft")
                                                                  : QStringLiteral("sd");
  const auto kind = zoom::painterKindFromString(painter);
  if (!kind) throw std::invalid_argument("--painter must be sd or draft");
  s.painter = *kind;
  if (s.painter == zoom::PainterKind::StableDiffusion && s.model.isEmpty())
    throw std::invalid_argument("--painter sd needs --model (a model folder, checkpoint file or repo id)");
  const int nativeSide = s.painter == zoom::PainterKind::StableDiffusion ? catalog::nativeKeyframeSide(s.model) : 0;
  const int side = parser.isSet(QStringLiteral("size")) ? intOption(parser, QStringLiteral("size"))
                   : nativeSide > 0                     ? nativeSide
                                                        : 512;
  s.outpaint.width = parser.isSet(QStringLiteral("width")) ? intOption(parser, QStringLiteral("width")) : side;
  s.outpaint.height = parser.isSet(QStringLiteral("height")) ? intOption(parser, QStringLiteral("height")) : side;
  s.outpaint.outpaint = intOption(parser, QStringLiteral("outpaint"));
  s.outpaint.maskOverlap = intOption(parser, QStringLiteral("overlap"));
  const auto method = zoom::outpaintMethodFromString(parser.value(QStringLiteral("method")));
  if (!method) throw std::invalid_argument("--method must be direct or sequential");
  s.outpaint.method = *method;
  const auto padding = zoom::paddingModeFromString(parser.value(QStringLiteral("padding")));
  if (!padding)
    throw std::invalid_argument("--padding must be one of: " + zoom::paddingModeNames().join(QStringLiteral(", ")).toStdString());
  s.outpaint.padding = *padding;
  s.outpaint.pasteBack = !parser.isSet(QStringLiteral("no-paste-back"));
  s.outpaint.colorMatch = parser.isSet(QStringLiteral("color-match"));
  s.outpaint.paintAtKeyframeSize = parser.isSet(QStringLiteral("paint-at-size"));
  s.outpaint.validate();
  const int count = intOption(parser, QStringLiteral("keyframes"));
  if (count < 0) throw std::invalid_argument("--keyframes must be 0 or more");
  std::optional<std::uint64_t> chainSeed;
  if (parser.isSet(QStringLiteral("seed"))) {
    chainSeed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok) throw std::invalid_argument("--seed needs a whole number from 0 to 18446744073709551615");
  }
  const QString projectPath = QDir::current().absoluteFilePath(parser.value(QStringLiteral("project")));

  // Read now, not after minutes of painting.
  QImage exitImage;
  if (parser.isSet(QStringLiteral("exit-image"))) {
    const QString exitPath = parser.value(QStringLiteral("exit-image"));
    QImageReader exitReader(exitPath);
    exitReader.setAutoTransform(true);
    exitImage = exitReader.read();
    if (exitImage.isNull())
      throw std::runtime_error("Could not read the exit image " + exitPath.toStdString() + ": " +
                               exitReader.errorString().toStdString());
  }

  zoom::Project project;
  project.setSettings(s);
  if (parser.isSet(QStringLiteral("image"))) {
    const QString imagePath = parser.value(QStringLiteral("image"));
    QImageReader reader(imagePath);
    const QImage start = reader.read();
    if (start.isNull())
      throw std::runtime_error("Could not read the start image " + imagePath.toStdString() + ": " +
                               reader.errorString().toStdString());
    const auto fit = zoom::importFitFromString(parser.value(QStringLiteral("fit")));
    if (!fit) throw std::invalid_argument("--fit must be crop or pad");
    project.importFirstKeyframe(start, *fit);
  }
  // Keyframe k gets seed+k with --seed, so the same command paints the same chain.
  for (int k = project.keyframeCount(); k <= count; ++k) {
    zoom::Keyframe kf;
    kf.seed = chainSeed ? *chainSeed + std::uint64_t(k) : zoom::Project::randomSeed();
    kf.state = zoom::KeyframeState::Stale;
    project.insertKeyframe(k, kf);
  }

  engine::Engine engine;
  QElapsedTimer clock;
  clock.start();
  if (s.painter == zoom::PainterKind::StableDiffusion) {
    err << "Loading " << s.model << " ...\n";
    err.flush();
    engine::ModelSpec spec{s.painter, s.model, parser.value(QStringLiteral("device")),
                           parser.value(QStringLiteral("precision"))};
    const engine::JobResult loaded = QCoro::waitFor(engine.loadModel(spec));
    if (!loaded.ok) throw Error(loaded.errorKind, loaded.error.toStdString());
    err << "Loaded in " << QString::number(clock.elapsed() / 1000.0, 'f', 1) << " s\n";
  }
  ProgressLine line;
  QObject::connect(&engine, &engine::Engine::progress, [&line](const engine::Progress& p) {
    if (p.total == 0) return;
    QString text = QStringLiteral("keyframe %1 (%2/%3) step %4/%5")
                       .arg(p.keyframe).arg(p.keyframeNumber).arg(p.keyframeTotal).arg(p.step).arg(p.total);
    if (p.itPerSec > 0) text += QStringLiteral("  %1 it/s").arg(p.itPerSec, 0, 'f', 2);
    if (p.etaSeconds >= 0) text += QStringLiteral("  ETA %1 s").arg(p.etaSeconds, 0, 'f', 0);
    line.show(text);
  });
  // With the diffusion model, save after every keyframe: a long run interrupted keeps what it made.
  if (s.painter == zoom::PainterKind::StableDiffusion)
    QObject::connect(&engine, &engine::Engine::keyframeFinished, [&](int) { project.save(projectPath); });
  engine::JobResult result = QCoro::waitFor(engine.regenerateStale(&project));
  if (result.ok && !exitImage.isNull()) {
    result = QCoro::waitFor(
        engine.replaceWithPicture(&project, project.keyframeCount(), exitImage, zoom::ImportFit::CenterCrop));
  }
  if (result.ok && parser.isSet(QStringLiteral("close-loop"))) result = QCoro::waitFor(engine.closeLoop(&project));
  line.finish();
  project.save(projectPath);
  if (!result.ok) {
    err << "droste-cli zoom: " << QString::fromStdString(withAdvice(result.error.toStdString(), result.errorKind)) << "\n";
    return 1;
  }
  QTextStream(stdout) << "Saved " << project.keyframeCount() << " keyframes (" << s.outpaint.width << "x" << s.outpaint.height << " px, ring "
                      << s.outpaint.outpaint << ") to " << QDir::toNativeSeparators(projectPath) << " in "
                      << QString::number(clock.elapsed() / 1000.0, 'f', 1) << " s\n";
  return 0;
}

}  // namespace droste::cli
