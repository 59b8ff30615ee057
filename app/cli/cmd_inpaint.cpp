// droste-cli inpaint: one inpainting run with the reference pipeline's defaults (no paste-back
// unless asked), for parity checks against diffusers and for scripting.
#include "app/cli/commands.h"
#include "core/diffusion/schedulers/scheduler_names.h"
#include "core/zoom/sd_painter.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QImage>
#include <QTextStream>

#include <algorithm>
#include <stdexcept>

namespace droste::cli {

namespace {

QString schedulerList() {
  QStringList names;
  for (const auto& n : diffusion::schedulerNames()) names << QString::fromStdString(n);
  return names.join(QLatin1Char('|'));
}

QImage readImage(const QString& path, const char* what) {
  QImage image(path);
  if (image.isNull())
    throw std::invalid_argument(std::string("cannot read the ") + what + " '" + path.toStdString() +
                                "' (missing file or unsupported format; PNG and JPEG work)");
  return image;
}

}  // namespace

int runInpaint(const QStringList& args) {
  QTextStream out(stdout);
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Inpaint the white part of MASK in IMAGE with Stable Diffusion."));
  parser.addHelpOption();
  const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("model folder, .safetensors file or repo id"),
                                 QStringLiteral("M"));
  const QCommandLineOption image(QStringLiteral("image"), QStringLiteral("input picture (its size is the output size, "
                                                                         "a multiple of 8)"),
                                 QStringLiteral("in.png"));
  const QCommandLineOption mask(QStringLiteral("mask"), QStringLiteral("white = repaint (grey levels are binarised)"),
                                QStringLiteral("mask.png"));
  const QCommandLineOption prompt(QStringLiteral("prompt"), QStringLiteral("what to paint"), QStringLiteral("P"));
  const QCommandLineOption negative(QStringLiteral("negative-prompt"), QStringLiteral("what to avoid"),
                                    QStringLiteral("N"), QString());
  const QCommandLineOption steps(QStringLiteral("steps"), QStringLiteral("denoising steps (default 25)"),
                                 QStringLiteral("n"), QStringLiteral("25"));
  const QCommandLineOption guidance(QStringLiteral("guidance"), QStringLiteral("guidance scale (default 7.5)"),
                                    QStringLiteral("g"), QStringLiteral("7.5"));
  const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("random seed (default 0)"), QStringLiteral("S"),
                                QStringLiteral("0"));
  const QCommandLineOption strength(QStringLiteral("strength"), QStringLiteral("0..1, 1 = ignore the masked pixels "
                                                                               "(default 1)"),
                                    QStringLiteral("s"), QStringLiteral("1.0"));
  const QCommandLineOption scheduler(QStringLiteral("scheduler"),
                                     QStringLiteral("one of %1 (default: the model's own)").arg(schedulerList()),
                                     QStringLiteral("name"), QString());
  const QCommandLineOption device(QStringLiteral("device"), QStringLiteral("auto, cpu or cuda (default auto: cuda if present)"),
                                  QStringLiteral("d"), QString());
  const QCommandLineOption dtype(QStringLiteral("dtype"), QStringLiteral("auto, fp32, fp16 or bf16 (default auto: fp16 "
                                                                         "on cuda, bf16 on CPUs with native bf16, else fp32; see droste-cli info)"),
                                 QStringLiteral("t"), QString());
  const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("diffusers folder with the configs and "
                                                                           "tokenizer (for single files)"),
                                  QStringLiteral("FOLDER"), QString());
  const QCommandLineOption pasteBack(QStringLiteral("paste-back"),
                                     QStringLiteral("put the unmasked original pixels back after decoding"));
  const QCommandLineOption output(QStringLiteral("output"), QStringLiteral("output picture (PNG)"),
                                  QStringLiteral("out.png"));
  parser.addOptions({model, image, mask, prompt, negative, steps, guidance, seed, strength, scheduler, device, dtype,
                     config, pasteBack, output});
  if (!parser.parse(QStringList{QStringLiteral("droste-cli inpaint")} + args))
    throw std::invalid_argument(parser.errorText().toStdString());
  if (parser.isSet(QStringLiteral("help"))) {
    out << parser.helpText();
    return 0;
  }
  for (const auto* required : {&model, &image, &mask, &prompt, &output})
    if (!parser.isSet(*required))
      throw std::invalid_argument("--" + required->names().first().toStdString() + " is required (see --help)");

  auto number = [&](const QCommandLineOption& o) {
    bool ok = false;
    const double v = parser.value(o).toDouble(&ok);
    if (!ok) throw std::invalid_argument("--" + o.names().first().toStdString() + " expects a number");
    return v;
  };
  zoom::PaintRequest request;
  request.image = readImage(parser.value(image), "image");
  request.mask = readImage(parser.value(mask), "mask");
  request.prompt = parser.value(prompt);
  request.negativePrompt = parser.value(negative);
  request.steps = static_cast<int>(number(steps));
  request.guidance = number(guidance);
  bool seedOk = false;
  request.seed = parser.value(seed).toULongLong(&seedOk);
  if (!seedOk) throw std::invalid_argument("--seed expects a non-negative integer");
  request.strength = number(strength);
  request.scheduler = parser.value(scheduler);
  request.pasteBack = parser.isSet(pasteBack);
  // Fail on a bad scheduler name before the (slow) model load.
  const auto& known = diffusion::schedulerNames();
  if (!request.scheduler.isEmpty() &&
      std::find(known.begin(), known.end(), request.scheduler.toStdString()) == known.end())
    throw std::invalid_argument("unknown scheduler \"" + request.scheduler.toStdString() + "\"; choose one of: " +
                                schedulerList().replace(QLatin1Char('|'), QStringLiteral(", ")).toStdString());

  // Device and precision names, CUDA presence and whether the precision runs on this CPU are checked
  // before the model loads.
  QElapsedTimer timer;
  timer.start();
  const auto painter = zoom::SdPainter::load(parser.value(model), parser.value(device), parser.value(dtype),
                                             parser.value(config));
  out << "loaded " << painter->name() << " in " << QString::number(timer.elapsed() / 1000.0, 'f', 2) << " s\n";
  out.flush();

  QElapsedTimer stepTimer;
  stepTimer.start();
  const QImage picture = painter->paint(request, [&](const zoom::PaintProgress& p) {
    const double seconds = stepTimer.elapsed() / 1000.0;
    out << "step " << p.step << "/" << p.total << "  " << QString::number(seconds > 0 ? p.step / seconds : 0.0, 'f', 2)
        << " it/s\n";
    out.flush();
  });
  if (!picture.save(parser.value(output)))
    throw std::runtime_error("cannot write '" + parser.value(output).toStdString() +
                             "' (check the folder exists and is writable; the extension chooses the format)");
  out << "wrote " << parser.value(output) << " (" << picture.width() << "x" << picture.height() << ") in "
      << QString::number(timer.elapsed() / 1000.0, 'f', 2) << " s total\n";
  return 0;
}

}  // namespace droste::cli
