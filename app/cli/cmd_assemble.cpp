// droste-cli assemble: a project from keyframe pictures made elsewhere (bring your own keyframes).
#include "app/cli/commands.h"
#include "core/zoom/project.h"

#include <QCommandLineParser>
#include <QDir>
#include <QImageReader>
#include <QTextStream>

#include <stdexcept>

namespace droste::cli {

int runAssemble(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral(
      "Make a project from keyframe pictures, innermost first: each one is the previous one zoomed out, with the "
      "previous picture shrunk by size/(size + 2*outpaint) in its centre."));
  parser.addHelpOption();
  parser.addOption({QStringLiteral("outpaint"), QStringLiteral("Ring width p the keyframes were made with."),
                    QStringLiteral("px")});
  parser.addOption({QStringLiteral("project"), QStringLiteral("Where to save the project (.droste)."),
                    QStringLiteral("file")});
  parser.addOption({QStringLiteral("prompt"), QStringLiteral("Prompt to store in the project (optional)."),
                    QStringLiteral("text")});
  parser.addPositionalArgument(QStringLiteral("keyframes"), QStringLiteral("k0.png k1.png ..."),
                               QStringLiteral("KEYFRAME..."));
  parser.process(QStringList{QStringLiteral("droste-cli assemble")} + args);
  if (!parser.isSet(QStringLiteral("project"))) throw std::invalid_argument("--project out.droste is required");
  if (!parser.isSet(QStringLiteral("outpaint"))) throw std::invalid_argument("--outpaint P is required");
  const QStringList files = parser.positionalArguments();
  if (files.isEmpty()) throw std::invalid_argument("give the keyframe pictures, innermost first: k0.png k1.png ...");
  bool ok = false;
  const int outpaint = parser.value(QStringLiteral("outpaint")).toInt(&ok);
  if (!ok) throw std::invalid_argument("--outpaint needs a whole number");

  std::vector<QImage> images;
  QSize size;
  for (const QString& file : files) {
    QImageReader reader(file);
    const QImage image = reader.read();
    if (image.isNull())
      throw std::runtime_error("Could not read " + file.toStdString() + ": " + reader.errorString().toStdString());
    const auto text = [](QSize s) { return std::to_string(s.width()) + "x" + std::to_string(s.height()); };
    if (size.isEmpty()) size = image.size();
    if (image.size() != size)
      throw std::runtime_error(file.toStdString() + " is " + text(image.size()) + ", but " + files.first().toStdString() +
                               " is " + text(size) + ": all keyframes must have the same size");
    images.push_back(image);
  }
  zoom::ProjectSettings s;
  s.prompt = parser.value(QStringLiteral("prompt"));
  s.painter = zoom::PainterKind::Draft;
  s.outpaint.width = size.width();
  s.outpaint.height = size.height();
  s.outpaint.outpaint = outpaint;
  s.outpaint.validate();  // explains a size or ring that the project format cannot hold

  zoom::Project project;
  project.setSettings(s);
  for (size_t i = 0; i < images.size(); ++i) {
    zoom::Keyframe k;
    k.image = images[i].convertToFormat(QImage::Format_RGB888);
    k.state = zoom::KeyframeState::Fresh;
    k.imported = i == 0;
    project.insertKeyframe(int(i), k);
  }
  const QString path = QDir::current().absoluteFilePath(parser.value(QStringLiteral("project")));
  project.save(path);
  QTextStream(stdout) << "Saved " << images.size() << " keyframes (" << size.width() << "x" << size.height() << " px, ring " << outpaint << ") to "
                      << QDir::toNativeSeparators(path) << "\n";
  return 0;
}

}  // namespace droste::cli
