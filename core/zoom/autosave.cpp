#include "core/zoom/autosave.h"

#include "core/logging.h"
#include "core/zoom/project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <exception>

namespace droste::zoom {

Autosaver::Autosaver(Project* project, int intervalMs, QObject* parent) : QObject(parent), project_(project) {
  timer_.setSingleShot(true);
  timer_.setInterval(intervalMs);
  connect(&timer_, &QTimer::timeout, this, &Autosaver::saveNow);
  connect(project, &Project::modifiedChanged, this, &Autosaver::onModifiedChanged);
  connect(project, &Project::filePathChanged, this, &Autosaver::onFilePathChanged);
  // Every edit restarts nothing: the first unsaved change arms the timer, later ones ride along.
  auto arm = [this] {
    if (!timer_.isActive()) timer_.start();
  };
  connect(project, &Project::settingsChanged, this, arm);
  connect(project, &Project::keyframeChanged, this, arm);
  connect(project, &Project::keyframeInserted, this, arm);
  connect(project, &Project::keyframeRemoved, this, arm);
  lastPath_ = autosavePath();
}

Autosaver::~Autosaver() { discard(); }

QString Autosaver::untitledAutosaveDir() {
  QString base = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
  if (base.isEmpty()) base = QDir::tempPath() + QStringLiteral("/droste");
  return base + QStringLiteral("/autosave");
}

QString Autosaver::autosavePathFor(const QString& projectPath) {
  if (projectPath.isEmpty())
    return untitledAutosaveDir() + QStringLiteral("/untitled-%1.droste").arg(QCoreApplication::applicationPid());
  const QFileInfo info(projectPath);
  return info.absolutePath() + QStringLiteral("/.") + info.fileName() + QStringLiteral(".autosave");
}

QString Autosaver::autosavePath() const { return project_ ? autosavePathFor(project_->filePath()) : QString(); }

void Autosaver::saveNow() {
  if (!project_ || !project_->isModified()) return;
  const QString path = autosavePath();
  try {
    QDir().mkpath(QFileInfo(path).absolutePath());
    project_->saveCopy(path);
    lastError_.clear();
    qCDebug(lcZoom) << "autosaved to" << path;
    Q_EMIT autosaved(path);
  } catch (const std::exception& e) {
    lastError_ = QString::fromStdString(e.what());
    qCWarning(lcZoom) << "autosave failed:" << lastError_;
    Q_EMIT autosaveFailed(lastError_);
  }
}

void Autosaver::discard() {
  timer_.stop();
  if (!lastPath_.isEmpty()) QFile::remove(lastPath_);
  const QString current = autosavePath();
  if (!current.isEmpty()) QFile::remove(current);
}

void Autosaver::onModifiedChanged(bool modified) {
  if (modified) {
    if (!timer_.isActive()) timer_.start();
  } else {
    discard();  // saved: the project file itself is the newest state
  }
}

void Autosaver::onFilePathChanged() {
  if (!lastPath_.isEmpty() && lastPath_ != autosavePath()) QFile::remove(lastPath_);
  lastPath_ = autosavePath();
}

std::optional<QString> Autosaver::recoverableAutosave(const QString& projectPath) {
  const QString autosave = autosavePathFor(projectPath);
  const QFileInfo a(autosave), p(projectPath);
  if (!a.exists()) return std::nullopt;
  if (p.exists() && a.lastModified() < p.lastModified()) return std::nullopt;
  return autosave;
}

QStringList Autosaver::orphanedUntitledAutosaves() {
  QStringList out;
  const QDir dir(untitledAutosaveDir());
  const QString mine = QStringLiteral("untitled-%1.droste").arg(QCoreApplication::applicationPid());
  for (const QFileInfo& f : dir.entryInfoList({QStringLiteral("untitled-*.droste")}, QDir::Files, QDir::Time))
    if (f.fileName() != mine) out << f.absoluteFilePath();
  return out;
}

void Autosaver::recover(Project& project, const QString& autosave, const QString& originalPath) {
  project.load(autosave);  // throws, changing nothing, when the autosave is damaged
  project.setFilePath(originalPath);
  project.setModified(true);
}

}  // namespace droste::zoom
