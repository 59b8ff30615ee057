// Runs every QtTest class of the UI in one binary (keeps link time and binary count down).
#include "tests/ui/main_window_flow_test.h"
#include "tests/ui/main_window_test.h"
#include "tests/ui/model_management_test.h"
#include "tests/ui/widgets_test.h"
#include "ui/interface_language.h"

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

namespace {

// Runs one test class. A test function named on the command line runs only in the class that has it.
template <typename TestClass>
int runClass(int argc, char* argv[]) {
  TestClass test;
  if (argc > 1 && argv[argc - 1][0] != '-') {
    const QByteArray function = QByteArray(argv[argc - 1]) + "()";
    if (test.metaObject()->indexOfMethod(function.constData()) < 0) return 0;
  }
  return QTest::qExec(&test, argc, argv);
}

}  // namespace

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  // Settings and app data go to a test location, never the developer's own.
  QStandardPaths::setTestModeEnabled(true);
  QApplication::setOrganizationName(QStringLiteral("DrosteTests"));
  QApplication::setApplicationName(QStringLiteral("droste_ui_tests"));
  QSettings().clear();  // every run starts as a new user would: nothing remembered from the last one
  droste::ui::applyLanguage(QStringLiteral("en"));  // as the app does at start: English with its plural forms
  int failures = 0;
  failures += runClass<WidgetsTest>(argc, argv);
  failures += runClass<MainWindowTest>(argc, argv);
  failures += runClass<MainWindowFlowTest>(argc, argv);
  failures += runClass<ModelManagementTest>(argc, argv);
  return failures == 0 ? 0 : 1;
}
