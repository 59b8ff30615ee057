#pragma once
// The strip along the bottom: keyframe thumbnails in chain order (1 = the innermost picture,
// each next one zoomed out around it), each with its state badge; a context menu per keyframe;
// and a scrub bar that asks for the zoom at any position while it is dragged.
#include "ui/retranslator.h"

#include <QImage>
#include <QWidget>

class QListWidget;
class QListWidgetItem;
class QSlider;
class QLabel;

namespace droste::ui {

class BackgroundScaler;

enum class KeyframeBadge { Fresh, Stale, Generating, Failed, Queued };

struct TimelineEntry {
  QImage thumbnail;
  KeyframeBadge badge = KeyframeBadge::Fresh;
  QString tooltip;  // prompt, seed, error
};

class TimelineWidget : public QWidget {
  Q_OBJECT
 public:
  explicit TimelineWidget(QWidget* parent = nullptr);

  void setEntries(const QList<TimelineEntry>& entries);
  void setEntry(int index, const TimelineEntry& entry);
  int count() const;
  TimelineEntry entry(int index) const;

  int selectedIndex() const;  // -1 when none
  void setSelectedIndex(int index);

  // Scrub position in keyframe units: 0 = keyframe 1 filling the frame, count()-1 = the last one.
  double scrubPosition() const;
  void setScrubPosition(double position);

  static QString badgeName(KeyframeBadge badge);
  QListWidget* list() const { return list_; }
  bool thumbnailsPending() const;  // smooth thumbnails still being made on a pool thread

 Q_SIGNALS:
  void selectionChanged(int index);
  void scrubbed(double position);
  void regenerateWithNewSeed(int index);
  void regenerateWithSameSeed(int index);
  void editPrompt(int index);
  void insertAfter(int index);
  void removeKeyframe(int index);
  void saveKeyframe(int index);
  void replaceWithPicture(int index);

 protected:
  void changeEvent(QEvent* event) override;  // LanguageChange: every text again

 private:
  Retranslator texts_;
  void showContextMenu(const QPoint& pos);
  void updateScrubRange();
  void showScrubPosition();  // the label beside the scrub bar, in the reader's numbers

  QListWidget* list_;
  QSlider* scrub_;
  QLabel* scrubLabel_;
  BackgroundScaler* thumbnailer_;  // smooth thumbnails off the GUI thread
};

}  // namespace droste::ui
