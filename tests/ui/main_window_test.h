#pragma once
#include <QObject>

class MainWindowTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void showsMenusAndTitle();
  void languageSwitchRetranslatesTheOpenWindow();
};
