#pragma once
// Background threads (the engine's painting, the background pool's scans and scaling) give way to the GUI thread: on a
// machine with few cores the window must stay responsive while they keep every core busy.
namespace droste::engine {

// Lowers the calling thread's scheduling priority by `niceness` (Linux: the thread's nice value; threads it
// starts later, such as libtorch's intra-op pool, inherit it). Lowering needs no privilege; elsewhere a no-op.
void lowerCurrentThreadPriority(int niceness);

// The niceness the engine's worker thread runs at.
inline constexpr int kEngineNiceness = 10;

}  // namespace droste::engine
