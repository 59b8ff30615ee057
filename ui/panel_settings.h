#pragma once
// The prompt panel's values <-> the project's settings. The seed field is the panel's own unless it is
// locked: a locked seed, like the number of keyframes to add, is kept with the project.
#include "core/zoom/keyframe.h"
#include "ui/prompt_panel.h"

namespace droste::ui {

inline constexpr auto kDraftModelEntry = "@draft";  // the model picker's entry for the draft painter

// The panel's values showing `settings`; the panel-only fields stay as in `panel`.
PanelValues panelValuesFor(const zoom::ProjectSettings& settings, PanelValues panel);
// `settings` with what the panel shows.
zoom::ProjectSettings settingsFromPanel(const PanelValues& panel, zoom::ProjectSettings settings);
QString undoTextForField(const QString& field);  // "Change sampler"

}  // namespace droste::ui
