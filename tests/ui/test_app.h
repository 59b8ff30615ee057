#pragma once
// The desktop app as gui_main builds it: the engine, the session, then the window; freed in reverse.
#include "core/engine/engine.h"
#include "core/session/session.h"
#include "ui/main_window.h"

struct TestApp {
  droste::engine::Engine engine;
  droste::session::Session session{&engine};
  droste::ui::MainWindow window{&session};
};
