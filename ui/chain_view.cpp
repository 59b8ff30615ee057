#include "ui/chain_view.h"

#include "core/render/zoom_renderer.h"
#include "core/session/session.h"
#include "core/zoom/project.h"
#include "ui/preview_widget.h"
#include "ui/timeline_widget.h"

#include <QLocale>

#include <algorithm>

namespace droste::ui {

namespace {
KeyframeBadge badgeFor(zoom::KeyframeState s) {
  switch (s) {
    case zoom::KeyframeState::Fresh: return KeyframeBadge::Fresh;
    case zoom::KeyframeState::Stale: return KeyframeBadge::Stale;
    case zoom::KeyframeState::Generating: return KeyframeBadge::Generating;
    case zoom::KeyframeState::Failed: return KeyframeBadge::Failed;
  }
  return KeyframeBadge::Stale;
}
}  // namespace

ChainView::ChainView(session::Session* session, TimelineWidget* timeline, PreviewWidget* preview, QObject* parent)
    : QObject(parent), session_(session), timeline_(timeline), preview_(preview) {
  zoom::Project* p = session_->project();
  connect(p, &zoom::Project::keyframeInserted, this, &ChainView::refresh);
  connect(p, &zoom::Project::keyframeRemoved, this, &ChainView::refresh);
  connect(p, &zoom::Project::keyframesReset, this, &ChainView::refresh);
  connect(p, &zoom::Project::keyframeChanged, this, &ChainView::refreshEntry);
  connect(timeline_, &TimelineWidget::selectionChanged, this, &ChainView::showKeyframe);
  connect(timeline_, &TimelineWidget::scrubbed, this, &ChainView::showScrub);

  engine::Engine* e = session_->engine();
  connect(e, &engine::Engine::progress, this, &ChainView::onProgress);
  connect(e, &engine::Engine::preview, this, [this](const QImage& image) {
    preview_->setLive(image, liveStep_, liveTotal_);
  });
  connect(e, &engine::Engine::paintInputs, this, [this](const QImage& padded, const QImage& mask) {
    preview_->setInput(padded, mask);
    // Until the first denoising step arrives, the live view shows what is being painted around.
    preview_->setLive(padded, liveStep_, liveTotal_);
  });
  connect(e, &engine::Engine::keyframeFinished, this, [this](int index) {
    preview_->clearLive();
    if (timeline_->selectedIndex() == index) showKeyframe(index);
    else timeline_->setSelectedIndex(index);
  });
  connect(session_, &session::Session::jobFinished, this, [this] {
    liveKeyframe_ = -1;
    preview_->clearLive();
    showKeyframe(timeline_->selectedIndex());
  });
}

void ChainView::onProgress(const engine::Progress& p) {
  liveStep_ = p.step;
  liveTotal_ = p.total;
  if (p.keyframe >= 0 && p.keyframe != liveKeyframe_) {
    liveKeyframe_ = p.keyframe;
    timeline_->setSelectedIndex(p.keyframe);  // follow the keyframe being painted
  }
}

// What the timeline shows of keyframe `index`; an imported picture has no seed, so none is named.
TimelineEntry ChainView::entry(int index) const {
  const zoom::Project& project = *session_->project();
  const zoom::Keyframe& k = project.keyframe(index);
  TimelineEntry e{k.image, badgeFor(k.state), {}};
  e.tooltip = k.imported ? tr("Imported picture") : tr("Seed %1\n%2").arg(k.seed).arg(project.effectivePrompt(index));
  if (!k.error.isEmpty()) e.tooltip += QStringLiteral("\n") + k.error;
  return e;
}

void ChainView::refresh() {
  QList<TimelineEntry> entries;
  for (int i = 0; i < session_->project()->keyframeCount(); ++i) entries.append(entry(i));
  const int before = timeline_->count();
  timeline_->setEntries(entries);
  if (timeline_->count() > before && timeline_->selectedIndex() < 0 && timeline_->count() > 0)
    timeline_->setSelectedIndex(0);
  showKeyframe(timeline_->selectedIndex());
}

void ChainView::refreshEntry(int index) {
  if (index < 0 || index >= session_->project()->keyframeCount() || index >= timeline_->count()) return refresh();
  timeline_->setEntry(index, entry(index));
  if (index == timeline_->selectedIndex()) showKeyframe(index);
}

void ChainView::showKeyframe(int index) {
  const zoom::Project& project = *session_->project();
  if (index < 0 || index >= project.keyframeCount()) {
    preview_->setImage({});
    preview_->setInput({}, {});
    Q_EMIT keyframeShown(-1, std::nullopt);
    return;
  }
  const zoom::Keyframe& k = project.keyframe(index);
  const QString origin = k.imported ? tr("imported picture") : tr("seed %1").arg(k.seed);
  QString caption = tr("Keyframe %1 of %2 · %3 · %4")
                        .arg(index + 1).arg(project.keyframeCount()).arg(origin, TimelineWidget::badgeName(badgeFor(k.state)));
  if (k.state == zoom::KeyframeState::Failed && !k.error.isEmpty()) caption += QStringLiteral(" — ") + k.error;
  preview_->setImage(k.image, caption);
  const auto inputs = session_->paintInputs(index);
  preview_->setInput(inputs ? inputs->padded : QImage(), inputs ? inputs->mask : QImage());
  Q_EMIT keyframeShown(index, k.imported ? std::nullopt : std::optional<quint64>(k.seed));
}

// The zoom at any position, rendered on the GUI thread (a frame of preview size takes milliseconds)
// from the session's renderer, which is rebuilt only when the chain changed.
void ChainView::showScrub(double position) {
  std::shared_ptr<const render::ZoomRenderer> renderer;
  try {
    renderer = session_->renderer();
  } catch (const std::exception& e) {
    Q_EMIT problem(QString::fromUtf8(e.what()));
  }
  if (!renderer) return;
  // The keyframes' shape, as large as the preview shows it and no larger than a keyframe.
  const QSize frame = renderer->keyframeSize().scaled(preview_->size().boundedTo(renderer->keyframeSize()),
                                                      Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
  const double z = std::min(position, renderer->maxZoom());
  preview_->setImage(renderer->frame(z, frame),
                     tr("Zoom position %1 of %2").arg(QLocale().toString(z + 1, 'f', 2)).arg(renderer->keyframeCount()));
  preview_->setInput({}, {});
}

}  // namespace droste::ui
