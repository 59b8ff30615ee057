#include "ui/model_download_dialog.h"

#include "core/hub/downloads.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace droste::ui {

using hub::DownloadProgress;
using hub::HubError;

ModelDownloadDialog::ModelDownloadDialog(QWidget* parent)
    : QDialog(parent), downloads_(hub::Downloads::ofApplication()) {
  setObjectName(QStringLiteral("ModelDownloadDialog"));
  setWindowTitle(tr("Download a model"));

  auto* intro = new QLabel(tr("Downloads a Stable Diffusion model from the Hugging Face Hub into its shared cache, "
                              "where other tools find it too. Only the weights Droste needs (.safetensors, fp16 "
                              "where the model has it) and the configuration files are fetched."),
                           this);
  intro->setWordWrap(true);

  // Inpainting checkpoints that outpaint well, by family: the keyframe size follows the one chosen.
  suggested_ = new QComboBox(this);
  suggested_->setObjectName(QStringLiteral("suggestedModels"));
  suggested_->addItem(tr("Stable Diffusion 2 inpainting (512 px)"), QString::fromLatin1(hub::kDefaultModelRepo));
  suggested_->addItem(tr("Stable Diffusion 1.5 inpainting (512 px)"),
                      QStringLiteral("stable-diffusion-v1-5/stable-diffusion-inpainting"));
  suggested_->addItem(tr("SDXL inpainting (1024 px, best pictures, slower)"),
                      QStringLiteral("diffusers/stable-diffusion-xl-1.0-inpainting-0.1"));
  suggested_->addItem(tr("Another model: type its name below"), QString());
  suggested_->setToolTip(tr("Only the fp16 weights are fetched where a model offers them; the size is shown "
                            "before the download begins."));

  repo_ = new QLineEdit(QString::fromLatin1(hub::kDefaultModelRepo), this);
  repo_->setObjectName(QStringLiteral("repoId"));
  repo_->setToolTip(tr("The model's name on the Hub, owner/name, as in its web address"));
  repo_->setClearButtonEnabled(true);
  download_ = new QPushButton(tr("&Download"), this);
  download_->setObjectName(QStringLiteral("startDownload"));
  download_->setDefault(true);
  cancel_ = new QPushButton(tr("&Cancel download"), this);
  cancel_->setObjectName(QStringLiteral("cancelDownload"));
  auto* repoRow = new QHBoxLayout;
  repoRow->addWidget(repo_, 1);
  repoRow->addWidget(download_);
  auto* form = new QFormLayout;
  form->addRow(tr("&Model:"), suggested_);
  form->addRow(tr("&Repository:"), repoRow);
  qobject_cast<QLabel*>(form->labelForField(repoRow))->setBuddy(repo_);  // makes the & an accelerator

  bar_ = new QProgressBar(this);
  bar_->setObjectName(QStringLiteral("downloadProgress"));
  bar_->setRange(0, 100);
  bar_->setValue(0);
  transfer_ = new QLabel(this);
  transfer_->setObjectName(QStringLiteral("downloadTransfer"));
  file_ = new QLabel(this);
  file_->setObjectName(QStringLiteral("downloadFile"));
  file_->setEnabled(false);  // greyed: a detail
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("downloadStatus"));
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  status_->setMinimumHeight(status_->fontMetrics().height() * 4);
  status_->setAlignment(Qt::AlignLeft | Qt::AlignTop);

  use_ = new QPushButton(tr("&Use this model"), this);
  use_->setObjectName(QStringLiteral("useDownloadedModel"));
  use_->setToolTip(tr("Make it the default model: new projects paint with it"));
  use_->hide();
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Close, this);
  buttons_->addButton(use_, QDialogButtonBox::AcceptRole);

  auto* column = new QVBoxLayout(this);
  column->addWidget(intro);
  column->addLayout(form);
  auto* barRow = new QHBoxLayout;
  barRow->addWidget(bar_, 1);
  barRow->addWidget(cancel_);
  column->addLayout(barRow);
  column->addWidget(transfer_);
  column->addWidget(file_);
  column->addWidget(status_, 1);
  column->addWidget(buttons_);
  setMinimumWidth(560);

  connect(suggested_, &QComboBox::activated, this, [this](int index) {
    const QString repo = suggested_->itemData(index).toString();
    if (repo.isEmpty()) {
      repo_->clear();
      repo_->setFocus();
    } else {
      repo_->setText(repo);
    }
  });
  connect(repo_, &QLineEdit::textEdited, this, [this](const QString& text) {  // typed: is it a suggestion?
    const int index = suggested_->findData(text.trimmed());
    suggested_->setCurrentIndex(index >= 0 ? index : suggested_->count() - 1);
  });
  connect(download_, &QPushButton::clicked, this, &ModelDownloadDialog::startDownload);
  connect(repo_, &QLineEdit::returnPressed, this, &ModelDownloadDialog::startDownload);
  connect(cancel_, &QPushButton::clicked, this, &ModelDownloadDialog::cancelDownload);
  connect(buttons_, &QDialogButtonBox::rejected, this, &ModelDownloadDialog::reject);
  connect(use_, &QPushButton::clicked, this, [this] {
    Q_EMIT useModelRequested(snapshotDir_);
    accept();
  });
  // Only while this dialog's own download runs: the line is the application's.
  connect(&downloads_, &hub::Downloads::planned, this, [this](qint64 total, qint64 toFetch, int files) {
    if (busy_) onPlanned(total, toFetch, files);
  });
  connect(&downloads_, &hub::Downloads::progress, this, [this](const DownloadProgress& p) {
    if (busy_) onProgress(p);
  });
  connect(&downloads_, &hub::Downloads::finished, this, [this](const QString& dir) {
    if (busy_) onFinished(dir);
  });
  connect(&downloads_, &hub::Downloads::failed, this, [this](const QString& message, HubError::Kind kind) {
    if (busy_) onFailed(message, kind);
  });
  setBusy(false);
}

ModelDownloadDialog::~ModelDownloadDialog() {
  // A transfer still under way stops; the partial file stays in the cache for the next try.
  if (busy_) downloads_.cancel();
}

void ModelDownloadDialog::setRepoId(const QString& repoId) {
  repo_->setText(repoId);
  const int index = suggested_->findData(repoId);
  suggested_->setCurrentIndex(index >= 0 ? index : suggested_->count() - 1);
}

QString ModelDownloadDialog::errorText() const { return errorShown_ ? status_->text() : QString(); }

void ModelDownloadDialog::startDownload() {
  if (busy_) return;
  const QString repo = repo_->text().trimmed();
  if (repo.isEmpty()) {
    showStatus(tr("Enter the model's name on the Hub, for example %1.").arg(QString::fromLatin1(hub::kDefaultModelRepo)),
               true);
    return;
  }
  hub::DownloadRequest request;  // endpoint, token and cache from the environment, as huggingface_hub reads them
  request.repoId = repo;
  repoOfJob_ = repo;
  snapshotDir_.clear();
  use_->hide();
  bar_->setValue(0);
  transfer_->setText(tr("Asking the Hub what %1 holds…").arg(repo));
  file_->clear();
  showStatus(QString(), false);
  setBusy(true);
  downloads_.start(request);
}

void ModelDownloadDialog::cancelDownload() {
  if (!busy_) return;
  cancel_->setEnabled(false);  // until the download confirms with failed(Cancelled)
  transfer_->setText(tr("Stopping…"));
  downloads_.cancel();
}

void ModelDownloadDialog::reject() {
  // Closing while a download runs stops it; what arrived stays in the cache for the next try.
  cancelDownload();
  QDialog::reject();
}

void ModelDownloadDialog::onPlanned(qint64 bytesTotal, qint64 bytesToFetch, int filesToFetch) {
  // Stays in view while the bytes arrive: what the whole download is.
  if (filesToFetch > 0)
    showStatus(tr("%1 to download in %n file(s).", nullptr, filesToFetch).arg(hub::formatBytes(double(bytesToFetch))),
               false);
  if (filesToFetch == 0)
    transfer_->setText(tr("All %1 are already in the cache.").arg(hub::formatBytes(double(bytesTotal))));
  else if (bytesToFetch < bytesTotal)
    transfer_->setText(tr("Resuming: %1 of %2 still to fetch.")
                           .arg(hub::formatBytes(double(bytesToFetch)), hub::formatBytes(double(bytesTotal))));
}

void ModelDownloadDialog::onProgress(const DownloadProgress& p) {
  if (p.bytesTotal > 0) bar_->setValue(int(std::floor(100.0 * double(p.bytesDone) / double(p.bytesTotal))));
  QString text = tr("%1 of %2").arg(hub::formatBytes(double(p.bytesDone)), hub::formatBytes(double(p.bytesTotal)));
  if (p.bytesPerSecond > 0) text += QStringLiteral(" · ") + tr("%1/s").arg(hub::formatBytes(p.bytesPerSecond));
  if (p.etaSeconds >= 0 && p.bytesDone < p.bytesTotal) text += QStringLiteral(" · ") + formatEta(p.etaSeconds);
  transfer_->setText(text);
  if (!p.currentFile.isEmpty())
    file_->setText(tr("File %1 of %2: %3").arg(p.fileIndex).arg(p.fileCount).arg(p.currentFile));
}

void ModelDownloadDialog::onFinished(const QString& snapshotDir) {
  setBusy(false);
  snapshotDir_ = snapshotDir;
  file_->clear();
  if (offerToUse_) {
    showStatus(tr("%1 is ready in %2.").arg(repoOfJob_, snapshotDir), false);
    use_->show();
    use_->setDefault(true);
    use_->setFocus();
  } else {
    showStatus(tr("%1 is ready in %2. Droste paints with it from now on.").arg(repoOfJob_, snapshotDir), false);
  }
  Q_EMIT downloaded(snapshotDir);
}

void ModelDownloadDialog::onFailed(const QString& message, HubError::Kind kind) {
  setBusy(false);
  file_->clear();
  if (kind == HubError::Kind::Cancelled) {
    transfer_->setText(tr("Stopped. Press Download to continue where it stopped."));
    showStatus(QString(), false);
    return;
  }
  transfer_->clear();
  const QString explanation = explain(kind, repoOfJob_);
  // The explanation says what to do; the technical message below it says exactly what happened.
  showStatus(explanation + QStringLiteral("\n\n") + message, true);
  Q_EMIT downloadFailed(explanation);
}

void ModelDownloadDialog::setBusy(bool busy) {
  busy_ = busy;
  download_->setEnabled(!busy);
  repo_->setEnabled(!busy);
  suggested_->setEnabled(!busy);
  cancel_->setEnabled(busy);
}

void ModelDownloadDialog::showStatus(const QString& text, bool error) {
  errorShown_ = error && !text.isEmpty();
  status_->setText(text);
  status_->setStyleSheet(error ? QStringLiteral("color: #b02020;") : QString());
}

QString ModelDownloadDialog::explain(HubError::Kind kind, const QString& repoId) const {
  switch (kind) {
    case HubError::Kind::Offline:
      return tr("Droste cannot reach the Hugging Face Hub. Check the internet connection (or the proxy), then press "
                "Download again: it continues where it stopped.");
    case HubError::Kind::Unauthorized:
      return tr("%1 is gated or private: the Hub wants to know who is asking. Accept the model's conditions on its "
                "Hugging Face page, then give Droste your access token: set HF_TOKEN, or log in once with "
                "\"huggingface-cli login\".")
          .arg(repoId);
    case HubError::Kind::Forbidden:
      return tr("Your Hugging Face token has no access to %1. Accept the model's conditions on its Hugging Face "
                "page with the same account, then try again.")
          .arg(repoId);
    case HubError::Kind::NotFound:
      return tr("The Hub has no model named %1. Check the spelling: owner/name, as in the model's web address.")
          .arg(repoId);
    case HubError::Kind::NoUsableFiles:
      return tr("%1 has no .safetensors weights Droste can use. Pickle files (.ckpt, .bin) are never downloaded "
                "because they can run code on your computer.")
          .arg(repoId);
    case HubError::Kind::DiskFull:
      return tr("Not enough free disk space for the model. Free some space on the drive that holds the Hugging Face "
                "cache, then press Download again.");
    case HubError::Kind::Disk:
      return tr("The model could not be written to the disk. Check that you may write to the Hugging Face cache "
                "folder, then press Download again.");
    case HubError::Kind::Integrity:
      return tr("A file arrived damaged and was thrown away. Press Download again.");
    case HubError::Kind::Server:
      return tr("The Hub answered with an error. Try again in a while.");
    case HubError::Kind::Cancelled: break;
  }
  return tr("The download stopped.");
}

QString ModelDownloadDialog::formatEta(double seconds) const {
  const qint64 s = qint64(std::ceil(seconds));
  if (s < 60) return tr("%n second(s) left", nullptr, int(s));
  if (s < 3600) return tr("%1 min %2 s left").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
  return tr("%1 h %2 min left").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

}  // namespace droste::ui
