// The main window's scrub view: the zoom at any position, rendered on the GUI thread (a frame of
// preview size takes milliseconds), from a renderer rebuilt only when the chain changed.
#include "core/render/zoom_renderer.h"
#include "core/zoom/project.h"
#include "ui/main_window.h"
#include "ui/preview_widget.h"
#include "ui/timeline_widget.h"

#include <QStatusBar>

#include <algorithm>

namespace droste::ui {

std::shared_ptr<const render::ZoomRenderer> MainWindow::zoomRenderer() {
  if (renderer_) return renderer_;
  render::KeyframeStack stack;
  stack.size = project_->settings().outpaint.size;
  stack.outpaint = project_->settings().outpaint.outpaint;
  for (const zoom::Keyframe& k : project_->keyframes()) {
    if (k.image.isNull() || k.image.width() != stack.size) break;  // the chain ends at the first unpainted one
    stack.keyframes.push_back(k.image);
  }
  if (stack.keyframes.empty()) return nullptr;
  try {
    renderer_ = std::make_shared<const render::ZoomRenderer>(std::move(stack));
  } catch (const std::exception& e) {
    statusBar()->showMessage(QString::fromUtf8(e.what()), 5000);
    return nullptr;
  }
  return renderer_;
}

void MainWindow::showScrub(double position) {
  const auto renderer = zoomRenderer();
  if (!renderer) return;
  const int side = std::min({preview_->width(), preview_->height(), renderer->keyframeSize()});
  const double z = std::min(position, renderer->maxZoom());
  preview_->setImage(renderer->frame(z, QSize(side, side)),
                     tr("Zoom position %1 of %2").arg(z + 1, 0, 'f', 2).arg(renderer->keyframeCount()));
  preview_->setInput({}, {});
}

}  // namespace droste::ui
