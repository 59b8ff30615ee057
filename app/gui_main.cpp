// The desktop app: settings, then the engine, then the main window; freed in reverse.
#include "core/diffusion/runtime_info.h"
#include "ui/main_window.h"

#include <QApplication>

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("Droste"));
  QApplication::setOrganizationDomain(QStringLiteral("droste.app"));
  QApplication::setApplicationName(QStringLiteral("Droste"));
  QApplication::setApplicationVersion(QStringLiteral(DROSTE_VERSION));
  QApplication::setDesktopFileName(QStringLiteral("app.droste.Droste"));
  droste::diffusion::configureThreads();

  droste::ui::MainWindow window;
  window.show();
  return app.exec();
}
