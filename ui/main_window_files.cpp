// The main window's file handling: new, open, save, import, autosave, recent files, dialogs.
#include "core/system_info.h"
#include "core/zoom/autosave.h"
#include "core/zoom/project.h"
#include "ui/app_preferences.h"
#include "ui/interface_language.h"
#include "ui/main_window.h"
#include "ui/model_download_dialog.h"
#include "ui/preview_widget.h"
#include "ui/settings_dialog.h"
#include "ui/timeline_widget.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageReader>
#include <QMenu>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QUndoStack>

namespace droste::ui {

namespace {
constexpr int kMaxRecent = 8;

QString lastDirectory() {
  const QString dir = prefs::lastDirectory();
  return dir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::PicturesLocation) : dir;
}

QString imageFilter() {
  QStringList patterns;
  for (const QByteArray& format : QImageReader::supportedImageFormats())
    patterns << QStringLiteral("*.") + QString::fromLatin1(format);
  return MainWindow::tr("Images (%1)").arg(patterns.join(QLatin1Char(' ')));
}
}  // namespace

void MainWindow::newProject() {
  if (!maybeSave()) return;
  const zoom::ProjectSettings keep = project_->settings();  // the artist's model and sampler carry over
  project_->clearKeyframes();
  zoom::ProjectSettings fresh;
  fresh.painter = keep.painter;
  fresh.model = keep.model;
  fresh.scheduler = keep.scheduler;
  project_->setSettings(fresh);
  project_->setFilePath(QString());
  project_->setModified(false);
  undo_->clear();
  inputs_.clear();
  preview_->setInput({}, {});
}

bool MainWindow::openProject(const QString& path) {
  try {
    project_->load(path);
  } catch (const std::exception& e) {
    reportError(tr("Could not open the project"), QString::fromUtf8(e.what()));
    return false;
  }
  undo_->clear();
  inputs_.clear();
  addRecent(path);
  prefs::lastDirectory().set(QFileInfo(path).absolutePath());
  timeline_->setSelectedIndex(project_->keyframeCount() > 0 ? 0 : -1);
  statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);
  return true;
}

void MainWindow::openProjectDialog() {
  if (!maybeSave()) return;
  const QString path =
      QFileDialog::getOpenFileName(this, tr("Open project"), lastDirectory(), tr("Droste projects (*.droste)"));
  if (!path.isEmpty()) openProject(path);
}

bool MainWindow::saveProject(const QString& requested) {
  QString path = requested;
  if (!path.endsWith(QLatin1String(".droste"), Qt::CaseInsensitive)) path += QStringLiteral(".droste");
  try {
    project_->save(path);
  } catch (const std::exception& e) {
    reportError(tr("Could not save the project"), QString::fromUtf8(e.what()));
    return false;
  }
  undo_->setClean();
  addRecent(path);
  prefs::lastDirectory().set(QFileInfo(path).absolutePath());
  statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
  return true;
}

bool MainWindow::save() {
  if (project_->filePath().isEmpty()) return saveAsDialog();
  return saveProject(project_->filePath());
}

bool MainWindow::saveAsDialog() {
  const QString suggested = project_->filePath().isEmpty() ? lastDirectory() + tr("/zoom.droste") : project_->filePath();
  const QString path = QFileDialog::getSaveFileName(this, tr("Save project"), suggested, tr("Droste projects (*.droste)"));
  return !path.isEmpty() && saveProject(path);
}

bool MainWindow::startFromImage(const QString& path) {
  QImageReader reader(path);
  reader.setAutoTransform(true);
  const QImage image = reader.read();
  if (image.isNull()) {
    reportError(tr("Could not import the picture"),
                tr("%1 could not be read as a picture (%2). Try a PNG or JPEG file.").arg(path, reader.errorString()));
    return false;
  }
  editChain(tr("Import start image"), [this, &image] { project_->importFirstKeyframe(image, zoom::ImportFit::CenterCrop); });
  inputs_.erase(0);
  timeline_->setSelectedIndex(0);
  showKeyframe(0);
  prefs::lastDirectory().set(QFileInfo(path).absolutePath());
  return true;
}

void MainWindow::importImageDialog() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Import start image"), lastDirectory(), imageFilter());
  if (!path.isEmpty()) startFromImage(path);
}

bool MainWindow::maybeSave() {
  if (!project_->isModified()) return true;
  const auto answer = QMessageBox::question(
      this, tr("Unsaved changes"), tr("The project has changes that are not saved. Save them first?"),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Save) return save();
  return answer == QMessageBox::Discard;
}

void MainWindow::addRecent(const QString& path) {
  QStringList recent = prefs::recentProjects();
  const QString absolute = QFileInfo(path).absoluteFilePath();
  recent.removeAll(absolute);
  recent.prepend(absolute);
  while (recent.size() > kMaxRecent) recent.removeLast();
  prefs::recentProjects().set(recent);
  rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
  recentMenu_->clear();
  const QStringList recent = prefs::recentProjects();
  for (const QString& path : recent) {
    recentMenu_->addAction(QFileInfo(path).fileName(), this, [this, path] {
      if (maybeSave()) openProject(path);
    })->setToolTip(QDir::toNativeSeparators(path));
  }
  if (recent.isEmpty()) recentMenu_->addAction(tr("No recent projects"))->setEnabled(false);
  else {
    recentMenu_->addSeparator();
    recentMenu_->addAction(tr("Clear list"), this, [this] {
      prefs::recentProjects().reset();
      rebuildRecentMenu();
    });
  }
}

void MainWindow::offerAutosave() {
  // A crashed session left either the autosave of a saved project (the most recent one) or of an
  // untitled one; offer the newest.
  QString autosave, original;
  const QStringList recent = prefs::recentProjects();
  if (!recent.isEmpty()) {
    if (const auto found = zoom::Autosaver::recoverableAutosave(recent.first())) {
      autosave = *found;
      original = recent.first();
    }
  }
  if (autosave.isEmpty()) {
    const QStringList orphans = zoom::Autosaver::orphanedUntitledAutosaves();
    if (orphans.isEmpty()) return;
    autosave = orphans.first();
  }
  const auto answer = QMessageBox::question(
      this, tr("Recover work"),
      tr("Droste did not close properly last time. Open the automatically saved copy of %1?")
          .arg(original.isEmpty() ? tr("your untitled project") : QFileInfo(original).fileName()),
      QMessageBox::Open | QMessageBox::Discard, QMessageBox::Open);
  if (answer != QMessageBox::Open) {
    QFile::remove(autosave);
    return;
  }
  try {
    zoom::Autosaver::recover(*project_, autosave, original);
  } catch (const std::exception& e) {
    reportError(tr("Could not recover the project"), QString::fromUtf8(e.what()));
    return;
  }
  undo_->clear();
  QFile::remove(autosave);  // it now lives on as unsaved changes (and in the next autosave)
}

void MainWindow::showSettingsDialog() {
  SettingsDialog dialog(this);
  const QString before = prefs::modelLocation();
  const QString languageBefore = prefs::language();
  dialog.exec();
  // A new language applies at once: every window gets a LanguageChange event and sets its texts again.
  if (prefs::language().get() != languageBefore) applyLanguage(prefs::language());
  // Even after Cancel: the Models page's "Set as default" writes the preference at once.
  const QString after = prefs::modelLocation();
  if (after != before && !after.isEmpty()) useModel(after);
  updateModelIndicators();
}

void MainWindow::showDownloadModelDialog() {
  auto* dialog = new ModelDownloadDialog(this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setOfferToUse(false);  // the first run has no model: a downloaded one is used straight away
  connect(dialog, &ModelDownloadDialog::downloaded, this, &MainWindow::useModel);
  dialog->open();
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About Droste"),
                     tr("<h3>Droste %1</h3><p>Infinite zoom videos with Stable Diffusion inpainting.</p>")
                             .arg(QApplication::applicationVersion()) +
                         QStringLiteral("<pre>%1</pre>").arg(systemInfoReport().toHtmlEscaped()));
}

}  // namespace droste::ui
