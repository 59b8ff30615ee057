#pragma once
// The one progress line a long CLI command redraws in place ("\r"). While it is shown, a log message
// (qCInfo from the engine, a warning) first ends it, so that the message starts a line of its own
// instead of being printed onto the progress.
#include <QString>

namespace droste::cli {

class ProgressLine {
 public:
  ProgressLine();   // routes Qt's log messages through this line while it exists
  ~ProgressLine();  // ends the line and gives the log back
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void show(const QString& text);  // replaces the line's text
  void finish();                   // ends the line (a newline) if one is shown
};

}  // namespace droste::cli
