#pragma once
// The app's words for the engine's error kinds (core/errors.h): the engine's message says what
// happened; this says what to do about it here, in the interface's language and with the app's own
// controls (never a command-line flag).
#include "core/errors.h"

#include <QCoreApplication>
#include <QString>

namespace droste::ui {

class ErrorText {
  Q_DECLARE_TR_FUNCTIONS(droste::ui::ErrorText)

 public:
  // Translated; empty when the message says it all.
  static QString adviceFor(ErrorKind kind);
};

}  // namespace droste::ui
