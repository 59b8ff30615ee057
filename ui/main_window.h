#pragma once
#include <QMainWindow>

namespace droste::ui {

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);

 private:
  void createMenus();
};

}  // namespace droste::ui
