#include "ui/model_banner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace droste::ui {

ModelBanner::ModelBanner(QWidget* parent) : QFrame(parent) {
  setObjectName(QStringLiteral("ModelBanner"));
  setFrameShape(QFrame::StyledPanel);
  setStyleSheet(QStringLiteral("#ModelBanner { background: #fff3cd; border: 1px solid #e0c060; border-radius: 4px; }"
                               "#ModelBanner QLabel { color: #5a4500; }"));
  auto* text = text_ = new QLabel(this);
  text->setWordWrap(true);
  auto* folder = folder_ = new QPushButton(this);
  folder->setObjectName(QStringLiteral("bannerChooseFolder"));
  auto* file = file_ = new QPushButton(this);
  auto* download = download_ = new QPushButton(this);
  download->setObjectName(QStringLiteral("bannerDownloadModel"));
  auto* close = close_ = new QToolButton(this);
  close->setText(QStringLiteral("✕"));
  close->setAutoRaise(true);
  retranslateUi();

  // The message above, the three ways out below it: narrow enough for a small window in any language.
  auto* top = new QHBoxLayout;
  top->addWidget(text, 1);
  top->addWidget(close, 0, Qt::AlignTop);
  auto* actions = new QHBoxLayout;
  actions->addStretch(1);
  actions->addWidget(folder);
  actions->addWidget(file);
  actions->addWidget(download);
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(10, 6, 6, 6);
  column->addLayout(top);
  column->addLayout(actions);
  connect(folder, &QPushButton::clicked, this, &ModelBanner::chooseFolder);
  connect(file, &QPushButton::clicked, this, &ModelBanner::chooseFile);
  connect(download, &QPushButton::clicked, this, &ModelBanner::downloadModel);
  connect(close, &QToolButton::clicked, this, [this] {
    hide();
    Q_EMIT dismissed();
  });
}

void ModelBanner::retranslateUi() {
  text_->setText(tr("<b>No Stable Diffusion model found.</b> Droste paints with the <i>draft painter</i> "
                    "(quick placeholder shapes, no model needed) until you choose an inpainting model."));
  folder_->setText(tr("Choose model folder…"));
  file_->setText(tr("Choose model file…"));
  download_->setText(tr("Download a model…"));
  download_->setToolTip(tr("Download Stable Diffusion 2 inpainting (or another model) from the Hugging Face Hub"));
  close_->setToolTip(tr("Hide this message; the draft painter stays in use"));
}

void ModelBanner::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QFrame::changeEvent(event);
}

}  // namespace droste::ui
