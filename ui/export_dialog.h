#pragma once
// Asks how to export the zoom: frame rate, pace, size and aspect, direction, easing, quality, file.
#include "core/video/export_job.h"

#include <QDialog>
#include <QString>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
class QLabel;

namespace droste::ui {

class SliderSpin;

enum class ExportFormat { Mp4, WebM, Frames };

struct ExportChoices {
  ExportFormat format = ExportFormat::Mp4;
  QString path;                   // a file, or a folder for Frames
  int fps = 30;
  double secondsPerKeyframe = 2.0;
  int width = 512, height = 512;
  QString aspect = QStringLiteral("keyframes");  // the keyframes' shape, or a ratio "16:9" that crops it
  bool zoomIn = false;            // true: from the outermost keyframe into the first one; false (as the CLI): out
  QString easing = QStringLiteral("linear");  // "linear" or "ease-in-out"
  int quality = 75;               // 0 (smallest file) .. 100 (best picture)
};

// What the exporter is asked for: the choices in its terms (quality becomes the codec's CRF).
video::ExportSettings exportSettingsFor(const ExportChoices& choices);

class ExportDialog : public QDialog {
  Q_OBJECT
 public:
  // keyframeSize: the chain's keyframes (their shape is the video's unless another aspect is chosen).
  ExportDialog(ExportFormat format, const QString& suggestedPath, int keyframeCount, QSize keyframeSize,
               QWidget* parent = nullptr);

  ExportChoices choices() const;
  void setChoices(const ExportChoices& choices);  // e.g. the remembered ones
  static ExportChoices remembered(ExportFormat format);
  static void remember(const ExportChoices& choices);
  // Where an export goes unless the artist picks another place: the folder of the last export (else the
  // project's folder, else the system's videos folder), named after the project (else "zoom").
  static QString suggestedPath(ExportFormat format, const QString& projectPath);

 private:
  void browse();
  void updateSummary();
  QSize outputSize() const;

  ExportFormat format_;
  int keyframeCount_;
  QSize keyframeSize_;
  QLineEdit* path_;
  QSpinBox* fps_;
  QDoubleSpinBox* secondsPerKeyframe_;
  QComboBox* height_;
  QComboBox* aspect_;
  QComboBox* direction_;
  QComboBox* easing_;
  SliderSpin* quality_;
  QLabel* summary_;
};

}  // namespace droste::ui
