#include "core/engine/thread_priority.h"

#include "core/logging.h"

#ifdef __linux__
#include <cerrno>
#include <cstring>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace droste::engine {

void lowerCurrentThreadPriority(int niceness) {
#ifdef __linux__
  // On Linux a nice value belongs to a thread (PRIO_PROCESS with a thread id), not to the whole process.
  const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
  errno = 0;
  const int current = ::getpriority(PRIO_PROCESS, tid);
  if (errno != 0) return;
  if (::setpriority(PRIO_PROCESS, tid, current + niceness) != 0)
    qCDebug(lcEngine) << "could not lower the thread priority:" << std::strerror(errno);
#else
  (void)niceness;
#endif
}

}  // namespace droste::engine
