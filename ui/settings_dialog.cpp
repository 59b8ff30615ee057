#include "ui/settings_dialog.h"

#include "ui/app_preferences.h"
#include "ui/model_manager_widget.h"

#include "core/catalog/runtime_summary.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QThread>
#include <QVBoxLayout>

namespace droste::ui {

SettingsDialog::SettingsDialog(QWidget* parent) : QDialog(parent), cudaAvailable_(catalog::cudaAvailable()) {
  setObjectName(QStringLiteral("SettingsDialog"));
  setWindowTitle(tr("Settings"));
  auto* form = new QFormLayout;

  modelLocation_ = new QLineEdit(this);
  modelLocation_->setObjectName(QStringLiteral("modelLocation"));
  modelLocation_->setPlaceholderText(tr("No model chosen: the draft painter is used"));
  modelLocation_->setToolTip(tr("A Stable Diffusion inpainting model: a diffusers folder (with model_index.json) "
                                "or a single .safetensors checkpoint."));
  auto* folder = new QPushButton(tr("Folder…"), this);
  auto* file = new QPushButton(tr("File…"), this);
  auto* modelRow = new QHBoxLayout;
  modelRow->addWidget(modelLocation_, 1);
  modelRow->addWidget(folder);
  modelRow->addWidget(file);
  form->addRow(tr("&Model location"), modelRow);
  qobject_cast<QLabel*>(form->labelForField(modelRow))->setBuddy(modelLocation_);

  device_ = new QComboBox(this);
  device_->setObjectName(QStringLiteral("device"));
  device_->addItem(tr("Automatic (GPU when available)"), QStringLiteral("auto"));
  device_->addItem(tr("CPU"), QStringLiteral("cpu"));
  if (cudaAvailable_) device_->addItem(tr("NVIDIA GPU (CUDA)"), QStringLiteral("cuda"));
  device_->setToolTip(cudaAvailable_ ? tr("Where the model runs. A GPU is many times faster than the CPU.")
                                     : tr("Where the model runs. No NVIDIA GPU is usable here, so it runs on the CPU."));
  form->addRow(tr("&Device"), device_);

  precision_ = new QComboBox(this);
  precision_->setObjectName(QStringLiteral("precision"));
  precision_->setToolTip(tr("Number format of the model's weights. Lower precision: faster and half the memory, "
                            "pictures differ very slightly. Only what runs on this computer is offered."));
  offerPrecisions();
  connect(device_, &QComboBox::currentIndexChanged, this, &SettingsDialog::offerPrecisions);
  form->addRow(tr("&Precision"), precision_);

  threads_ = new QSpinBox(this);
  threads_->setObjectName(QStringLiteral("threads"));
  threads_->setRange(0, 256);
  threads_->setSpecialValueText(tr("Automatic (%1)").arg(QThread::idealThreadCount()));
  threads_->setToolTip(tr("CPU threads for painting on the CPU. Takes effect after a restart."));
  form->addRow(tr("CPU &threads"), threads_);

  language_ = new QComboBox(this);
  language_->setObjectName(QStringLiteral("language"));
  language_->addItem(tr("System language"), QString());
  language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
  const QDir translations(QStringLiteral(":/i18n"));
  for (const QString& qm : translations.entryList({QStringLiteral("droste_*.qm")})) {
    const QString code = qm.mid(7).chopped(3);
    if (code == QLatin1String("en")) continue;
    language_->addItem(QLocale(code).nativeLanguageName(), code);
  }
  language_->setToolTip(tr("The language of the interface. Applies as soon as you press OK."));
  form->addRow(tr("&Language"), language_);

  auto* general = new QWidget(this);
  auto* generalColumn = new QVBoxLayout(general);
  generalColumn->addLayout(form);
  generalColumn->addStretch(1);
  models_ = new ModelManagerWidget(this);
  tabs_ = new QTabWidget(this);
  tabs_->addTab(general, tr("&General"));
  tabs_->addTab(models_, tr("M&odels"));

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  auto* column = new QVBoxLayout(this);
  column->addWidget(tabs_);
  column->addWidget(buttons);
  resize(900, 560);

  connect(folder, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose a model folder"), modelLocation_->text());
    if (!dir.isEmpty()) modelLocation_->setText(dir);
  });
  connect(file, &QPushButton::clicked, this, [this] {
    const QString f = QFileDialog::getOpenFileName(this, tr("Choose a model file"), modelLocation_->text(),
                                                   tr("Model checkpoints (*.safetensors)"));
    if (!f.isEmpty()) modelLocation_->setText(f);
  });
  // "Set as default" on the Models page writes the preference at once; the field follows so that OK keeps it.
  connect(models_, &ModelManagerWidget::defaultModelChanged, modelLocation_, &QLineEdit::setText);
  connect(buttons, &QDialogButtonBox::accepted, this, [this] {
    store();
    accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  load();
}

void SettingsDialog::load() {
  modelLocation_->setText(prefs::modelLocation());
  device_->setCurrentIndex(std::max(0, device_->findData(prefs::device().get())));
  precision_->setCurrentIndex(std::max(0, precision_->findData(prefs::precision().get())));
  threads_->setValue(prefs::threads());
  language_->setCurrentIndex(std::max(0, language_->findData(prefs::language().get())));
}

void SettingsDialog::offerPrecisions() {
  const QString device = device_->currentData().toString();
  const bool cuda = device == QLatin1String("cuda") || (device == QLatin1String("auto") && cudaAvailable_);
  const QString previous = precision_->currentData().toString();
  precision_->clear();
  for (const catalog::PrecisionOption& option : catalog::precisionOptions(cuda)) {
    QString label;
    if (option.name == QLatin1String("auto"))
      label = cuda ? tr("Automatic (%1 on this GPU)").arg(option.autoPick) : tr("Automatic (%1 on this CPU)").arg(option.autoPick);
    else if (option.name == QLatin1String("fp32"))
      label = tr("fp32 (exact, most memory)");
    else if (option.name == QLatin1String("bf16"))
      label = option.fastHere ? tr("bf16 (fast, half the memory)") : tr("bf16 (half the memory, not faster on this CPU)");
    else if (option.name == QLatin1String("fp16"))
      label = tr("fp16 (fastest on a GPU, half the memory)");
    else
      label = option.name;
    precision_->addItem(label, option.name);
  }
  precision_->setCurrentIndex(std::max(0, precision_->findData(previous)));
}

void SettingsDialog::showModelsPage() { tabs_->setCurrentWidget(models_); }

void SettingsDialog::store() {
  prefs::modelLocation().set(modelLocation_->text().trimmed());
  prefs::device().set(device_->currentData().toString());
  prefs::precision().set(precision_->currentData().toString());
  prefs::threads().set(threads_->value());
  prefs::language().set(language_->currentData().toString());
}

}  // namespace droste::ui
