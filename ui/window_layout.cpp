#include "ui/window_layout.h"

#include "ui/app_preferences.h"
#include "ui/job_status_bar.h"
#include "ui/model_banner.h"
#include "ui/preview_widget.h"
#include "ui/prompt_panel.h"
#include "ui/timeline_widget.h"
#include "ui/wheel_guard.h"

#include <QGuiApplication>
#include <QMainWindow>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace droste::ui {

WindowLayout::WindowLayout(QMainWindow* window)
    : panel(new PromptPanel), preview(new PreviewWidget), banner(new ModelBanner), timeline(new TimelineWidget),
      status(new JobStatusBar), window_(window), mainSplitter_(new QSplitter(Qt::Vertical)),
      topSplitter_(new QSplitter(Qt::Horizontal)) {
  auto* panelScroll = new QScrollArea;
  panelScroll->setWidget(panel);
  panelScroll->setWidgetResizable(true);
  panelScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  panelScroll->setMinimumWidth(panel->sizeHint().width() + 24);
  panelScroll->setFrameShape(QFrame::NoFrame);
  scrollPastUnfocusedControls(panel);

  auto* center = new QWidget;
  auto* centerColumn = new QVBoxLayout(center);
  centerColumn->setContentsMargins(0, 4, 0, 0);
  centerColumn->addWidget(banner);
  centerColumn->addWidget(preview, 1);

  topSplitter_->setObjectName(QStringLiteral("topSplitter"));
  topSplitter_->addWidget(panelScroll);
  topSplitter_->addWidget(center);
  topSplitter_->setStretchFactor(1, 1);
  topSplitter_->setCollapsible(1, false);

  mainSplitter_->setObjectName(QStringLiteral("mainSplitter"));
  mainSplitter_->addWidget(topSplitter_);
  mainSplitter_->addWidget(timeline);
  mainSplitter_->setStretchFactor(0, 1);
  mainSplitter_->setCollapsible(0, false);
  window->setCentralWidget(mainSplitter_);

  window->statusBar()->addPermanentWidget(status, 1);
  QObject::connect(window->statusBar(), &QStatusBar::messageChanged, status, &JobStatusBar::showMessage);
  window->statusBar()->setSizeGripEnabled(true);
}

void WindowLayout::restore() {
  const QByteArray geometry = prefs::windowGeometry();
  if (geometry.isEmpty() || !window_->restoreGeometry(geometry)) {
    // First start: a roomy window, but never larger than the screen's free area (1280x800 laptops).
    QSize size(1360, 860);
    if (const QScreen* screen = QGuiApplication::primaryScreen()) size = size.boundedTo(screen->availableGeometry().size());
    window_->resize(size);
  }
  window_->restoreState(prefs::windowState());
  if (!mainSplitter_->restoreState(prefs::mainSplitterState())) mainSplitter_->setSizes({640, 180});
  if (!topSplitter_->restoreState(prefs::topSplitterState())) topSplitter_->setSizes({380, 980});
}

void WindowLayout::save() const {
  prefs::windowGeometry().set(window_->saveGeometry());
  prefs::windowState().set(window_->saveState());
  prefs::mainSplitterState().set(mainSplitter_->saveState());
  prefs::topSplitterState().set(topSplitter_->saveState());
}

}  // namespace droste::ui
