#pragma once
// Asks how to export the zoom: frame rate, pace, size and aspect, direction, easing, quality, file.
#include "core/video/export_job.h"

#include <QDialog>
#include <QString>

class QCheckBox;
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
  bool loop = false;              // one period of a closed loop, its last frame leading into its first
  bool zoomIn = false;            // true: from the outermost keyframe into the first one; false (as the CLI): out
  QString easing = QStringLiteral("linear");  // "linear" or "ease-in-out"
  int quality = 75;               // 0 (smallest file) .. 100 (best picture)
  // Frames larger than the keyframes: the model first adds detail to enlarged copies (zoom::makeRenderCopies).
  bool addDetail = false;
  double detailStrength = 0.3;
};

// What the exporter is asked for: the choices in its terms (quality becomes the codec's CRF).
video::ExportSettings exportSettingsFor(const ExportChoices& choices);

// What the dialog needs to know of the chain it exports.
struct ExportChain {
  int keyframeCount = 0;
  QSize keyframeSize{512, 512};  // its shape is the video's unless another aspect is chosen
  bool closedLoop = false;       // the ends are one picture (Close the Loop): loop by default
};

class ExportDialog : public QDialog {
  Q_OBJECT
 public:
  ExportDialog(ExportFormat format, const QString& suggestedPath, const ExportChain& chain, QWidget* parent = nullptr);

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
  ExportChain chain_;
  QLineEdit* path_;
  QSpinBox* fps_;
  QDoubleSpinBox* secondsPerKeyframe_;
  QComboBox* height_;
  QComboBox* aspect_;
  QComboBox* direction_;
  QComboBox* easing_;
  QCheckBox* loop_;
  SliderSpin* quality_;
  QCheckBox* detail_;
  SliderSpin* detailStrength_;
  QLabel* summary_;
};

}  // namespace droste::ui
