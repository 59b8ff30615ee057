#pragma once
// File > Open Recent: the last projects opened or saved (kept in the preferences), newest first.
#include <QObject>
#include <QString>

class QMenu;

namespace droste::ui {

class RecentProjects : public QObject {
  Q_OBJECT
 public:
  explicit RecentProjects(QMenu* menu);
  void add(const QString& path);  // to the top of the list
  void rebuild();                 // the menu's entries again (a language change)

 Q_SIGNALS:
  void openRequested(const QString& path);

 private:
  QMenu* menu_;
};

}  // namespace droste::ui
