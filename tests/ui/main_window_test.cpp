#include "tests/ui/main_window_test.h"

#include "ui/main_window.h"

#include <QMenuBar>
#include <QTest>

void MainWindowTest::showsMenusAndTitle() {
  droste::ui::MainWindow window;
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  QVERIFY(window.windowTitle().startsWith(QStringLiteral("Droste")));
  QVERIFY(window.windowTitle().contains(QStringLiteral("Untitled")));
  QVERIFY(window.menuBar()->actions().size() >= 2);
}
