#include "ui/main_window.h"

#include "core/system_info.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace droste::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setObjectName(QStringLiteral("DrosteMainWindow"));
  setWindowTitle(tr("Droste"));
  auto* placeholder = new QLabel(tr("Droste — infinite zoom with Stable Diffusion"), this);
  placeholder->setAlignment(Qt::AlignCenter);
  setCentralWidget(placeholder);
  createMenus();
  statusBar()->showMessage(tr("Ready"));
  resize(1280, 800);
}

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About Droste"), this, [this] {
    QMessageBox::about(this, tr("About Droste"),
                       QStringLiteral("<pre>%1</pre>").arg(systemInfoReport().toHtmlEscaped()));
  });
}

}  // namespace droste::ui
