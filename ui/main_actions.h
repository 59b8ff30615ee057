#pragma once
// The main window's actions, menus and tool bar, with their texts, tips and shortcuts in the current
// language. Only structure and words: the window connects each action's triggered() to what it does.
#include <QObject>

class QAction;
class QMainWindow;
class QMenu;
class QToolBar;
class QUndoStack;

namespace droste::ui {

class MainActions : public QObject {
  Q_OBJECT
 public:
  // Creates the actions (children of `window`, with object names tests and shortcuts find), the menu
  // bar and the tool bar of `window`.
  MainActions(QMainWindow* window, QUndoStack* undoStack);

  void retranslate();  // every text again (a language change)
  QMenu* recentMenu() const { return recentMenu_; }

  QAction *newProject, *open, *save, *saveAs, *importImage, *exportMp4, *exportWebm, *exportFrames, *quit;
  QAction *undo, *redo;
  QAction *generateFirst, *addKeyframes, *regenerateSelected, *regenerateStale, *closeLoop, *addExitPicture, *stop;
  QAction *play, *fullScreen;
  QAction *settings, *about;

 private:
  void createMenus(QMainWindow* window);
  void updateUndoTexts();

  QUndoStack* undoStack_;
  QMenu* recentMenu_ = nullptr;
  QMenu *file_ = nullptr, *edit_ = nullptr, *generate_ = nullptr, *view_ = nullptr, *settingsMenu_ = nullptr,
        *help_ = nullptr;
  QToolBar* tools_ = nullptr;
};

}  // namespace droste::ui
