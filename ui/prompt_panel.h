#pragma once
// The left-hand panel: what to paint (prompt, negative prompt), with which model and sampler,
// and how the zoom grows (keyframe shape and size, outpaint ring, method, padding, keyframes to add).
#include "ui/retranslator.h"

#include <QSize>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <optional>

class QComboBox;
class QPlainTextEdit;
class QSpinBox;
class QToolButton;
class QLineEdit;
class QPushButton;

namespace droste::ui {

class SliderSpin;

// Everything the panel edits, as plain values (the main window maps it onto the project).
struct PanelValues {
  QString prompt;
  QString negativePrompt;
  QString model;          // the model's display name / location
  QString scheduler;      // empty = the model's own scheduler
  int steps = 25;
  double guidance = 7.5;
  quint64 seed = 0;
  bool seedLocked = false;
  QSize keyframeSize{512, 512};
  int outpaint = 128;     // pixels added on each long side per keyframe (the short sides in proportion)
  QString method;         // "direct" or "sequential"
  QString padding;        // how the ring is pre-filled before painting
  int keyframesToAdd = 3;
  bool operator==(const PanelValues&) const = default;
};

class PromptPanel : public QWidget {
  Q_OBJECT
 public:
  explicit PromptPanel(QWidget* parent = nullptr);

  PanelValues values() const;
  // Shows v without emitting edited() (used when the project or an undo changes them).
  void setValues(const PanelValues& v);

  // The model picker lists these (display text, data = location); the current one is kept.
  void setModels(const QList<QPair<QString, QString>>& models, const QString& current);
  void setSchedulers(const QStringList& ids);
  void setMethods(const QList<QPair<QString, QString>>& idAndLabel);
  void setPaddings(const QList<QPair<QString, QString>>& idAndLabel);

  // A fresh random seed unless the lock is on; returns the seed to use.
  quint64 seedForNewKeyframe();
  // Shows a selected keyframe's seed, so that it can be kept with the lock (not while the lock holds one).
  void showSeed(quint64 seed);
  // The seed the lock holds, or none when the lock is off.
  std::optional<quint64> lockedSeed() const;

  QPlainTextEdit* promptEdit() const { return prompt_; }

  // Keyframe size, ring, method and padding shape the chain being painted: locked while a job runs.
  void setChainGeometryEditable(bool editable);

 Q_SIGNALS:
  // The user changed something; `field` names it ("prompt", "steps", ...) for undo merging.
  void edited(const QString& field);
  void chooseModelRequested();

 protected:
  void changeEvent(QEvent* event) override;  // LanguageChange: every text again

 private:
  Retranslator texts_;
  QWidget* buildPromptGroup();
  QWidget* buildModelGroup();
  QWidget* buildZoomGroup();
  void wire();
  static void selectData(QComboBox* box, const QString& data);
  // The sizes of the shape chosen in shape_, `keep` selected (added when the list lacks it).
  void fillSizes(QSize keep);
  void retranslateShapesAndSizes();

  QPlainTextEdit* prompt_;
  QPlainTextEdit* negative_;
  QComboBox* model_;
  QToolButton* browseModel_;
  QComboBox* scheduler_;
  SliderSpin* steps_;
  SliderSpin* guidance_;
  QLineEdit* seed_;
  QToolButton* dice_;
  QToolButton* lock_;
  QComboBox* shape_;
  QComboBox* keyframeSize_;
  SliderSpin* outpaint_;
  QComboBox* method_;
  QComboBox* padding_;
  QSpinBox* keyframesToAdd_;
  bool updating_ = false;
};

}  // namespace droste::ui
