#include "ui/model_banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace droste::ui {

ModelBanner::ModelBanner(QWidget* parent) : QFrame(parent) {
  setObjectName(QStringLiteral("ModelBanner"));
  setFrameShape(QFrame::StyledPanel);
  setStyleSheet(QStringLiteral("#ModelBanner { background: #fff3cd; border: 1px solid #e0c060; border-radius: 4px; }"
                               "#ModelBanner QLabel { color: #5a4500; }"));
  auto* text = new QLabel(tr("<b>No Stable Diffusion model found.</b> Droste paints with the <i>draft painter</i> "
                             "(quick placeholder shapes, no model needed) until you choose an inpainting model."),
                          this);
  text->setWordWrap(true);
  auto* folder = new QPushButton(tr("Choose model folder…"), this);
  folder->setObjectName(QStringLiteral("bannerChooseFolder"));
  auto* file = new QPushButton(tr("Choose model file…"), this);
  auto* close = new QToolButton(this);
  close->setText(QStringLiteral("✕"));
  close->setToolTip(tr("Hide this message; the draft painter stays in use"));
  close->setAutoRaise(true);

  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(10, 6, 6, 6);
  row->addWidget(text, 1);
  row->addWidget(folder);
  row->addWidget(file);
  row->addWidget(close);
  connect(folder, &QPushButton::clicked, this, &ModelBanner::chooseFolder);
  connect(file, &QPushButton::clicked, this, &ModelBanner::chooseFile);
  connect(close, &QToolButton::clicked, this, [this] {
    hide();
    Q_EMIT dismissed();
  });
}

}  // namespace droste::ui
