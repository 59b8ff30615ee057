#pragma once
// Settings -> Models: the table of models Droste found (name, family, inpainting, precision, size,
// location; a broken model shows its problem in its row), the folders and files the artist added,
// and the actions: add, remove, set as default, refresh, download from the Hub.
// Scans run on a worker thread; the table fills in when one is done (refreshed()).
#include "core/catalog/model_catalog.h"

#include <QList>
#include <QWidget>

#include <memory>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace droste::ui {

class ModelDownloadDialog;

class ModelManagerWidget : public QWidget {
  Q_OBJECT
 public:
  enum Column { NameColumn, FamilyColumn, InpaintingColumn, DtypeColumn, SizeColumn, LocationColumn, ColumnCount };

  explicit ModelManagerWidget(QWidget* parent = nullptr);
  ~ModelManagerWidget() override;

  // Looks for models again (on a worker thread); refreshed() follows. The newest request wins.
  void refresh();
  bool isScanning() const { return scanning_; }
  const QList<catalog::ModelEntry>& entries() const { return entries_; }
  QTableWidget* table() const { return table_; }

  // The added folders and files (persisted in the preferences), each followed by a refresh.
  void addPath(const QString& path);
  void removeAddedPath(const QString& path);
  // Makes the model at location the default (the model location preference).
  void setDefault(const QString& location);
  // The Hub download dialog, opened window-modal; a downloaded model appears in the table.
  ModelDownloadDialog* openDownloadDialog();

 Q_SIGNALS:
  void refreshed();
  void defaultModelChanged(const QString& location);

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void showEntries(const QList<catalog::ModelEntry>& entries);
  void fillRow(int row, const catalog::ModelEntry& entry, bool isDefault);
  void showAddedPaths();
  void updateButtons();
  QString selectedPath() const;

  QLabel* summary_;
  QTableWidget* table_;
  QPushButton* setDefault_;
  QPushButton* refresh_;
  QPushButton* download_;
  QListWidget* added_;
  QPushButton* addFolder_;
  QPushButton* addFile_;
  QPushButton* remove_;

  QList<catalog::ModelEntry> entries_;
  bool scanning_ = false;
  bool scannedOnce_ = false;
  int generation_ = 0;  // of the newest scan; older results are dropped
};

}  // namespace droste::ui
