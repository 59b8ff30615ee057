#include "app/cli/render_input.h"
#include "core/zoom/project_file.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace droste::cli {

KeyframeInput loadKeyframeInput(const QString& path, std::optional<int> outpaint) {
  const QFileInfo info(path);
  if (!info.exists()) throw std::runtime_error(path.toStdString() + " does not exist.");
  if (!info.isDir()) {
    // A project knows its own ring width; --outpaint is for folders of PNGs.
    zoom::ProjectKeyframes project = zoom::loadProjectKeyframes(path);
    if (outpaint && *outpaint != project.outpaint)
      throw std::runtime_error("The project's keyframes were outpainted by " + std::to_string(project.outpaint) +
                               " pixels; leave out --outpaint (it is only for folders of PNGs).");
    render::KeyframeStack stack{std::move(project.keyframes), project.width, project.height, project.outpaint,
                                project.centresPasted};
    render::validate(stack);
    return {std::move(stack), std::move(project.renderCopies)};
  }
  if (!outpaint)
    throw std::runtime_error("A keyframe folder needs --outpaint P: the ring width in pixels each keyframe added (e.g. 128).");
  const QDir dir(path);
  const QStringList names = dir.entryList({QStringLiteral("*.png"), QStringLiteral("*.PNG")}, QDir::Files, QDir::Name);
  if (names.isEmpty()) throw std::runtime_error("No PNG files in " + path.toStdString() + ".");
  render::KeyframeStack stack;
  stack.outpaint = *outpaint;
  for (const QString& name : names) {
    QImage image(dir.filePath(name));
    if (image.isNull()) throw std::runtime_error("Could not read " + dir.filePath(name).toStdString() + " as an image.");
    if (stack.keyframes.empty()) {
      stack.width = image.width();
      stack.height = image.height();
    }
    stack.keyframes.push_back(std::move(image));
  }
  render::validate(stack);
  return {std::move(stack), std::nullopt};
}

render::KeyframeStack framesSource(KeyframeInput input, QSize frameSize, QTextStream& log) {
  render::KeyframeStack& keyframes = input.keyframes;
  if (frameSize.width() <= keyframes.width && frameSize.height() <= keyframes.height) return std::move(keyframes);
  const std::optional<zoom::RenderCopies>& copies = input.renderCopies;
  if (!copies) {
    log << "note: the keyframes are enlarged for each frame; droste-cli detail PROJECT --output-size WxH adds "
           "detail with the model first\n";
    return std::move(keyframes);
  }
  log << QStringLiteral("drawing from the project's render copies: %1x%2, %3\n")
             .arg(copies->size().width())
             .arg(copies->size().height())
             .arg(copies->detailStrength > 0 ? QStringLiteral("detail strength %1").arg(copies->detailStrength)
                                             : QStringLiteral("enlarged"));
  return zoom::renderCopyStack(keyframes, *copies);
}

QSize parseOutputSize(const QString& text) {
  const QStringList parts = text.toLower().split(QLatin1Char('x'));
  bool okW = false, okH = false;
  const int w = parts.size() == 2 ? parts[0].toInt(&okW) : 0, h = parts.size() == 2 ? parts[1].toInt(&okH) : 0;
  if (!okW || !okH || w < 16 || h < 16 || w > 8192 || h > 8192)
    throw std::invalid_argument("--output-size must be WIDTHxHEIGHT from 16 to 8192, e.g. 1920x1080");
  return {w, h};
}

int evenRound(double v) { return std::max(2, int(std::lround(v / 2.0)) * 2); }

QSize frameOfShape(int longSide, QSize keyframe) {
  const double keyframeLong = std::max(keyframe.width(), keyframe.height());
  return {evenRound(longSide * keyframe.width() / keyframeLong), evenRound(longSide * keyframe.height() / keyframeLong)};
}

int parseInt(const QCommandLineParser& p, const QString& name, int lo, int hi) {
  bool ok = false;
  const int v = p.value(name).toInt(&ok);
  if (!ok || v < lo || v > hi)
    throw std::invalid_argument("--" + name.toStdString() + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
  return v;
}

double parseDouble(const QCommandLineParser& p, const QString& name, double lo, double hi) {
  bool ok = false;
  const double v = p.value(name).toDouble(&ok);
  if (!ok || !(v >= lo) || !(v <= hi))
    throw std::invalid_argument("--" + name.toStdString() + " must be a number from " + std::to_string(lo) + " to " + std::to_string(hi));
  return v;
}

}  // namespace droste::cli
