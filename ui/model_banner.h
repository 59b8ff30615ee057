#pragma once
// The first-run banner above the preview: no model was found, the draft painter is used meanwhile,
// and here is how to choose one.
#include <QFrame>

namespace droste::ui {

class ModelBanner : public QFrame {
  Q_OBJECT
 public:
  explicit ModelBanner(QWidget* parent = nullptr);

 Q_SIGNALS:
  void chooseFolder();
  void chooseFile();
  void dismissed();
};

}  // namespace droste::ui
