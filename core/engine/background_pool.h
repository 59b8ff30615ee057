#pragma once
// Short work off the GUI thread that is not a job: reading model headers for Settings -> Models, smooth
// scaling for the preview and the timeline. Long work (loading, painting, export) is the Engine's, with
// its queue, progress and cancel; everything else that must not block the window comes here. One
// thread at a lower priority than the GUI's, owned by the application object (which waits for it when
// it goes), so that two busy widgets never take both cores of a small machine from the window.
#include <QFuture>
#include <QPromise>

#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace droste::engine {

// Runs task on the background thread. Call from the GUI thread, with a QCoreApplication alive.
void runInBackground(std::function<void()> task);

// The value of compute(), computed on the background thread.
template <typename Compute>
QFuture<std::invoke_result_t<Compute>> computeInBackground(Compute compute) {
  using Result = std::invoke_result_t<Compute>;
  auto promise = std::make_shared<QPromise<Result>>();
  QFuture<Result> future = promise->future();
  promise->start();
  runInBackground([promise, compute = std::move(compute)]() mutable {
    promise->addResult(compute());
    promise->finish();
  });
  return future;
}

}  // namespace droste::engine
