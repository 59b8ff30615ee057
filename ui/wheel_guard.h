#pragma once
// Scrolling the settings panel with the mouse wheel scrolls the panel: a combo box, spin box or slider that
// the pointer passes over takes the wheel only once it has focus (clicked or tabbed to). Otherwise the
// wheel silently changed whatever it passed over (the keyframe size, 512 -> 1536 px, with an undo step).
class QWidget;

namespace droste::ui {

// For every combo box, spin box and slider inside `root` now (call it once the controls exist).
void scrollPastUnfocusedControls(QWidget* root);

}  // namespace droste::ui
