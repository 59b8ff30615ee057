#include "ui/model_manager_widget.h"

#include "core/engine/background_pool.h"
#include "core/hub/hub_download.h"
#include "ui/app_preferences.h"
#include "ui/model_download_dialog.h"

#include <QColor>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFont>
#include <QGroupBox>
#include <QHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QShowEvent>
#include <QStyle>
#include <QTableWidget>
#include <QFutureWatcher>
#include <QVBoxLayout>

#include <memory>

namespace droste::ui {
namespace {

constexpr int kPathRole = Qt::UserRole + 1;

}  // namespace

ModelManagerWidget::ModelManagerWidget(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("ModelManager"));

  summary_ = new QLabel(this);
  summary_->setObjectName(QStringLiteral("modelsSummary"));
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  table_ = new QTableWidget(0, ColumnCount, this);
  table_->setObjectName(QStringLiteral("modelsTable"));
  table_->setHorizontalHeaderLabels(
      {tr("Model"), tr("Family"), tr("Inpainting"), tr("Precision"), tr("Size"), tr("Location")});
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setWordWrap(false);
  table_->setTextElideMode(Qt::ElideMiddle);  // long cache paths keep their start and their end
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setHighlightSections(false);
  table_->horizontalHeader()->setStretchLastSection(true);
  for (int c = NameColumn; c < LocationColumn; ++c)
    table_->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);

  setDefault_ = new QPushButton(tr("Set as &default"), this);
  setDefault_->setObjectName(QStringLiteral("setDefaultModel"));
  setDefault_->setToolTip(tr("New projects paint with this model"));
  refresh_ = new QPushButton(tr("&Refresh"), this);
  refresh_->setObjectName(QStringLiteral("refreshModels"));
  download_ = new QPushButton(tr("Do&wnload…"), this);
  download_->setObjectName(QStringLiteral("downloadModel"));
  download_->setToolTip(tr("Download a model from the Hugging Face Hub into its shared cache"));
  auto* tableButtons = new QHBoxLayout;
  tableButtons->addWidget(setDefault_);
  tableButtons->addStretch(1);
  tableButtons->addWidget(refresh_);
  tableButtons->addWidget(download_);

  auto* addedBox = new QGroupBox(tr("Folders and files you added"), this);
  added_ = new QListWidget(addedBox);
  added_->setObjectName(QStringLiteral("addedModelPaths"));
  added_->setToolTip(tr("A folder is searched for models inside it; a model folder or file is listed itself."));
  addFolder_ = new QPushButton(tr("Add &folder…"), addedBox);
  addFolder_->setObjectName(QStringLiteral("addModelFolder"));
  addFile_ = new QPushButton(tr("Add f&ile…"), addedBox);
  addFile_->setObjectName(QStringLiteral("addModelFile"));
  remove_ = new QPushButton(tr("Re&move"), addedBox);
  remove_->setObjectName(QStringLiteral("removeModelPath"));
  remove_->setToolTip(tr("Stop listing the models there; nothing is deleted from the disk"));
  auto* addedButtons = new QVBoxLayout;
  addedButtons->addWidget(addFolder_);
  addedButtons->addWidget(addFile_);
  addedButtons->addWidget(remove_);
  addedButtons->addStretch(1);
  auto* addedRow = new QHBoxLayout(addedBox);
  addedRow->addWidget(added_, 1);
  addedRow->addLayout(addedButtons);
  added_->setMaximumHeight(added_->fontMetrics().height() * 6);

  auto* column = new QVBoxLayout(this);
  column->addWidget(summary_);
  column->addWidget(table_, 1);
  column->addLayout(tableButtons);
  column->addWidget(addedBox);

  connect(table_, &QTableWidget::itemSelectionChanged, this, &ModelManagerWidget::updateButtons);
  connect(table_, &QTableWidget::itemDoubleClicked, this, [this] { setDefault_->click(); });
  connect(added_, &QListWidget::itemSelectionChanged, this, &ModelManagerWidget::updateButtons);
  connect(setDefault_, &QPushButton::clicked, this, [this] {
    if (const QString path = selectedPath(); !path.isEmpty()) setDefault(path);
  });
  connect(refresh_, &QPushButton::clicked, this, &ModelManagerWidget::refresh);
  connect(download_, &QPushButton::clicked, this, &ModelManagerWidget::openDownloadDialog);
  connect(addFolder_, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Add a model folder, or a folder of models"),
                                                          QDir::homePath());
    if (!dir.isEmpty()) addPath(dir);
  });
  connect(addFile_, &QPushButton::clicked, this, [this] {
    const QString file = QFileDialog::getOpenFileName(this, tr("Add a model file"), QDir::homePath(),
                                                      tr("Model checkpoints (*.safetensors)"));
    if (!file.isEmpty()) addPath(file);
  });
  connect(remove_, &QPushButton::clicked, this, [this] {
    if (auto* item = added_->currentItem()) removeAddedPath(item->text());
  });

  showAddedPaths();
  summary_->setText(tr("Looking for models…"));
  updateButtons();
}

ModelManagerWidget::~ModelManagerWidget() = default;  // a running scan ends on its own; its answer goes nowhere

void ModelManagerWidget::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  // The first look at the page starts the scan; building the Settings dialog alone reads no disk.
  if (!scannedOnce_) refresh();
}

void ModelManagerWidget::refresh() {
  scannedOnce_ = true;
  scanning_ = true;
  refresh_->setEnabled(false);
  const int generation = ++generation_;
  const QStringList added = prefs::addedModelPaths();
  const QString location = prefs::modelLocation();
  // Opening models reads file headers: on a slow or network disk that takes a while, so not here.
  auto* scan = new QFutureWatcher<QList<catalog::ModelEntry>>(this);
  connect(scan, &QFutureWatcherBase::finished, this, [this, scan, generation] {
    scan->deleteLater();
    if (generation != generation_) return;  // a newer scan is on its way
    scanning_ = false;
    refresh_->setEnabled(true);
    showEntries(scan->result());
    Q_EMIT refreshed();
  });
  scan->setFuture(engine::computeInBackground([added, location] { return catalog::scanModels(added, location); }));
}

void ModelManagerWidget::showEntries(const QList<catalog::ModelEntry>& entries) {
  const QString keep = selectedPath();
  entries_ = entries;
  const QString location = prefs::modelLocation();
  table_->clearSpans();
  table_->setRowCount(int(entries.size()));
  int usable = 0;
  for (int row = 0; row < entries.size(); ++row) {
    fillRow(row, entries[row], !location.isEmpty() && entries[row].path == location);
    if (entries[row].problem.isEmpty()) ++usable;
    if (entries[row].path == keep) table_->selectRow(row);
  }
  const QString cache = catalog::huggingFaceCacheFolder();
  const QStringList folders = catalog::defaultModelFolders();
  const QString where = tr("Searched: the Hugging Face cache (%1), %2 and the places you added below.")
                            .arg(cache, folders.join(QStringLiteral(", ")));
  if (entries.isEmpty())
    summary_->setText(tr("No models found. Download one, or add the folder or file of a model you have.") +
                      QLatin1Char(' ') + where);
  else
    summary_->setText(tr("%n model(s) found, %1 usable.", nullptr, int(entries.size())).arg(usable) +
                      QLatin1Char(' ') + where);
  updateButtons();
}

void ModelManagerWidget::fillRow(int row, const catalog::ModelEntry& entry, bool isDefault) {
  auto cell = [&](int column, const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setData(kPathRole, entry.path);
    table_->setItem(row, column, item);
    return item;
  };
  static const QHash<QString, const char*> kinds{
      {QStringLiteral("Hugging Face cache"), QT_TR_NOOP("Hugging Face cache")},
      {QStringLiteral("diffusers folder"), QT_TR_NOOP("diffusers folder")},
      {QStringLiteral("single file"), QT_TR_NOOP("single checkpoint file")},
      {QStringLiteral("pickle checkpoint"), QT_TR_NOOP("pickle checkpoint")}};
  const QString kind = kinds.contains(entry.kind) ? tr(kinds.value(entry.kind)) : entry.kind;

  QTableWidgetItem* name = cell(NameColumn, isDefault ? tr("%1 (default)").arg(entry.name) : entry.name);
  if (isDefault) {
    QFont bold = name->font();
    bold.setBold(true);
    name->setFont(bold);
  }
  if (!entry.problem.isEmpty()) {
    // One readable line across the fact and location columns (the location is in the tooltip);
    // paths inside the model are shown relative to it, so the reason is what stays visible.
    // A list of problems (validation) starts with a heading line: show it with the first problem.
    QString reason = entry.problem.section(QLatin1Char('\n'), 0, 0);
    if (reason.endsWith(QLatin1Char(':'))) reason = entry.problem.section(QLatin1Char('\n'), 0, 1).simplified();
    if (reason.startsWith(entry.path + QLatin1Char('/'))) reason = reason.mid(entry.path.size() + 1);
    else if (reason.startsWith(entry.path + QLatin1Char(':'))) reason = reason.mid(entry.path.size() + 1).trimmed();
    const QString tip = QStringLiteral("%1\n\n%2").arg(entry.path, entry.problem);
    name->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    name->setToolTip(tip);
    QTableWidgetItem* problem = cell(FamilyColumn, tr("Cannot be used: %1").arg(reason));
    problem->setToolTip(tip);
    problem->setForeground(QColor(0xb0, 0x20, 0x20));
    for (int c = InpaintingColumn; c <= LocationColumn; ++c) cell(c, QString());
    table_->setSpan(row, FamilyColumn, 1, LocationColumn - FamilyColumn + 1);
    return;
  }
  cell(LocationColumn, entry.path)->setToolTip(QStringLiteral("%1\n%2").arg(kind, entry.path));
  name->setToolTip(kind);
  const QString family = entry.family == QLatin1String("SD1")   ? tr("SD 1.x")
                         : entry.family == QLatin1String("SD2") ? tr("SD 2.x")
                         : entry.family == QLatin1String("SDXL") ? tr("SDXL")
                                                                 : tr("unknown");
  cell(FamilyColumn, family);
  QTableWidgetItem* inpainting = cell(InpaintingColumn, entry.inpainting ? tr("yes") : tr("no"));
  if (!entry.inpainting)
    inpainting->setToolTip(tr("Not an inpainting model: Droste can still outpaint with it by blending latents, "
                              "with weaker seams."));
  cell(DtypeColumn, entry.dtype)->setToolTip(entry.dtypeDetail);
  QTableWidgetItem* size = cell(SizeColumn, hub::formatBytes(double(entry.bytes)));
  size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
}

void ModelManagerWidget::showAddedPaths() {
  added_->clear();
  for (const QString& path : prefs::addedModelPaths().get()) {
    auto* item = new QListWidgetItem(path, added_);
    if (!QFileInfo::exists(path)) {
      item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
      item->setToolTip(tr("Not found: moved or deleted?"));
    }
  }
  updateButtons();
}

void ModelManagerWidget::addPath(const QString& path) {
  const QString clean = QDir::cleanPath(path);
  QStringList paths = prefs::addedModelPaths();
  if (!paths.contains(clean)) {
    paths << clean;
    prefs::addedModelPaths().set(paths);
  }
  showAddedPaths();
  refresh();
}

void ModelManagerWidget::removeAddedPath(const QString& path) {
  QStringList paths = prefs::addedModelPaths();
  if (paths.removeAll(path) == 0) return;
  prefs::addedModelPaths().set(paths);
  showAddedPaths();
  refresh();
}

void ModelManagerWidget::setDefault(const QString& location) {
  prefs::modelLocation().set(location);
  // Mark the new default without a rescan: nothing on disk changed.
  showEntries(QList<catalog::ModelEntry>(entries_));
  Q_EMIT defaultModelChanged(location);
}

ModelDownloadDialog* ModelManagerWidget::openDownloadDialog() {
  auto* dialog = new ModelDownloadDialog(this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &ModelDownloadDialog::downloaded, this, &ModelManagerWidget::refresh);
  connect(dialog, &ModelDownloadDialog::useModelRequested, this, [this](const QString& dir) {
    setDefault(dir);
    refresh();  // the download may have finished while a scan was under way
  });
  dialog->open();
  return dialog;
}

QString ModelManagerWidget::selectedPath() const {
  const auto rows = table_->selectionModel()->selectedRows();
  if (rows.isEmpty()) return {};
  const QTableWidgetItem* item = table_->item(rows.first().row(), NameColumn);
  return item ? item->data(kPathRole).toString() : QString();
}

void ModelManagerWidget::updateButtons() {
  const auto rows = table_->selectionModel()->selectedRows();
  bool usable = false;
  bool alreadyDefault = false;
  if (!rows.isEmpty() && rows.first().row() < entries_.size()) {
    const catalog::ModelEntry& entry = entries_[rows.first().row()];
    usable = entry.problem.isEmpty();
    alreadyDefault = entry.path == prefs::modelLocation().get();
  }
  setDefault_->setEnabled(usable && !alreadyDefault);
  remove_->setEnabled(added_->currentItem() != nullptr && !added_->selectedItems().isEmpty());
}

}  // namespace droste::ui
