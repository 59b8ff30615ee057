// The desktop app: settings, then the engine, then the main window; freed in reverse.
#include "core/diffusion/runtime_info.h"
#include "core/logging.h"
#include "ui/app_preferences.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

namespace {
// The interface language: the one chosen in Settings, else the system's (LANGUAGE / LANG). Our texts
// are embedded as :/i18n/droste_<language>.qm (translations/CMakeLists.txt); Qt's own (standard
// buttons, file dialogs) come from the system's qtbase_<language>.qm when installed.
// A language changed in Settings is picked up here at the next start.
void installTranslations(QApplication& app) {
  const QString chosen = droste::ui::prefs::language();
  const QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
  auto* qt = new QTranslator(&app);
  if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QApplication::installTranslator(qt);
  auto* ours = new QTranslator(&app);
  if (ours->load(locale, QStringLiteral("droste"), QStringLiteral("_"), QStringLiteral(":/i18n")))
    QApplication::installTranslator(ours);
  else
    qCDebug(lcApp) << "no translation for" << locale.uiLanguages() << "- using English";
}
}  // namespace

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("Droste"));
  QApplication::setOrganizationDomain(QStringLiteral("droste.app"));
  QApplication::setApplicationName(QStringLiteral("Droste"));
  QApplication::setApplicationVersion(QStringLiteral(DROSTE_VERSION));
  QApplication::setDesktopFileName(QStringLiteral("app.droste.Droste"));

  installTranslations(app);

  QCommandLineParser cli;
  cli.setApplicationDescription(QApplication::translate("main", "Infinite zoom videos with Stable Diffusion"));
  cli.addHelpOption();
  cli.addVersionOption();
  cli.addPositionalArgument(QStringLiteral("file"),
                            QApplication::translate("main", "A .droste project to open, or a picture to start from"));
  cli.process(app);

  droste::diffusion::configureThreads(droste::ui::prefs::threads());

  droste::ui::MainWindow window;
  window.show();
  const QStringList files = cli.positionalArguments();
  if (!files.isEmpty()) {
    const QString file = files.first();
    if (file.endsWith(QLatin1String(".droste"), Qt::CaseInsensitive)) window.openProject(file);
    else window.startFromImage(file);
  } else {
    QTimer::singleShot(0, &window, &droste::ui::MainWindow::offerAutosave);
  }
  return app.exec();
}
