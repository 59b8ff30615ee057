#include "tests/ui/main_window_test.h"

#include "ui/interface_language.h"
#include "ui/job_status_bar.h"
#include "ui/main_window.h"
#include "tests/ui/test_app.h"
#include "ui/model_banner.h"
#include "ui/preview_widget.h"
#include "ui/prompt_panel.h"
#include "ui/timeline_widget.h"

#include <QAction>
#include <QCoreApplication>
#include <QGroupBox>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSlider>
#include <QScopeGuard>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using droste::ui::MainWindow;

void MainWindowTest::showsMenusAndTitle() {
  TestApp app;
  MainWindow& window = app.window;
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  QVERIFY(window.windowTitle().startsWith(QStringLiteral("Droste")));
  QVERIFY(window.windowTitle().contains(QStringLiteral("Untitled")));
  QVERIFY(window.menuBar()->actions().size() >= 2);
}

namespace {
// What the window shows for a few texts of different widgets, to compare across languages.
QStringList visibleTexts(MainWindow& w) {
  QStringList texts;
  texts << w.findChild<QAction*>(QStringLiteral("actionGenerateFirst"))->text();
  texts << w.findChild<QAction*>(QStringLiteral("actionUndo"))->text();
  texts << w.menuBar()->actions().first()->text();  // the File menu
  texts << w.modelBanner()->findChild<QPushButton*>(QStringLiteral("bannerDownloadModel"))->text();
  texts << w.windowTitle();
  texts << w.promptPanel()->findChild<QGroupBox*>()->title();
  texts << w.jobStatus()->findChild<QPushButton*>(QStringLiteral("statusCancel"))->text();
  texts << w.preview()->findChild<QToolButton*>(QStringLiteral("showInputToggle"))->text();
  texts << w.timeline()->findChild<QSlider*>(QStringLiteral("scrubBar"))->toolTip();
  return texts;
}
}  // namespace

void MainWindowTest::languageSwitchRetranslatesTheOpenWindow() {
  droste::ui::applyLanguage(QStringLiteral("en"));
  const auto backToEnglish = qScopeGuard([] { droste::ui::applyLanguage(QStringLiteral("en")); });  // even on failure
  TestApp app;
  MainWindow& window = app.window;
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  const QStringList english = visibleTexts(window);
  QCOMPARE(english.first(), QStringLiteral("&Generate First Keyframe"));

  for (const QString& language : {QStringLiteral("de"), QStringLiteral("pl")}) {
    droste::ui::applyLanguage(language);
    QCOMPARE(droste::ui::currentLanguage(), language);
    QCoreApplication::processEvents();  // LanguageChange reaches the windows as posted events
    const QStringList translated = visibleTexts(window);
    QCOMPARE(translated.first(),
             QCoreApplication::translate("droste::ui::MainActions", "&Generate First Keyframe"));
    for (int i = 0; i < english.size(); ++i)
      QVERIFY2(translated[i] != english[i], qPrintable(QStringLiteral("still English in %1: %2").arg(language, english[i])));
    // Every tool bar button fits a 1280 px window: none falls into the overflow menu (») in any language.
    window.resize(1280, 800);
    QCoreApplication::processEvents();
    auto* overflow = window.findChild<QToolBar*>(QStringLiteral("generateToolbar"))
                         ->findChild<QToolButton*>(QStringLiteral("qt_toolbar_ext_button"));
    QVERIFY(overflow);
    QVERIFY2(!overflow->isVisible(), qPrintable(QStringLiteral("the tool bar overflows in %1").arg(language)));
  }

  droste::ui::applyLanguage(QStringLiteral("en"));
  QCoreApplication::processEvents();
  QCOMPARE(visibleTexts(window), english);

  // English counts in words, not "keyframe(s)"; so does a language Droste has no translation for.
  for (const QString& language : {QStringLiteral("en"), QStringLiteral("fr")}) {
    droste::ui::applyLanguage(language);
    QCOMPARE(droste::ui::currentLanguage(), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("droste::session::Session", "Add %n keyframe(s)", nullptr, 1),
             QStringLiteral("Add 1 keyframe"));
    QCOMPARE(QCoreApplication::translate("droste::engine::Engine", "Adding %n keyframe(s)", nullptr, 3),
             QStringLiteral("Adding 3 keyframes"));
  }
}
