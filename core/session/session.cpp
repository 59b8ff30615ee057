// The session's edits, files and views; its jobs are in session_jobs.cpp.
#include "core/session/session.h"

#include "core/render/zoom_renderer.h"
#include "core/session/chain_geometry.h"
#include "core/session/project_commands.h"
#include "core/zoom/autosave.h"
#include "core/zoom/keyframe_shapes.h"
#include "core/zoom/project.h"
#include "core/zoom/project_file.h"

#include <QFile>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace droste::session {

namespace {

// The same shape at the available size whose long side is nearest `side`, with the ring scaled alike
// (then the nearest ring that zooms both axes evenly).
zoom::OutpaintOptions outpaintAtLongSide(const zoom::OutpaintOptions& from, int side) {
  const std::optional<zoom::KeyframeShape> shape = zoom::shapeOf(QSize(from.width, from.height));
  if (!shape) return from;
  const std::vector<QSize> sizes = zoom::keyframeSizes(*shape);
  if (sizes.empty()) return from;
  const auto distance = [side](QSize s) { return std::abs(std::max(s.width(), s.height()) - side); };
  const QSize size = *std::min_element(sizes.begin(), sizes.end(), [&](QSize a, QSize b) { return distance(a) < distance(b); });
  zoom::OutpaintOptions to = from;
  to.width = size.width();
  to.height = size.height();
  const double scale = double(to.longSide()) / double(from.longSide());
  to.outpaint = zoom::nearestExactRing(to, std::max(8, int(std::lround(from.outpaint * scale / 8.0)) * 8));
  to.maskOverlap = std::min(to.maskOverlap, to.outpaint / 2);
  try {
    to.validate();
  } catch (const std::exception&) {
    return from;  // no even ring at that size: keep what works
  }
  return to;
}
constexpr int kAutosaveIntervalMs = 60'000;
}

Session::Session(engine::Engine* engine, QObject* parent)
    : QObject(parent), engine_(engine), project_(new zoom::Project(this)), undo_(new QUndoStack(this)),
      autosaver_(new zoom::Autosaver(project_, kAutosaveIntervalMs, this)) {
  connect(autosaver_, &zoom::Autosaver::autosaveFailed, this, &Session::autosaveFailed);
  // Any change of the chain or its geometry makes the cached renderer stale.
  const auto chainChanged = [this] { renderer_.reset(); };
  connect(project_, &zoom::Project::keyframeInserted, this, chainChanged);
  connect(project_, &zoom::Project::keyframeRemoved, this, chainChanged);
  connect(project_, &zoom::Project::keyframeChanged, this, chainChanged);
  connect(project_, &zoom::Project::keyframesReset, this, chainChanged);
  connect(project_, &zoom::Project::settingsChanged, this, chainChanged);
  // What each keyframe was painted from: the engine says it before painting, and which keyframe it was after.
  connect(engine_, &engine::Engine::paintInputs, this, [this](const QImage& padded, const QImage& mask) {
    pendingInputs_ = {padded, mask};
  });
  connect(engine_, &engine::Engine::keyframeFinished, this, [this](int index) {
    if (!pendingInputs_.padded.isNull()) inputs_[index] = pendingInputs_;
    pendingInputs_ = {};
  });
}

Session::~Session() = default;

SettingsEffect Session::editSettings(const zoom::ProjectSettings& after, const QString& field,
                                     const QString& undoText) {
  SettingsEffect effect;
  const zoom::ProjectSettings before = project_->settings();
  if (after == before) return effect;
  const std::vector<zoom::Keyframe> chainBefore = project_->keyframes();
  std::vector<zoom::Keyframe> chainAfter;
  try {
    after.outpaint.validate();  // before anything is pushed: a refused edit leaves no undo step
    chainAfter = chainForGeometry(chainBefore, before.outpaint, after.outpaint);
  } catch (const std::exception& e) {  // a geometry no keyframe can have, or refitting an imported picture failed
    effect.error = QString::fromUtf8(e.what());
    return effect;
  }
  const bool geometry =
      before.outpaint.keyframeSize() != after.outpaint.keyframeSize() || before.outpaint.outpaint != after.outpaint.outpaint;
  if (geometry)  // even when no keyframe changes now: it merges with the step before (a slider drag)
    undo_->push(new ChainGeometryCommand(project_, before, after, chainBefore, chainAfter, field, undoText));
  else
    undo_->push(new SettingsCommand(project_, before, after, field, undoText));
  effect.applied = true;
  const bool painted = std::any_of(chainBefore.begin(), chainBefore.end(), [](const zoom::Keyframe& k) {
    return !k.image.isNull() && !k.imported;
  });
  if (!painted) return effect;
  effect.newlyStale = std::max(0, countStale(chainAfter) - countStale(chainBefore));
  effect.affectsOnlyNewKeyframes = effect.newlyStale == 0 && (before.outpaint.method != after.outpaint.method ||
                                                              before.outpaint.padding != after.outpaint.padding);
  return effect;
}

bool Session::setModel(const QString& location, int nativeSide) {
  zoom::ProjectSettings s = project_->settings();
  const zoom::ProjectSettings before = s;
  s.painter = zoom::PainterKind::StableDiffusion;
  s.model = location;
  const bool resize = nativeSide > 0 && project_->keyframeCount() == 0 && s.outpaint.longSide() != nativeSide;
  if (resize) s.outpaint = outpaintAtLongSide(s.outpaint, nativeSide);
  if (!(s == before)) undo_->push(new SettingsCommand(project_, before, s, QStringLiteral("model"), tr("Change model")));
  return resize && !(s.outpaint == before.outpaint);
}

void Session::editChain(const QString& undoText, const std::function<void()>& edit) {
  const std::vector<zoom::Keyframe> before = project_->keyframes();
  try {
    edit();
  } catch (...) {
    restoreKeyframes(*project_, before);
    throw;
  }
  const std::vector<zoom::Keyframe> after = project_->keyframes();
  if (!(after == before)) undo_->push(new ChainCommand(project_, before, after, undoText));
}

void Session::setKeyframePrompt(int index, const QString& text) {
  if (painting_ || index < 0 || index >= project_->keyframeCount()) return;
  editChain(tr("Edit prompt of keyframe %1").arg(index + 1), [this, index, &text] {
    const zoom::Keyframe& k = project_->keyframe(index);
    const std::optional<QString> own = text == project_->settings().prompt ? std::nullopt : std::optional<QString>(text);
    if (own != k.prompt) project_->setKeyframePrompt(index, own, k.negativePrompt);
  });
}

void Session::insertKeyframeAfter(int index) {
  if (painting_ || index < -1 || index >= project_->keyframeCount()) return;
  editChain(tr("Insert keyframe"), [this, index] { project_->insertKeyframeAfter(index); });
}

void Session::deleteKeyframe(int index) {
  if (painting_ || index < 0 || index >= project_->keyframeCount()) return;
  editChain(tr("Delete keyframe %1").arg(index + 1), [this, index] { project_->deleteKeyframe(index); });
}

void Session::importFirstKeyframe(const QImage& image) {
  editChain(tr("Import start image"), [this, &image] {
    project_->importFirstKeyframe(image, zoom::ImportFit::CenterCrop);
  });
  inputs_.erase(0);  // keyframe 1 is now the picture itself
}

void Session::openProject(const QString& path) {
  project_->load(path);
  undo_->clear();
  forgetPaintInputs();
}

void Session::saveProject(const QString& path) {
  project_->save(path);
  undo_->setClean();
}

std::optional<RecoverableWork> Session::findRecoverableWork(const QStringList& recentProjects) {
  if (!recentProjects.isEmpty()) {
    if (const auto found = zoom::Autosaver::recoverableAutosave(recentProjects.first()))
      return RecoverableWork{*found, recentProjects.first()};
  }
  const QStringList orphans = zoom::Autosaver::orphanedUntitledAutosaves();
  if (orphans.isEmpty()) return std::nullopt;
  return RecoverableWork{orphans.first(), QString()};
}

void Session::recover(const RecoverableWork& work) {
  zoom::Autosaver::recover(*project_, work.autosave, work.original);
  undo_->clear();
  forgetPaintInputs();
  QFile::remove(work.autosave);  // it lives on as unsaved changes (and in the next autosave)
}

void Session::newProject(int nativeSide) {
  const zoom::ProjectSettings keep = project_->settings();  // the artist's model and sampler carry over
  project_->clearKeyframes();
  project_->setRenderCopies(std::nullopt);  // the old project's large pictures go with it
  zoom::ProjectSettings fresh;
  fresh.painter = keep.painter;
  fresh.model = keep.model;
  fresh.scheduler = keep.scheduler;
  if (nativeSide > 0 && fresh.painter == zoom::PainterKind::StableDiffusion)
    fresh.outpaint = outpaintAtLongSide(fresh.outpaint, nativeSide);
  project_->setSettings(fresh);
  project_->setFilePath(QString());
  project_->setModified(false);
  undo_->clear();
  forgetPaintInputs();
}

void Session::discardAutosave() { autosaver_->discard(); }

void Session::forgetPaintInputs() {
  inputs_.clear();
  pendingInputs_ = {};
}

std::shared_ptr<const render::ZoomRenderer> Session::renderer() {
  if (renderer_) return renderer_;
  render::KeyframeStack stack = zoom::keyframeStackOf(project_->settings(), project_->keyframes());
  if (stack.keyframes.empty()) return nullptr;
  renderer_ = std::make_shared<const render::ZoomRenderer>(std::move(stack));  // throws on an inconsistent chain
  return renderer_;
}

std::shared_ptr<const render::ZoomRenderer> Session::exportRenderer(QSize outputSize) {
  const QSize keyframe = project_->settings().outpaint.keyframeSize();
  const std::optional<zoom::RenderCopies> copies = project_->currentRenderCopies();
  // Frames no larger than the keyframes (on the axis that fills the frame) need no copies.
  const bool larger = outputSize.width() > keyframe.width() || outputSize.height() > keyframe.height();
  if (!copies || !larger) return renderer();
  return std::make_shared<const render::ZoomRenderer>(
      zoom::renderCopyStack(zoom::keyframeStackOf(project_->settings(), project_->keyframes()), *copies));
}

bool Session::hasRenderCopiesFor(QSize outputSize, double detailStrength) const {
  const std::optional<zoom::RenderCopies> copies = project_->currentRenderCopies();
  if (!copies || std::abs(copies->detailStrength - detailStrength) > 1e-6) return false;
  try {
    const QSize needed = zoom::renderCopySize(zoom::keyframeStackOf(project_->settings(), project_->keyframes()), outputSize);
    return copies->size().width() >= needed.width() && copies->size().height() >= needed.height();
  } catch (const std::invalid_argument&) {
    return false;  // a size no copies can have: the job that would make them says why
  }
}

std::optional<PaintInputs> Session::paintInputs(int index) const {
  const auto found = inputs_.find(index);
  if (found == inputs_.end()) return std::nullopt;
  return found->second;
}

}  // namespace droste::session
