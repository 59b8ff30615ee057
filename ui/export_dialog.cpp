#include "ui/export_dialog.h"

#include "ui/app_preferences.h"
#include "ui/slider_spin.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <cmath>

#include <numeric>

namespace droste::ui {

namespace {
// Quality 0..100 onto the codec's CRF: 75 is the exporter's "no visible loss" default, 100 about a
// third finer, 0 about twice as coarse.
int crfForQuality(int quality, video::VideoCodec codec) {
  const int def = video::defaultCrf(codec);
  const int maxCrf = codec == video::VideoCodec::H264 ? 51 : 63;
  return std::clamp(int(std::lround(def * (1.0 + (75 - quality) / 75.0))), 0, maxCrf);
}

}  // namespace

video::ExportSettings exportSettingsFor(const ExportChoices& c) {
  video::ExportSettings s;
  s.output = c.path;
  if (c.format == ExportFormat::Frames && !s.output.endsWith(QLatin1Char('/'))) s.output += QLatin1Char('/');
  s.size = QSize(c.width, c.height);
  s.timing.fps = c.fps;
  s.timing.secondsPerKeyframe = c.secondsPerKeyframe;
  s.timing.direction = c.zoomIn ? render::ZoomDirection::In : render::ZoomDirection::Out;
  s.timing.loop = c.loop;
  s.timing.ease = !c.loop && c.easing != QLatin1String("linear");  // a loop never stops
  if (c.format != ExportFormat::Frames)
    s.crf = crfForQuality(c.quality, c.format == ExportFormat::Mp4 ? video::VideoCodec::H264 : video::VideoCodec::VP9);
  return s;
}



namespace {
QString formatTitle(ExportFormat f) {
  switch (f) {
    case ExportFormat::Mp4: return ExportDialog::tr("Export MP4 video");
    case ExportFormat::WebM: return ExportDialog::tr("Export WebM video");
    case ExportFormat::Frames: return ExportDialog::tr("Export frames as PNG");
  }
  return {};
}
int even(double v) { return std::max(2, int(v / 2 + 0.5) * 2); }  // encoders want even sizes
}  // namespace

ExportDialog::ExportDialog(ExportFormat format, const QString& suggestedPath, const ExportChain& chain, QWidget* parent)
    : QDialog(parent), format_(format), chain_(chain) {
  const QSize keyframeSize = chain.keyframeSize;
  setObjectName(QStringLiteral("ExportDialog"));
  setWindowTitle(formatTitle(format));
  auto* form = new QFormLayout;

  path_ = new QLineEdit(suggestedPath, this);
  path_->setObjectName(QStringLiteral("exportPath"));
  auto* browse = new QPushButton(tr("Browse…"), this);
  auto* pathRow = new QHBoxLayout;
  pathRow->addWidget(path_, 1);
  pathRow->addWidget(browse);
  form->addRow(format == ExportFormat::Frames ? tr("&Folder") : tr("&File"), pathRow);
  qobject_cast<QLabel*>(form->labelForField(pathRow))->setBuddy(path_);

  fps_ = new QSpinBox(this);
  fps_->setObjectName(QStringLiteral("fps"));
  fps_->setRange(1, 120);
  fps_->setSuffix(tr(" fps"));
  fps_->setToolTip(tr("Frames per second of the video. 30 is smooth; 60 is smoother and twice the work."));
  form->addRow(tr("F&rame rate"), fps_);

  secondsPerKeyframe_ = new QDoubleSpinBox(this);
  secondsPerKeyframe_->setObjectName(QStringLiteral("secondsPerKeyframe"));
  secondsPerKeyframe_->setRange(0.1, 60);
  secondsPerKeyframe_->setSingleStep(0.5);
  secondsPerKeyframe_->setSuffix(tr(" s"));
  secondsPerKeyframe_->setToolTip(tr("How long the zoom takes to pass one keyframe: the speed of the zoom."));
  form->addRow(tr("&Seconds per keyframe"), secondsPerKeyframe_);

  height_ = new QComboBox(this);
  height_->setObjectName(QStringLiteral("height"));
  for (int h : {360, 512, 720, 1080, 1440, 2160}) height_->addItem(tr("%1p").arg(h), h);
  height_->setToolTip(tr("Height of the video in pixels; the width follows from the aspect ratio. Sizes above "
                         "the keyframe size are enlarged."));
  form->addRow(tr("Si&ze"), height_);

  aspect_ = new QComboBox(this);
  aspect_->setObjectName(QStringLiteral("aspect"));
  const int g = std::gcd(keyframeSize.width(), keyframeSize.height());
  aspect_->addItem(tr("As painted (%1:%2)").arg(keyframeSize.width() / std::max(1, g)).arg(keyframeSize.height() / std::max(1, g)),
                   QStringLiteral("keyframes"));
  aspect_->addItem(tr("Square 1:1"), QStringLiteral("1:1"));
  aspect_->addItem(tr("Landscape 16:9"), QStringLiteral("16:9"));
  aspect_->addItem(tr("Portrait 9:16 (phones)"), QStringLiteral("9:16"));
  aspect_->addItem(tr("Classic 4:3"), QStringLiteral("4:3"));
  aspect_->setToolTip(tr("The shape of the video. As painted shows the whole keyframes; another shape shows a "
                         "centred crop of them (paint wide or tall keyframes in the Zoom panel instead)."));
  form->addRow(tr("&Aspect"), aspect_);

  direction_ = new QComboBox(this);
  direction_->setObjectName(QStringLiteral("direction"));
  direction_->addItem(tr("Zoom in (into the first keyframe)"), true);
  direction_->addItem(tr("Zoom out (away from the first keyframe)"), false);
  form->addRow(tr("&Direction"), direction_);

  easing_ = new QComboBox(this);
  easing_->setObjectName(QStringLiteral("easing"));
  easing_->addItem(tr("Constant speed"), QStringLiteral("linear"));
  easing_->addItem(tr("Ease in and out"), QStringLiteral("ease-in-out"));
  easing_->setToolTip(tr("Constant speed keeps the zoom steady from the first to the last frame. Ease in and "
                         "out starts gently and comes to a gentle stop (one keyframe step each)."));
  form->addRow(tr("&Easing"), easing_);

  loop_ = new QCheckBox(tr("Seamless loop"), this);
  loop_->setObjectName(QStringLiteral("loop"));
  loop_->setToolTip(tr("Stops one frame before the end, which shows the first frame again, so the video plays "
                       "in an endless loop. For zooms whose loop was closed (Generate ▸ Close the Loop)."));
  form->addRow(QString(), loop_);

  quality_ = new SliderSpin(0, 100, 1, 0, this);
  quality_->setObjectName(QStringLiteral("quality"));
  quality_->setToolTip(tr("Picture quality against file size. 75 looks clean for sharing; 100 is near lossless."));
  form->addRow(tr("&Quality"), quality_);
  if (format == ExportFormat::Frames) form->setRowVisible(quality_, false);

  detail_ = new QCheckBox(tr("Add detail with the model"), this);
  detail_->setObjectName(QStringLiteral("addDetail"));
  detail_->setToolTip(tr("For a video larger than the keyframes: before exporting, the model repaints the enlarged "
                         "keyframes once, in tiles of the size it paints, so the video gains detail instead of "
                         "blur. This takes a while; the result is kept in the project for later exports."));
  form->addRow(QString(), detail_);
  detailStrength_ = new SliderSpin(0.1, 0.8, 0.05, 2, this);
  detailStrength_->setObjectName(QStringLiteral("detailStrength"));
  detailStrength_->setToolTip(tr("How much the model may change: 0.2 to 0.4 adds detail and keeps the picture."));
  form->addRow(tr("Detail s&trength"), detailStrength_);

  summary_ = new QLabel(this);
  summary_->setObjectName(QStringLiteral("exportSummary"));
  summary_->setWordWrap(true);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
  auto* column = new QVBoxLayout(this);
  column->addLayout(form);
  column->addWidget(summary_);
  column->addWidget(buttons);

  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
  connect(path_, &QLineEdit::textChanged, this, [this, buttons](const QString& t) {
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!t.trimmed().isEmpty());
  });
  for (QComboBox* box : {height_, aspect_, direction_, easing_})
    connect(box, &QComboBox::currentIndexChanged, this, &ExportDialog::updateSummary);
  connect(loop_, &QCheckBox::toggled, this, [this](bool on) {
    easing_->setEnabled(!on);  // a loop never slows down
    updateSummary();
  });
  connect(fps_, &QSpinBox::valueChanged, this, &ExportDialog::updateSummary);
  connect(detail_, &QCheckBox::toggled, this, &ExportDialog::updateSummary);
  connect(secondsPerKeyframe_, &QDoubleSpinBox::valueChanged, this, &ExportDialog::updateSummary);

  ExportChoices c = remembered(format);
  c.path = suggestedPath;
  setChoices(c);
}

QSize ExportDialog::outputSize() const {
  const int h = height_->currentData().toInt();
  const QString aspect = aspect_->currentData().toString();
  const QStringList ratio = aspect.split(QLatin1Char(':'));
  const double r = aspect == QLatin1String("keyframes") ? double(chain_.keyframeSize.width()) / std::max(1, chain_.keyframeSize.height())
                   : ratio.size() == 2                  ? ratio[0].toDouble() / ratio[1].toDouble()
                                                        : 1.0;
  return {even(h * r), even(h)};
}

ExportChoices ExportDialog::choices() const {
  ExportChoices c;
  c.format = format_;
  c.path = path_->text().trimmed();
  c.fps = fps_->value();
  c.secondsPerKeyframe = secondsPerKeyframe_->value();
  const QSize s = outputSize();
  c.width = s.width();
  c.height = s.height();
  c.aspect = aspect_->currentData().toString();
  c.loop = loop_->isChecked();
  c.zoomIn = direction_->currentData().toBool();
  c.easing = easing_->currentData().toString();
  c.quality = quality_->intValue();
  c.addDetail = detail_->isChecked();  // remembered as chosen; the export adds detail only to frames larger than the keyframes
  c.detailStrength = detailStrength_->value();
  return c;
}

void ExportDialog::setChoices(const ExportChoices& c) {
  path_->setText(c.path);
  fps_->setValue(c.fps);
  secondsPerKeyframe_->setValue(c.secondsPerKeyframe);
  int hi = height_->findData(c.height);
  if (hi < 0) {
    height_->addItem(tr("%1p").arg(c.height), c.height);
    hi = height_->count() - 1;
  }
  height_->setCurrentIndex(hi);
  const double r = double(c.width) / std::max(1, c.height);
  int best = 1;
  for (int i = 1; i < aspect_->count(); ++i) {  // the preset closest to the remembered shape
    const QStringList p = aspect_->itemData(i).toString().split(QLatin1Char(':'));
    const QStringList b = aspect_->itemData(best).toString().split(QLatin1Char(':'));
    if (std::abs(p[0].toDouble() / p[1].toDouble() - r) < std::abs(b[0].toDouble() / b[1].toDouble() - r)) best = i;
  }
  aspect_->setCurrentIndex(c.aspect == QLatin1String("keyframes") ? 0 : best);
  direction_->setCurrentIndex(c.zoomIn ? 0 : 1);
  easing_->setCurrentIndex(std::max(0, easing_->findData(c.easing)));
  loop_->setChecked(c.loop || chain_.closedLoop);
  quality_->setValue(c.quality);
  detail_->setChecked(c.addDetail);
  detailStrength_->setValue(c.detailStrength);
  updateSummary();
}

void ExportDialog::updateSummary() {
  const QSize s = outputSize();
  const double seconds = std::max(0, chain_.keyframeCount - 1) * secondsPerKeyframe_->value();
  const int frames = int(seconds * fps_->value() + 0.5) + (loop_->isChecked() ? 0 : 1);
  QString text = tr("%1 × %2 pixels, %3 frames, %4 s of video from %5 keyframes.")
                     .arg(s.width()).arg(s.height()).arg(frames).arg(QLocale().toString(seconds, 'f', 1)).arg(chain_.keyframeCount);
  // Detail only where there is something to add: frames larger than the keyframes (on the axis that fills them).
  const QSize k = chain_.keyframeSize;
  const double enlarged = std::max(double(s.width()) / std::max(1, k.width()), double(s.height()) / std::max(1, k.height()));
  detail_->setEnabled(enlarged > 1.0);
  detailStrength_->setEnabled(enlarged > 1.0 && detail_->isChecked());
  if (enlarged > 1.0)
    text += QLatin1Char(' ') + (detail_->isChecked()
                                    ? tr("The keyframes are enlarged %1× once, and the model adds detail first.").arg(QLocale().toString(enlarged, 'f', 1))
                                    : tr("The keyframes are enlarged %1× for each frame.").arg(QLocale().toString(enlarged, 'f', 1)));
  summary_->setText(text);
}

void ExportDialog::browse() {
  QString chosen;
  if (format_ == ExportFormat::Frames) {
    chosen = QFileDialog::getExistingDirectory(this, tr("Folder for the frames"), path_->text());
  } else {
    const QString filter = format_ == ExportFormat::Mp4 ? tr("MP4 video (*.mp4)") : tr("WebM video (*.webm)");
    chosen = QFileDialog::getSaveFileName(this, windowTitle(), path_->text(), filter);
  }
  if (!chosen.isEmpty()) path_->setText(chosen);
}

ExportChoices ExportDialog::remembered(ExportFormat format) {
  ExportChoices c;
  c.format = format;
  c.fps = prefs::exportFps();
  c.secondsPerKeyframe = prefs::exportSecondsPerKeyframe();
  c.height = prefs::exportHeight();
  c.aspect = prefs::exportAspect();
  const QStringList ratio = c.aspect.split(QLatin1Char(':'));
  const double r = ratio.size() == 2 && ratio[1].toDouble() > 0 ? ratio[0].toDouble() / ratio[1].toDouble() : 1.0;
  c.width = even(c.height * r);
  c.zoomIn = prefs::exportZoomIn();
  c.easing = prefs::exportEasing();
  c.quality = prefs::exportQuality();
  c.addDetail = prefs::exportAddDetail();
  c.detailStrength = prefs::exportDetailStrength();
  return c;
}

QString ExportDialog::suggestedPath(ExportFormat format, const QString& projectPath) {
  const QFileInfo project(projectPath);
  QString folder = prefs::exportFolder();
  if (folder.isEmpty()) folder = projectPath.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::MoviesLocation)
                                                       : project.absolutePath();
  const QString name = projectPath.isEmpty() ? QStringLiteral("zoom") : project.completeBaseName();
  const QString suffix = format == ExportFormat::Mp4    ? QStringLiteral(".mp4")
                         : format == ExportFormat::WebM ? QStringLiteral(".webm")
                                                        : QStringLiteral("-frames/");
  return QDir(folder).filePath(name + suffix);
}

void ExportDialog::remember(const ExportChoices& c) {
  // The folder the export went into (for a PNG sequence: the folder holding its frames folder).
  QString target = c.path;
  while (target.endsWith(QLatin1Char('/'))) target.chop(1);
  if (!target.isEmpty()) prefs::exportFolder().set(QFileInfo(target).absolutePath());
  prefs::exportFps().set(c.fps);
  prefs::exportSecondsPerKeyframe().set(c.secondsPerKeyframe);
  prefs::exportHeight().set(c.height);
  // "keyframes", or the reduced ratio of the chosen size
  const int g = std::gcd(c.width, c.height);
  prefs::exportAspect().set(c.aspect == QLatin1String("keyframes")
                                ? c.aspect
                                : QStringLiteral("%1:%2").arg(c.width / std::max(1, g)).arg(c.height / std::max(1, g)));
  prefs::exportZoomIn().set(c.zoomIn);
  prefs::exportEasing().set(c.easing);
  prefs::exportQuality().set(c.quality);
  prefs::exportAddDetail().set(c.addDetail);
  prefs::exportDetailStrength().set(c.detailStrength);
}

}  // namespace droste::ui
