#include "app/cli/progress_line.h"

#include <QtGlobal>

#include <atomic>
#include <cstdio>

namespace droste::cli {
namespace {

// One line per process (the commands run one at a time); the handler runs on whichever thread logs.
std::atomic_bool gLineOpen{false};
QtMessageHandler gPrevious = nullptr;

void endLine() {
  if (gLineOpen.exchange(false)) std::fputc('\n', stderr);
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
