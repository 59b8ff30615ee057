#include "app/cli/progress_line.h"

#include <QtGlobal>

#include <cstdio>

namespace droste::cli {
namespace {

// One line per process (the commands run one at a time); the handler reads it from any thread.
bool gLineOpen = false;
QtMessageHandler gPrevious = nullptr;

void endLine() {
  if (!gLineOpen) return;
  std::fputc('\n', stderr);
  gLineOpen = false;
}

void logOnItsOwnLine(QtMsgType type, const QMessageLogContext& context, const QString& message) {
  endLine();
  if (gPrevious) gPrevious(type, context, message);
}

}  // namespace

ProgressLine::ProgressLine() { gPrevious = qInstallMessageHandler(logOnItsOwnLine); }

ProgressLine::~ProgressLine() {
  finish();
  qInstallMessageHandler(gPrevious);
  gPrevious = nullptr;
}

void ProgressLine::show(const QString& text) {
  std::fputs(("\r" + text + QStringLiteral("   ")).toLocal8Bit().constData(), stderr);
  std::fflush(stderr);
  gLineOpen = true;
}

void ProgressLine::finish() { endLine(); }

}  // namespace droste::cli
