// The main window's file dialogs and messages: new, open, save, import, recovery, settings, about.
// What happens to the project is the session's.
#include "core/catalog/model_catalog.h"
#include "core/session/session.h"
#include "core/system_info.h"
#include "core/zoom/project.h"
#include "ui/app_preferences.h"
#include "ui/chain_view.h"
#include "ui/interface_language.h"
#include "ui/main_window.h"
#include "ui/model_download_dialog.h"
#include "ui/recent_projects.h"
#include "ui/settings_dialog.h"
#include "ui/timeline_widget.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageReader>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>

namespace droste::ui {

namespace {
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
  const zoom::ProjectSettings& s = project()->settings();
  session_->newProject(s.painter == zoom::PainterKind::StableDiffusion ? catalog::nativeKeyframeSide(s.model) : 0);
}

bool MainWindow::openProject(const QString& path) {
  try {
    session_->openProject(path);
  } catch (const std::exception& e) {
    reportError(tr("Could not open the project"), QString::fromUtf8(e.what()), errorKindOf(e));
    return false;
  }
  recent_->add(path);
  prefs::lastDirectory().set(QFileInfo(path).absolutePath());
  timeline_->setSelectedIndex(project()->keyframeCount() > 0 ? 0 : -1);
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
    session_->saveProject(path);
  } catch (const std::exception& e) {
    reportError(tr("Could not save the project"), QString::fromUtf8(e.what()), errorKindOf(e));
    return false;
  }
  recent_->add(path);
  prefs::lastDirectory().set(QFileInfo(path).absolutePath());
  statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
  return true;
}

bool MainWindow::save() {
  return project()->filePath().isEmpty() ? saveAsDialog() : saveProject(project()->filePath());
}

bool MainWindow::saveAsDialog() {
  const QString suggested = project()->filePath().isEmpty() ? lastDirectory() + tr("/zoom.droste") : project()->filePath();
  const QString path = QFileDialog::getSaveFileName(this, tr("Save project"), suggested, tr("Droste projects (*.droste)"));
  return !path.isEmpty() && saveProject(path);
}

bool MainWindow::startFromImage(const QString& path) {
  QImageReader reader(path);
  reader.setAutoTransform(true);
  const QImage image = reader.read();
  try {
    if (image.isNull())
      throw std::runtime_error(tr("%1 could not be read as a picture (%2). Try a PNG or JPEG file.")
                                   .arg(path, reader.errorString()).toStdString());
    session_->importFirstKeyframe(image);
  } catch (const std::exception& e) {
    reportError(tr("Could not import the picture"), QString::fromUtf8(e.what()), errorKindOf(e));
    return false;
  }
  timeline_->setSelectedIndex(0);
  chain_->showKeyframe(0);
  prefs::lastDirectory().set(QFileInfo(path).absolutePath());
  return true;
}

void MainWindow::importImageDialog() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Import start image"), lastDirectory(), imageFilter());
  if (!path.isEmpty()) startFromImage(path);
}

void MainWindow::replaceWithPictureDialog(int index) {
  if (session_->isPainting()) {
    statusBar()->showMessage(tr("Wait for the painting to finish, or stop it, before placing a picture."), 5000);
    return;
  }
  const QString title = index >= project()->keyframeCount() ? tr("Picture to end the zoom on")
                                                             : tr("Picture for keyframe %1").arg(index + 1);
  const QString path = QFileDialog::getOpenFileName(this, title, lastDirectory(), imageFilter());
  if (path.isEmpty()) return;
  QImageReader reader(path);
  reader.setAutoTransform(true);
  const QImage image = reader.read();
  if (image.isNull()) {
    reportError(tr("Could not import the picture"),
                tr("%1 could not be read as a picture (%2). Try a PNG or JPEG file.").arg(path, reader.errorString()),
                ErrorKind::BadInput);
    return;
  }
  prefs::lastDirectory().set(QFileInfo(path).absolutePath());
  if (index == 0) {  // nothing inside it: the same as importing a start picture
    startFromImage(path);
    return;
  }
  session_->replaceWithPicture(index, image);
}

bool MainWindow::maybeSave() {
  if (!project()->isModified()) return true;
  const auto answer = QMessageBox::question(
      this, tr("Unsaved changes"), tr("The project has changes that are not saved. Save them first?"),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Save) return save();
  return answer == QMessageBox::Discard;
}

void MainWindow::offerAutosave() {
  const auto work = session::Session::findRecoverableWork(prefs::recentProjects());
  if (!work) return;
  const auto answer = QMessageBox::question(
      this, tr("Recover work"),
      tr("Droste did not close properly last time. Open the automatically saved copy of %1?")
          .arg(work->original.isEmpty() ? tr("your untitled project") : QFileInfo(work->original).fileName()),
      QMessageBox::Open | QMessageBox::Discard, QMessageBox::Open);
  if (answer != QMessageBox::Open) {
    QFile::remove(work->autosave);
    return;
  }
  try {
    session_->recover(*work);
  } catch (const std::exception& e) {
    reportError(tr("Could not recover the project"), QString::fromUtf8(e.what()), errorKindOf(e));
  }
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
