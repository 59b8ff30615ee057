#include "ui/timeline_widget.h"

#include "ui/background_scaler.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace droste::ui {

namespace {
constexpr int kThumb = 96;
constexpr int kScrubTicksPerKeyframe = 100;
constexpr int kBadgeRole = Qt::UserRole + 1;
constexpr int kImageRole = Qt::UserRole + 2;
constexpr int kSourceKeyRole = Qt::UserRole + 3;  // cacheKey of the picture the thumbnail was made from

QColor badgeColor(KeyframeBadge b) {
  switch (b) {
    case KeyframeBadge::Fresh: return QColor(46, 160, 67);
    case KeyframeBadge::Stale: return QColor(210, 150, 20);
    case KeyframeBadge::Generating: return QColor(40, 120, 230);
    case KeyframeBadge::Failed: return QColor(205, 45, 45);
    case KeyframeBadge::Queued: return QColor(120, 120, 120);
  }
  return Qt::gray;
}

// Paints thumbnail, number and state badge; the selected one gets a thick frame.
class KeyframeDelegate : public QStyledItemDelegate {
 public:
  using QStyledItemDelegate::QStyledItemDelegate;
  QSize sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const override {
    return {kThumb + 12, kThumb + 12};
  }
  void paint(QPainter* p, const QStyleOptionViewItem& opt, const QModelIndex& index) const override {
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QRect cell = opt.rect.adjusted(4, 4, -4, -4);
    const auto badge = static_cast<KeyframeBadge>(index.data(kBadgeRole).toInt());
    const QImage image = index.data(kImageRole).value<QImage>();
    p->fillRect(cell, QColor(60, 60, 66));
    if (!image.isNull()) {
      const QSize s = image.size().scaled(cell.size(), Qt::KeepAspectRatio);
      const QRect target(cell.center() - QPoint(s.width() / 2, s.height() / 2), s);
      p->drawImage(target, image);
    }
    if (badge == KeyframeBadge::Stale || badge == KeyframeBadge::Queued) p->fillRect(cell, QColor(0, 0, 0, 90));
    const bool selected = opt.state & QStyle::State_Selected;
    p->setPen(QPen(selected ? opt.palette.highlight().color() : QColor(20, 20, 20), selected ? 4 : 1));
    p->drawRect(cell);

    QFont f = opt.font;
    f.setBold(true);
    p->setFont(f);
    const QString number = QString::number(index.row() + 1);
    const QRect numberBox(cell.left() + 4, cell.top() + 4, p->fontMetrics().horizontalAdvance(number) + 10,
                          p->fontMetrics().height() + 2);
    p->fillRect(numberBox, QColor(0, 0, 0, 160));
    p->setPen(Qt::white);
    p->drawText(numberBox, Qt::AlignCenter, number);

    f.setBold(false);
    f.setPointSizeF(f.pointSizeF() * 0.85);
    p->setFont(f);
    const QString name = TimelineWidget::badgeName(badge);
    const int w = p->fontMetrics().horizontalAdvance(name) + 10, h = p->fontMetrics().height() + 2;
    const QRect badgeBox(cell.right() - w - 3, cell.bottom() - h - 3, w, h);
    QPainterPath path;
    path.addRoundedRect(badgeBox, 4, 4);
    p->fillPath(path, badgeColor(badge));
    p->drawText(badgeBox, Qt::AlignCenter, name);
    p->restore();
  }
};
}  // namespace

TimelineWidget::TimelineWidget(QWidget* parent)
    : QWidget(parent), list_(new QListWidget(this)), scrub_(new QSlider(Qt::Horizontal, this)),
      scrubLabel_(new QLabel(this)), thumbnailer_(new BackgroundScaler(this)) {
  setObjectName(QStringLiteral("Timeline"));
  connect(thumbnailer_, &BackgroundScaler::scaled, this, [this](int row, qint64 sourceKey, const QImage& thumbnail) {
    QListWidgetItem* item = list_->item(row);
    if (item && item->data(kSourceKeyRole).toLongLong() == sourceKey) item->setData(kImageRole, thumbnail);
  });
  list_->setObjectName(QStringLiteral("keyframeList"));
  list_->setViewMode(QListView::IconMode);
  list_->setFlow(QListView::LeftToRight);
  list_->setWrapping(false);
  list_->setMovement(QListView::Static);
  list_->setSelectionMode(QAbstractItemView::SingleSelection);
  list_->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
  list_->setItemDelegate(new KeyframeDelegate(list_));
  list_->setFixedHeight(kThumb + 12 + list_->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 8);
  list_->setContextMenuPolicy(Qt::CustomContextMenu);

  scrub_->setObjectName(QStringLiteral("scrubBar"));

  auto* scrubRow = new QHBoxLayout;
  auto* scrubTitle = new QLabel(this);
  scrubRow->addWidget(scrubTitle);
  scrubRow->addWidget(scrub_, 1);
  scrubRow->addWidget(scrubLabel_);
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(4, 2, 4, 4);
  column->addWidget(list_);
  column->addLayout(scrubRow);
  updateScrubRange();
  // Entry tooltips and badges come from the window (setEntry) and are set again by it.
  texts_.add([this, scrubTitle] {
    list_->setToolTip(tr("Keyframes from the innermost (1) outwards. Right-click one for more."));
    scrub_->setToolTip(tr("Drag to see the zoom at any point between keyframes."));
    scrubLabel_->setMinimumWidth(fontMetrics().horizontalAdvance(tr("Zoom position %1").arg(QStringLiteral("00.00"))));
    showScrubPosition();
    scrubTitle->setText(tr("Scrub:"));
  });

  connect(list_, &QListWidget::currentRowChanged, this, &TimelineWidget::selectionChanged);
  connect(list_, &QListWidget::customContextMenuRequested, this, &TimelineWidget::showContextMenu);
  connect(scrub_, &QSlider::valueChanged, this, [this] {
    showScrubPosition();
    // The keyframe nearest the position is the selected one (what Regenerate Selected repaints), without
    // selectionChanged: the preview keeps the scrubbed frame instead of jumping to that keyframe.
    if (count() > 0) {
      const QSignalBlocker quiet(list_);
      list_->setCurrentRow(std::clamp(int(std::lround(scrubPosition())), 0, count() - 1));
      list_->scrollToItem(list_->currentItem());
    }
    Q_EMIT scrubbed(scrubPosition());
  });
}

QString TimelineWidget::badgeName(KeyframeBadge badge) {
  switch (badge) {
    case KeyframeBadge::Fresh: return tr("fresh");
    case KeyframeBadge::Stale: return tr("stale");
    case KeyframeBadge::Generating: return tr("painting");
    case KeyframeBadge::Failed: return tr("failed");
    case KeyframeBadge::Queued: return tr("queued");
  }
  return {};
}

void TimelineWidget::setEntries(const QList<TimelineEntry>& entries) {
  const int selected = selectedIndex();
  {
    const QSignalBlocker block(list_);
    while (list_->count() > entries.size()) {
      thumbnailer_->drop(list_->count() - 1);
      delete list_->takeItem(list_->count() - 1);
    }
    while (list_->count() < entries.size()) list_->addItem(new QListWidgetItem);
    for (int i = 0; i < entries.size(); ++i) setEntry(i, entries[i]);
    list_->setCurrentRow(std::min(selected, int(entries.size()) - 1));
  }
  updateScrubRange();
  if (selectedIndex() != selected) Q_EMIT selectionChanged(selectedIndex());
}

void TimelineWidget::setEntry(int index, const TimelineEntry& e) {
  QListWidgetItem* item = list_->item(index);
  if (!item) return;
  // Thumbnails are kept small so the strip stays cheap with hundreds of keyframes, and are only
  // made again when the picture changed. Smooth scaling of a big keyframe costs milliseconds, so it
  // runs on a pool thread; a nearest-neighbour stand-in (microseconds) shows until it is done.
  const qint64 key = e.thumbnail.isNull() ? 0 : e.thumbnail.cacheKey();
  if (item->data(kSourceKeyRole).toLongLong() != key || !item->data(kSourceKeyRole).isValid()) {
    const QSize size = e.thumbnail.size().scaled(kThumb, kThumb, Qt::KeepAspectRatio);
    item->setData(kImageRole, e.thumbnail.isNull() ? QImage()
                                                   : e.thumbnail.scaled(size, Qt::IgnoreAspectRatio,
                                                                        Qt::FastTransformation));
    item->setData(kSourceKeyRole, key);
    if (e.thumbnail.isNull() || e.thumbnail.size() == size) thumbnailer_->drop(index);
    else thumbnailer_->request(index, e.thumbnail, size);
  }
  item->setData(kBadgeRole, static_cast<int>(e.badge));
  item->setData(Qt::AccessibleTextRole, tr("Keyframe %1, %2").arg(index + 1).arg(badgeName(e.badge)));
  item->setToolTip(tr("Keyframe %1 (%2)").arg(index + 1).arg(badgeName(e.badge)) +
                   (e.tooltip.isEmpty() ? QString() : QStringLiteral("\n") + e.tooltip));
}

int TimelineWidget::count() const { return list_->count(); }
bool TimelineWidget::thumbnailsPending() const { return !thumbnailer_->isIdle(); }

TimelineEntry TimelineWidget::entry(int index) const {
  const QListWidgetItem* item = list_->item(index);
  if (!item) return {};
  return {item->data(kImageRole).value<QImage>(), static_cast<KeyframeBadge>(item->data(kBadgeRole).toInt()),
          item->toolTip()};
}

int TimelineWidget::selectedIndex() const { return list_->currentRow(); }
void TimelineWidget::setSelectedIndex(int index) { list_->setCurrentRow(index); }

double TimelineWidget::scrubPosition() const { return double(scrub_->value()) / kScrubTicksPerKeyframe; }
void TimelineWidget::setScrubPosition(double position) {
  scrub_->setValue(static_cast<int>(position * kScrubTicksPerKeyframe + 0.5));
}

void TimelineWidget::updateScrubRange() {
  const QSignalBlocker block(scrub_);
  scrub_->setRange(0, std::max(0, count() - 1) * kScrubTicksPerKeyframe);
  scrub_->setPageStep(kScrubTicksPerKeyframe);
  scrub_->setEnabled(count() > 1);
  showScrubPosition();
}

void TimelineWidget::showScrubPosition() {
  scrubLabel_->setText(tr("Zoom position %1").arg(QLocale().toString(scrubPosition() + 1, 'f', 2)));
}

void TimelineWidget::showContextMenu(const QPoint& pos) {
  QListWidgetItem* item = list_->itemAt(pos);
  if (!item) return;
  const int index = list_->row(item);
  list_->setCurrentRow(index);
  QMenu menu(this);
  menu.addAction(tr("Regenerate with a new seed"), this, [this, index] { Q_EMIT regenerateWithNewSeed(index); });
  menu.addAction(tr("Regenerate with this seed (after editing the prompt)"), this,
                 [this, index] { Q_EMIT regenerateWithSameSeed(index); });
  menu.addAction(tr("Edit this keyframe's prompt…"), this, [this, index] { Q_EMIT editPrompt(index); });
  menu.addSeparator();
  menu.addAction(tr("Insert a keyframe after this one"), this, [this, index] { Q_EMIT insertAfter(index); });
  menu.addAction(tr("Replace with a picture…"), this, [this, index] { Q_EMIT replaceWithPicture(index); });
  menu.addAction(tr("Delete"), this, [this, index] { Q_EMIT removeKeyframe(index); });
  menu.addSeparator();
  menu.addAction(tr("Save as PNG…"), this, [this, index] { Q_EMIT saveKeyframe(index); });
  menu.exec(list_->viewport()->mapToGlobal(pos));
}

void TimelineWidget::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) texts_.retranslate();
  QWidget::changeEvent(event);
}

}  // namespace droste::ui
