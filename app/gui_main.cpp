// The desktop app: settings, then the engine, the session and the main window; freed in reverse.
#include "core/catalog/runtime_summary.h"
#include "core/engine/engine.h"
#include "core/session/session.h"
#include "ui/app_preferences.h"
#include "ui/main_window.h"
#include "ui/interface_language.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("Droste"));
  QApplication::setOrganizationDomain(QStringLiteral("droste.app"));
  QApplication::setApplicationName(QStringLiteral("Droste"));
  QApplication::setApplicationVersion(QStringLiteral(DROSTE_VERSION));
  QApplication::setDesktopFileName(QStringLiteral("app.droste.Droste"));

  droste::ui::applyLanguage(droste::ui::prefs::language());

  QCommandLineParser cli;
  cli.setApplicationDescription(QApplication::translate("main", "Infinite zoom videos with Stable Diffusion"));
  cli.addHelpOption();
  cli.addVersionOption();
  cli.addPositionalArgument(QStringLiteral("file"),
                            QApplication::translate("main", "A .droste project to open, or a picture to start from"));
  cli.process(app);

  droste::catalog::configureThreads(droste::ui::prefs::threads());

  droste::engine::Engine engine;  // its worker thread is joined last, after the session and the window
  droste::session::Session session(&engine);
  droste::ui::MainWindow window(&session);
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
