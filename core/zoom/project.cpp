#include "core/zoom/project.h"

#include "core/imaging/pixel_formats.h"
#include "core/zoom/outpaint.h"
#include "core/zoom/project_file.h"

#include <QRandomGenerator>

#include <stdexcept>
#include <string>

namespace droste::zoom {

Project::Project(QObject* parent) : QObject(parent) {}
Project::~Project() = default;

std::uint64_t Project::randomSeed() {
  // 32-bit seeds, as artists know them from other tools (and they fit any spin box).
  return QRandomGenerator::system()->generate();
}

void Project::checkIndex(int index, const char* what) const {
  if (index < 0 || index >= keyframeCount())
    throw std::out_of_range(std::string(what) + ": there is no keyframe " + std::to_string(index) + " (the chain has " +
                            std::to_string(keyframeCount()) + ")");
}

void Project::touch() {
  renderCopiesCurrent_.reset();
  setModified(true);
}

void Project::setModified(bool modified) {
  if (modified_ == modified) return;
  modified_ = modified;
  Q_EMIT modifiedChanged(modified);
}

void Project::setFilePath(const QString& path) {
  if (filePath_ == path) return;
  filePath_ = path;
  Q_EMIT filePathChanged(path);
}

void Project::setSettings(const ProjectSettings& settings) {
  if (settings == settings_) return;
  settings.outpaint.validate();
  settings_ = settings;
  touch();
  Q_EMIT settingsChanged();
}

const Keyframe& Project::keyframe(int index) const {
  checkIndex(index, "keyframe");
  return keyframes_[size_t(index)];
}

QString Project::effectivePrompt(int index) const {
  return zoom::effectivePrompt(keyframe(index), settings_);
}

QString Project::effectiveNegativePrompt(int index) const {
  return zoom::effectiveNegativePrompt(keyframe(index), settings_);
}

void Project::insertKeyframe(int index, const Keyframe& keyframe) {
  if (index < 0 || index > keyframeCount())
    throw std::out_of_range("insertKeyframe: position " + std::to_string(index) + " is outside the chain");
  keyframes_.insert(keyframes_.begin() + index, keyframe);
  if (!keyframes_[size_t(index)].image.isNull()) keyframes_[size_t(index)].image = imaging::toRgb888(keyframe.image);
  touch();
  Q_EMIT keyframeInserted(index);
}

Keyframe Project::takeKeyframe(int index) {
  checkIndex(index, "takeKeyframe");
  Keyframe k = std::move(keyframes_[size_t(index)]);
  keyframes_.erase(keyframes_.begin() + index);
  touch();
  Q_EMIT keyframeRemoved(index);
  return k;
}

void Project::replaceKeyframe(int index, const Keyframe& keyframe) {
  checkIndex(index, "replaceKeyframe");
  if (keyframes_[size_t(index)] == keyframe) return;
  keyframes_[size_t(index)] = keyframe;
  if (!keyframe.image.isNull()) keyframes_[size_t(index)].image = imaging::toRgb888(keyframe.image);
  touch();
  Q_EMIT keyframeChanged(index);
}

void Project::setKeyframeImage(int index, const QImage& image, KeyframeState state) {
  checkIndex(index, "setKeyframeImage");
  const QSize size = settings_.outpaint.keyframeSize();
  if (!image.isNull() && image.size() != size)
    throw std::invalid_argument("A keyframe picture must be " + std::to_string(size.width()) + "x" +
                                std::to_string(size.height()));
  Keyframe& k = keyframes_[size_t(index)];
  k.image = image.isNull() ? QImage() : imaging::toRgb888(image);
  k.state = state;
  k.error.clear();
  touch();
  Q_EMIT keyframeChanged(index);
}

void Project::setKeyframeState(int index, KeyframeState state, const QString& error) {
  checkIndex(index, "setKeyframeState");
  Keyframe& k = keyframes_[size_t(index)];
  if (k.state == state && k.error == error) return;
  k.state = state;
  k.error = error;
  touch();
  Q_EMIT keyframeChanged(index);
}

void Project::setKeyframePrompt(int index, const std::optional<QString>& prompt,
                                const std::optional<QString>& negativePrompt) {
  checkIndex(index, "setKeyframePrompt");
  Keyframe& k = keyframes_[size_t(index)];
  if (k.prompt == prompt && k.negativePrompt == negativePrompt) return;
  k.prompt = prompt;
  k.negativePrompt = negativePrompt;
  touch();
  Q_EMIT keyframeChanged(index);
  if (!k.imported) setKeyframeState(index, KeyframeState::Stale);
  markLaterStale(index);
}

void Project::setKeyframeSeed(int index, std::uint64_t seed) {
  checkIndex(index, "setKeyframeSeed");
  Keyframe& k = keyframes_[size_t(index)];
  if (k.seed == seed) return;
  k.seed = seed;
  touch();
  Q_EMIT keyframeChanged(index);
  if (!k.imported) setKeyframeState(index, KeyframeState::Stale);
  markLaterStale(index);
}

void Project::markLaterStale(int index) {
  for (int i = std::max(0, index + 1); i < keyframeCount(); ++i)
    if (keyframes_[size_t(i)].state != KeyframeState::Stale) setKeyframeState(i, KeyframeState::Stale);
}

void Project::insertKeyframeAfter(int index) {
  checkIndex(index, "insertKeyframeAfter");
  Keyframe k;
  k.seed = randomSeed();
  k.state = KeyframeState::Stale;
  insertKeyframe(index + 1, k);
  markLaterStale(index + 1);
}

void Project::appendKeyframe() {
  Keyframe k;
  k.seed = randomSeed();
  k.state = KeyframeState::Stale;
  insertKeyframe(keyframeCount(), k);
}

void Project::deleteKeyframe(int index) {
  checkIndex(index, "deleteKeyframe");
  takeKeyframe(index);
  // The keyframe that followed was outpainted from the deleted one: its centre no longer matches.
  if (index > 0) markLaterStale(index - 1);
}

void Project::prepareRegenerate(int index, bool keepSeed) {
  checkIndex(index, "prepareRegenerate");
  Keyframe& k = keyframes_[size_t(index)];
  if (k.imported)
    throw std::invalid_argument("Keyframe " + std::to_string(index) +
                                " is a picture of yours: replace it with another picture to change it");
  if (!keepSeed) {
    k.seed = randomSeed();
    touch();
    Q_EMIT keyframeChanged(index);
  }
  setKeyframeState(index, KeyframeState::Stale);
  markLaterStale(index);
}

std::vector<int> Project::staleKeyframes() const {
  std::vector<int> out;
  for (int i = 0; i < keyframeCount(); ++i) {
    const KeyframeState s = keyframes_[size_t(i)].state;
    if (s == KeyframeState::Stale || s == KeyframeState::Failed) out.push_back(i);
  }
  return out;
}

void Project::importFirstKeyframe(const QImage& image, ImportFit fit) {
  Keyframe k;
  k.image = fitImportedImage(image, settings_.outpaint.keyframeSize(), fit);
  k.imported = true;
  k.state = KeyframeState::Fresh;
  if (keyframes_.empty()) insertKeyframe(0, k);
  else replaceKeyframe(0, k);
  markLaterStale(0);
}

void Project::clearKeyframes() {
  if (keyframes_.empty()) return;
  keyframes_.clear();
  touch();
  Q_EMIT keyframesReset();
}

void Project::save(const QString& path) {
  saveCopy(path);
  setFilePath(path);
  setModified(false);
}

void Project::saveCopy(const QString& path) const {
  // Copies of a chain that has changed since are not worth their megabytes: they are left out.
  saveProjectFile(path, ProjectData{settings_, keyframes_, currentRenderCopies()});
}

std::optional<RenderCopies> Project::currentRenderCopies() const {
  if (!renderCopies_) return std::nullopt;
  if (!renderCopiesCurrent_)
    renderCopiesCurrent_ = zoom::currentRenderCopies(ProjectData{settings_, keyframes_, renderCopies_}).has_value();
  return *renderCopiesCurrent_ ? renderCopies_ : std::nullopt;
}

void Project::setRenderCopies(std::optional<RenderCopies> copies) {
  renderCopies_ = std::move(copies);
  touch();
  Q_EMIT renderCopiesChanged();
}

void Project::load(const QString& path) {
  ProjectData data = loadProjectFile(path);  // throws before anything changes
  settings_ = data.settings;
  keyframes_ = std::move(data.keyframes);
  renderCopies_ = std::move(data.renderCopies);
  renderCopiesCurrent_.reset();
  setFilePath(path);
  modified_ = true;  // force the signal below
  setModified(false);
  Q_EMIT settingsChanged();
  Q_EMIT keyframesReset();
}

}  // namespace droste::zoom
