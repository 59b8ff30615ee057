#include "core/zoom/project_file.h"

#include "core/errors.h"
#include "core/imaging/pixel_formats.h"
#include "core/io/unique_fd.h"
#include "core/io/zip_store.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <unistd.h>

namespace droste::zoom {
namespace {

using io::readStoredZip;
using io::writeStoredZip;
using io::ZipEntries;

const QString kFormatName = QStringLiteral("droste-project");
const QString kJsonName = QStringLiteral("project.json");

std::string str(const QString& s) { return s.toStdString(); }

[[noreturn]] void damaged(const QString& path, const std::string& why) {
  throw std::runtime_error("The project file " + str(QDir::toNativeSeparators(path)) + " is damaged: " + why +
                           ". Open its autosave or a backup instead.");
}

// Another kind of file (a picture, a video, a text): no autosave can help, so the message says what it is not.
[[noreturn]] void notAProject(const QString& path) {
  throw std::runtime_error("The file " + str(QDir::toNativeSeparators(path)) +
                           " is not a Droste project: projects are the .droste files Droste saves. "
                           "To zoom out of a picture, import it as the start image instead.");
}

// Every project starts with a ZIP entry header; any other start means it never was one.
bool startsLikeAZip(const QByteArray& bytes) { return bytes.startsWith(QByteArrayLiteral("PK\x03\x04")); }

QString renderCopyEntryName(size_t index) { return QStringLiteral("render/%1.png").arg(index, 4, 10, QLatin1Char('0')); }
QString keyframeEntryName(size_t index) { return QStringLiteral("keyframes/%1.png").arg(index, 4, 10, QLatin1Char('0')); }

QJsonValue optionalString(const std::optional<QString>& s) { return s ? QJsonValue(*s) : QJsonValue(QJsonValue::Null); }

int formatVersionFor(const ProjectSettings& s) { return s.outpaint.width == s.outpaint.height ? 1 : 2; }

QJsonObject settingsToJson(const ProjectSettings& s) {
  const OutpaintOptions& o = s.outpaint;
  QJsonObject json{
      {QStringLiteral("prompt"), s.prompt},
      {QStringLiteral("negativePrompt"), s.negativePrompt},
      {QStringLiteral("model"), s.model},
      {QStringLiteral("scheduler"), s.scheduler},
      {QStringLiteral("steps"), s.steps},
      {QStringLiteral("guidance"), s.guidance},
      {QStringLiteral("painter"), toString(s.painter)},
      {QStringLiteral("width"), o.width},
      {QStringLiteral("height"), o.height},
      {QStringLiteral("outpaint"), o.outpaint},
      {QStringLiteral("method"), toString(o.method)},
      {QStringLiteral("padding"), toString(o.padding)},
      {QStringLiteral("maskOverlap"), o.maskOverlap},
      {QStringLiteral("pasteBack"), o.pasteBack},
      {QStringLiteral("colorMatch"), o.colorMatch},
      {QStringLiteral("paintAtKeyframeSize"), o.paintAtKeyframeSize},
      // A string: a 64-bit seed does not survive JSON's doubles.
      {QStringLiteral("lockedSeed"), s.lockedSeed ? QJsonValue(QString::number(*s.lockedSeed)) : QJsonValue(QJsonValue::Null)},
      {QStringLiteral("keyframesToAdd"), s.keyframesToAdd},
  };
  if (formatVersionFor(s) == 1) json.insert(QStringLiteral("size"), o.width);  // what version 1 readers need
  return json;
}

QByteArray encodePng(const QImage& image) {
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  QImageWriter writer(&buffer, "png");
  if (!writer.write(imaging::toRgb888(image))) throw std::runtime_error("Could not encode a keyframe as PNG: " + str(writer.errorString()));
  return bytes;
}

// Field readers that turn a wrong type into a "damaged" error naming the field.
struct JsonReader {
  const QString& path;
  const QJsonObject& object;
  QString context;
  QJsonValue field(const char* key) const {
    const QJsonValue v = object.value(QLatin1String(key));
    if (v.isUndefined()) damaged(path, str(context) + " has no '" + key + "'");
    return v;
  }
  QString string(const char* key) const {
    const QJsonValue v = field(key);
    if (!v.isString()) damaged(path, str(context) + " '" + key + "' is not text");
    return v.toString();
  }
  std::optional<QString> optString(const char* key) const {
    const QJsonValue v = field(key);
    if (v.isNull()) return std::nullopt;
    if (!v.isString()) damaged(path, str(context) + " '" + key + "' is not text");
    return v.toString();
  }
  double number(const char* key) const {
    const QJsonValue v = field(key);
    if (!v.isDouble()) damaged(path, str(context) + " '" + key + "' is not a number");
    return v.toDouble();
  }
  int integer(const char* key) const {
    const double d = number(key);
    // Range first: converting a double outside int's range is undefined (the project_json fuzzer found it).
    if (!(d >= std::numeric_limits<int>::min() && d <= std::numeric_limits<int>::max()) || d != std::trunc(d))
      damaged(path, str(context) + " '" + key + "' is not a whole number of a sensible size");
    return int(d);
  }
  bool boolean(const char* key) const {
    const QJsonValue v = field(key);
    if (!v.isBool()) damaged(path, str(context) + " '" + key + "' is not true/false");
    return v.toBool();
  }
  template <typename E>
  E enumeration(const char* key, std::optional<E> (*parse)(const QString&)) const {
    const QString s = string(key);
    const std::optional<E> e = parse(s);
    if (!e) damaged(path, str(context) + " '" + key + "' has the unknown value '" + str(s) + "'");
    return *e;
  }
};

ProjectSettings settingsFromJson(const QString& path, const QJsonObject& json) {
  const JsonReader r{path, json, QStringLiteral("the settings")};
  ProjectSettings s;
  s.prompt = r.string("prompt");
  s.negativePrompt = r.string("negativePrompt");
  s.model = r.string("model");
  s.scheduler = r.string("scheduler");
  s.steps = r.integer("steps");
  s.guidance = r.number("guidance");
  s.painter = r.enumeration<PainterKind>("painter", painterKindFromString);
  // Version 1 knew square keyframes only ("size").
  const bool shaped = json.contains(QStringLiteral("width")) || json.contains(QStringLiteral("height"));
  s.outpaint.width = r.integer(shaped ? "width" : "size");
  s.outpaint.height = r.integer(shaped ? "height" : "size");
  s.outpaint.outpaint = r.integer("outpaint");
  s.outpaint.method = r.enumeration<OutpaintMethod>("method", outpaintMethodFromString);
  s.outpaint.padding = r.enumeration<PaddingMode>("padding", paddingModeFromString);
  s.outpaint.maskOverlap = r.integer("maskOverlap");
  s.outpaint.pasteBack = r.boolean("pasteBack");
  s.outpaint.colorMatch = r.boolean("colorMatch");
  s.outpaint.paintAtKeyframeSize = r.boolean("paintAtKeyframeSize");
  // Added in 0.1 after the first files were written: absent means the defaults.
  const std::optional<QString> seed =
      json.contains(QStringLiteral("lockedSeed")) ? r.optString("lockedSeed") : std::nullopt;
  if (seed) {
    bool ok = false;
    s.lockedSeed = seed->toULongLong(&ok);
    if (!ok) damaged(path, "the locked seed is not a number");
  }
  if (json.contains(QStringLiteral("keyframesToAdd"))) s.keyframesToAdd = r.integer("keyframesToAdd");
  if (s.keyframesToAdd < 1 || s.keyframesToAdd > 100) damaged(path, "the number of keyframes to add is out of range");
  try {
    s.outpaint.validate();
  } catch (const std::invalid_argument& e) {
    damaged(path, e.what());
  }
  if (s.steps < 1 || s.steps > 1000) damaged(path, "the number of steps is out of range");
  return s;
}

// Flushes a file's data to the disk so a crash right after the rename cannot leave an empty file.
// The stored copies; throws std::runtime_error saying what is wrong with them.
RenderCopies renderCopiesFromJson(const QJsonValue& value, const std::map<QString, QByteArray>& entries) {
  const QJsonObject o = value.toObject();
  const QSize size(o.value(QStringLiteral("width")).toInt(), o.value(QStringLiteral("height")).toInt());
  if (size.width() < 8 || size.height() < 8 || size.width() > 16384 || size.height() > 16384)
    throw std::runtime_error("their size is invalid");
  RenderCopies copies;
  copies.detailStrength = std::clamp(o.value(QStringLiteral("detailStrength")).toDouble(), 0.0, 1.0);
  copies.source = o.value(QStringLiteral("source")).toString().toLatin1();
  for (const QJsonValue& name : o.value(QStringLiteral("images")).toArray()) {
    const auto png = entries.find(name.toString());
    if (png == entries.end()) throw std::runtime_error("a picture is missing");
    QBuffer buffer;
    buffer.setData(png->second);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "png");
    if (reader.size() != size) throw std::runtime_error("a picture has the wrong size");
    QImage decoded = reader.read();
    if (decoded.isNull()) throw std::runtime_error("a picture cannot be decoded");
    copies.images.push_back(imaging::toRgb888(decoded));
    copies.png.push_back(png->second);
  }
  if (copies.images.empty()) throw std::runtime_error("there are none");
  return copies;
}

void syncToDisk(QSaveFile& file) {
  if (!file.flush() || ::fsync(file.handle()) != 0)
    throw std::runtime_error("Could not write " + str(QDir::toNativeSeparators(file.fileName())) +
                             ": the disk may be full or read-only");
}

void syncDirectory(const QString& dir) {
  const io::UniqueFd fd(::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY));
  if (fd) ::fsync(fd.get());
}

}  // namespace

void saveProjectFile(const QString& path, const ProjectData& data) {
  if (path.isEmpty()) throw std::runtime_error("No file name was given for saving the project");
  data.settings.outpaint.validate();
  const QSize size = data.settings.outpaint.keyframeSize();
  const auto text = [](QSize s) { return std::to_string(s.width()) + "x" + std::to_string(s.height()); };
  ZipEntries entries;
  QJsonArray keyframes;
  for (size_t i = 0; i < data.keyframes.size(); ++i) {
    const Keyframe& k = data.keyframes[i];
    QJsonValue image(QJsonValue::Null);
    if (!k.image.isNull()) {
      if (k.image.size() != size)
        throw std::runtime_error("Keyframe " + std::to_string(i) + " is " + text(k.image.size()) + ", not " +
                                 text(size) + "; it cannot be saved with this project's size");
      image = keyframeEntryName(i);
      entries.emplace_back(keyframeEntryName(i), encodePng(k.image));
    }
    // A generation that was running is not finished: it is saved as stale.
    const KeyframeState state = k.state == KeyframeState::Generating ? KeyframeState::Stale : k.state;
    keyframes.append(QJsonObject{
        {QStringLiteral("image"), image},
        {QStringLiteral("prompt"), optionalString(k.prompt)},
        {QStringLiteral("negativePrompt"), optionalString(k.negativePrompt)},
        {QStringLiteral("seed"), QString::number(k.seed)},  // text: JSON numbers lose 64-bit precision
        {QStringLiteral("state"), toString(state)},
        {QStringLiteral("imported"), k.imported},
        {QStringLiteral("error"), k.error},
    });
  }
  QJsonObject root{
      {QStringLiteral("format"), kFormatName},
      {QStringLiteral("version"), formatVersionFor(data.settings)},
      {QStringLiteral("writer"), QStringLiteral("Droste " DROSTE_VERSION)},
      {QStringLiteral("settings"), settingsToJson(data.settings)},
      {QStringLiteral("keyframes"), keyframes},
  };
  // Older Droste versions ignore the key and the entries.
  if (data.renderCopies && !data.renderCopies->images.empty()) {
    const RenderCopies& copies = *data.renderCopies;
    QJsonArray images;
    for (size_t i = 0; i < copies.images.size(); ++i) {
      images.append(renderCopyEntryName(i));
      entries.emplace_back(renderCopyEntryName(i), i < copies.png.size() ? copies.png[i] : encodePng(copies.images[i]));
    }
    root.insert(QStringLiteral("renderCopies"),
                QJsonObject{{QStringLiteral("width"), copies.size().width()},
                            {QStringLiteral("height"), copies.size().height()},
                            {QStringLiteral("detailStrength"), copies.detailStrength},
                            {QStringLiteral("source"), QString::fromLatin1(copies.source)},
                            {QStringLiteral("images"), images}});
  }
  entries.insert(entries.begin(), {kJsonName, QJsonDocument(root).toJson(QJsonDocument::Indented)});
  const QByteArray archive = writeStoredZip(entries);

  QSaveFile file(path);
  const QString shown = QDir::toNativeSeparators(path);
  if (!file.open(QIODevice::WriteOnly))
    throw Error(ErrorKind::Disk, "Could not save " + str(shown) + ": " + str(file.errorString()) +
                             ". Choose a folder you can write to.");
  if (file.write(archive) != archive.size())
    throw Error(ErrorKind::Disk, "Could not save " + str(shown) + ": " + str(file.errorString()) +
                             " (is the disk full?). The previous file is unchanged.");
  syncToDisk(file);
  if (!file.commit())
    throw Error(ErrorKind::Disk, "Could not save " + str(shown) + ": " + str(file.errorString()) +
                             ". The previous file is unchanged.");
  syncDirectory(QFileInfo(path).absolutePath());
}

ProjectData loadProjectFile(const QString& path) {
  const QString shown = QDir::toNativeSeparators(path);
  QFile file(path);
  if (!file.exists()) throw std::runtime_error("The project file " + str(shown) + " does not exist");
  if (!file.open(QIODevice::ReadOnly))
    throw Error(ErrorKind::Disk, "Could not open the project file " + str(shown) + ": " + str(file.errorString()));
  const QByteArray archive = file.readAll();

  if (!archive.isEmpty() && !startsLikeAZip(archive)) notAProject(path);
  std::map<QString, QByteArray> entries;
  try {
    for (auto& [name, contents] : readStoredZip(archive)) entries.emplace(name, std::move(contents));
  } catch (const std::runtime_error& e) {
    damaged(path, e.what());
  }
  const auto json = entries.find(kJsonName);
  if (json == entries.end()) notAProject(path);  // some other ZIP archive
  QJsonParseError error;
  const QJsonDocument doc = QJsonDocument::fromJson(json->second, &error);
  if (doc.isNull() || !doc.isObject()) damaged(path, "project.json is not valid JSON (" + str(error.errorString()) + ")");
  const QJsonObject root = doc.object();
  if (root.value(QStringLiteral("format")).toString() != kFormatName) notAProject(path);
  const int version = root.value(QStringLiteral("version")).toInt(-1);
  if (version > kProjectFormatVersion)
    throw std::runtime_error("The project file " + str(shown) + " was made by a newer Droste (format version " +
                             std::to_string(version) + "; this Droste reads up to " +
                             std::to_string(kProjectFormatVersion) + "). Update Droste to open it.");
  if (version < 1) damaged(path, "project.json has no valid format version");

  ProjectData data;
  data.settings = settingsFromJson(path, root.value(QStringLiteral("settings")).toObject());
  const QSize size = data.settings.outpaint.keyframeSize();
  const QJsonValue list = root.value(QStringLiteral("keyframes"));
  if (!list.isArray()) damaged(path, "project.json has no keyframe list");
  int index = 0;
  for (const QJsonValue& value : list.toArray()) {
    if (!value.isObject()) damaged(path, "keyframe " + std::to_string(index) + " is not an object");
    const QJsonObject object = value.toObject();
    const JsonReader r{path, object, QStringLiteral("keyframe %1").arg(index)};
    Keyframe k;
    k.prompt = r.optString("prompt");
    k.negativePrompt = r.optString("negativePrompt");
    bool ok = false;
    k.seed = r.string("seed").toULongLong(&ok);
    if (!ok) damaged(path, "keyframe " + std::to_string(index) + " has an invalid seed");
    k.state = r.enumeration<KeyframeState>("state", keyframeStateFromString);
    k.imported = r.boolean("imported");
    k.error = r.string("error");
    const std::optional<QString> image = r.optString("image");
    if (image) {
      const auto png = entries.find(*image);
      if (png == entries.end()) damaged(path, "the picture of keyframe " + std::to_string(index) + " is missing");
      QImage decoded;
      if (!decoded.loadFromData(png->second, "PNG"))
        damaged(path, "the picture of keyframe " + std::to_string(index) + " cannot be decoded");
      if (decoded.size() != size)
        damaged(path, "the picture of keyframe " + std::to_string(index) + " is not " +
                          std::to_string(size.width()) + "x" + std::to_string(size.height()));
      k.image = imaging::toRgb888(decoded);
    } else if (k.state == KeyframeState::Fresh) {
      damaged(path, "keyframe " + std::to_string(index) + " is marked finished but has no picture");
    }
    data.keyframes.push_back(std::move(k));
    ++index;
  }
  if (root.contains(QStringLiteral("renderCopies"))) {
    try {
      data.renderCopies = renderCopiesFromJson(root.value(QStringLiteral("renderCopies")), entries);
    } catch (const std::runtime_error& e) {
      qWarning("The render copies of %s are left out: %s", qUtf8Printable(shown), e.what());
    }
  }
  return data;
}

render::KeyframeStack keyframeStackOf(const ProjectSettings& settings, const std::vector<Keyframe>& keyframes) {
  render::KeyframeStack stack;
  stack.width = settings.outpaint.width;
  stack.height = settings.outpaint.height;
  stack.outpaint = settings.outpaint.outpaint;
  stack.centresPasted = settings.outpaint.pasteBack && settings.outpaint.maskOverlap == 0;
  for (const Keyframe& k : keyframes) {
    if (k.image.isNull() || k.image.size() != QSize(stack.width, stack.height)) break;
    stack.keyframes.push_back(k.image);
  }
  return stack;
}

std::vector<KeyframePrompts> keyframePromptsOf(const ProjectSettings& settings, const std::vector<Keyframe>& keyframes) {
  std::vector<KeyframePrompts> prompts;
  prompts.reserve(keyframes.size());
  for (const Keyframe& k : keyframes)
    prompts.push_back({effectivePrompt(k, settings), effectiveNegativePrompt(k, settings)});
  return prompts;
}

std::optional<RenderCopies> currentRenderCopies(const ProjectData& data) {
  if (!data.renderCopies) return std::nullopt;
  const render::KeyframeStack stack = keyframeStackOf(data.settings, data.keyframes);
  if (stack.keyframes.empty() || data.renderCopies->source != render::fingerprint(stack)) return std::nullopt;
  return data.renderCopies;
}

void encodeRenderCopies(RenderCopies& copies) {
  copies.png.clear();
  for (const QImage& image : copies.images) copies.png.push_back(encodePng(image));
}

ProjectKeyframes loadProjectKeyframes(const QString& path) {
  const ProjectData data = loadProjectFile(path);
  render::KeyframeStack stack = keyframeStackOf(data.settings, data.keyframes);
  if (stack.keyframes.empty())
    throw std::runtime_error("The project " + str(QDir::toNativeSeparators(path)) +
                             " has no painted keyframes yet: generate some first");
  return ProjectKeyframes{std::move(stack.keyframes), stack.width, stack.height, stack.outpaint, stack.centresPasted,
                          currentRenderCopies(data)};
}

}  // namespace droste::zoom
