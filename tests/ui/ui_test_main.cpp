// Runs every QtTest class of the UI in one binary (keeps link time and binary count down).
#include "tests/ui/main_window_test.h"

#include <QApplication>
#include <QTest>

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  int failures = 0;
  {
    MainWindowTest test;
    failures += QTest::qExec(&test, argc, argv);
  }
  return failures == 0 ? 0 : 1;
}
