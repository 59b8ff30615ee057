#include "ui/recent_projects.h"

#include "ui/app_preferences.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>

namespace droste::ui {

namespace {
constexpr int kMaxRecent = 8;
}

RecentProjects::RecentProjects(QMenu* menu) : QObject(menu), menu_(menu) { rebuild(); }

void RecentProjects::add(const QString& path) {
  QStringList recent = prefs::recentProjects();
  const QString absolute = QFileInfo(path).absoluteFilePath();
  recent.removeAll(absolute);
  recent.prepend(absolute);
  while (recent.size() > kMaxRecent) recent.removeLast();
  prefs::recentProjects().set(recent);
  rebuild();
}

void RecentProjects::rebuild() {
  menu_->clear();
  const QStringList recent = prefs::recentProjects();
  for (const QString& path : recent)
    menu_->addAction(QFileInfo(path).fileName(), this, [this, path] { Q_EMIT openRequested(path); })
        ->setToolTip(QDir::toNativeSeparators(path));
  if (recent.isEmpty()) {
    menu_->addAction(tr("No recent projects"))->setEnabled(false);
    return;
  }
  menu_->addSeparator();
  menu_->addAction(tr("Clear list"), this, [this] {
    prefs::recentProjects().reset();
    rebuild();
  });
}

}  // namespace droste::ui
