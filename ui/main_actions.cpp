#include "ui/main_actions.h"

#include <QAction>
#include <QKeySequence>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QUndoStack>

namespace droste::ui {

MainActions::MainActions(QMainWindow* window, QUndoStack* undoStack) : QObject(window), undoStack_(undoStack) {
  auto make = [window](const char* objectName) {
    auto* action = new QAction(window);
    action->setObjectName(QString::fromLatin1(objectName));
    return action;
  };
  newProject = make("actionNew");
  open = make("actionOpen");
  save = make("actionSave");
  saveAs = make("actionSaveAs");
  importImage = make("actionImport");
  exportMp4 = make("actionExportMp4");
  exportWebm = make("actionExportWebm");
  exportFrames = make("actionExportFrames");
  quit = make("actionQuit");
  quit->setMenuRole(QAction::QuitRole);
  // Our own undo/redo actions (not QUndoStack::createUndoAction): their prefix must follow the language.
  undo = make("actionUndo");
  redo = make("actionRedo");
  connect(undoStack, &QUndoStack::undoTextChanged, this, &MainActions::updateUndoTexts);
  connect(undoStack, &QUndoStack::redoTextChanged, this, &MainActions::updateUndoTexts);
  generateFirst = make("actionGenerateFirst");
  addKeyframes = make("actionAddKeyframes");
  regenerateSelected = make("actionRegenerateSelected");
  regenerateStale = make("actionRegenerateStale");
  closeLoop = make("actionCloseLoop");
  addExitPicture = make("actionAddExitPicture");
  stop = make("actionStop");
  play = make("actionPlay");
  fullScreen = make("actionFullScreen");
  fullScreen->setCheckable(true);
  settings = make("actionSettings");
  settings->setMenuRole(QAction::PreferencesRole);
  about = make("actionAbout");
  about->setMenuRole(QAction::AboutRole);
  createMenus(window);
  retranslate();
}

void MainActions::createMenus(QMainWindow* window) {
  // A null entry is a separator.
  using Entries = std::initializer_list<QAction*>;
  const auto fill = [](QWidget* target, Entries entries) {
    for (QAction* a : entries) {
      if (!a) {
        a = new QAction(target);
        a->setSeparator(true);
      }
      target->addAction(a);
    }
  };
  const auto menu = [window, &fill](Entries entries) {
    QMenu* m = window->menuBar()->addMenu(QString());
    fill(m, entries);
    return m;
  };
  file_ = menu({newProject, open});
  recentMenu_ = file_->addMenu(QString());
  recentMenu_->setObjectName(QStringLiteral("menuRecent"));
  fill(file_, {save, saveAs, nullptr, importImage, nullptr, exportMp4, exportWebm, exportFrames, nullptr, quit});
  edit_ = menu({undo, redo});
  generate_ = menu({generateFirst, addKeyframes, nullptr, regenerateSelected, regenerateStale, nullptr, closeLoop,
                    addExitPicture, nullptr, stop});
  view_ = menu({play, fullScreen});
  settingsMenu_ = menu({settings});
  help_ = menu({about});

  tools_ = window->addToolBar(QString());
  tools_->setObjectName(QStringLiteral("generateToolbar"));
  tools_->setToolButtonStyle(Qt::ToolButtonTextOnly);
  tools_->setMovable(false);
  fill(tools_, {generateFirst, addKeyframes, regenerateSelected, regenerateStale, stop, nullptr, undo, redo, nullptr,
                play, exportMp4});
}

void MainActions::retranslate() {
  // Text, status tip, tooltip ("tip (shortcut)") and shortcut of one action.
  auto describe = [](QAction* action, const QString& text, const QKeySequence& keys, const QString& tip) {
    action->setText(text);
    if (!keys.isEmpty()) action->setShortcut(keys);
    action->setStatusTip(tip);
    const QString shortcut = keys.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(keys.toString(QKeySequence::NativeText));
    action->setToolTip(tip.isEmpty() ? QString(text).remove(QLatin1Char('&')) : tip + shortcut);
  };
  describe(newProject, tr("&New Project"), QKeySequence::New, tr("Start an empty project"));
  describe(open, tr("&Open…"), QKeySequence::Open, tr("Open a .droste project"));
  describe(save, tr("&Save"), QKeySequence::Save, tr("Save the project"));
  describe(saveAs, tr("Save &As…"), QKeySequence::SaveAs, tr("Save the project under a new name"));
  describe(importImage, tr("&Import Start Image…"), QKeySequence(tr("Ctrl+I")),
           tr("Use a picture of your own as the first keyframe and zoom out of it"));
  describe(exportMp4, tr("Export &MP4…"), QKeySequence(tr("Ctrl+E")), tr("Render the zoom as an H.264 MP4 video"));
  describe(exportWebm, tr("Export &WebM…"), {}, tr("Render the zoom as a VP9 WebM video"));
  describe(exportFrames, tr("Export &Frames…"), {}, tr("Render every frame of the zoom as a PNG file"));
  describe(quit, tr("&Quit"), QKeySequence::Quit, {});
  undo->setShortcut(QKeySequence::Undo);
  redo->setShortcut(QKeySequence::Redo);
  updateUndoTexts();
  describe(generateFirst, tr("&Generate First Keyframe"), QKeySequence(tr("Ctrl+G")),
           tr("Paint the innermost picture from the prompt"));
  describe(addKeyframes, tr("&Add Keyframes"), QKeySequence(tr("Ctrl+Shift+A")),
           tr("Zoom out: paint new keyframes around the last one"));
  describe(regenerateSelected, tr("&Regenerate Selected"), QKeySequence(tr("Ctrl+R")),
           tr("Paint the selected keyframe again with a new seed; later ones turn stale"));
  describe(regenerateStale, tr("Regenerate &Stale"), QKeySequence(tr("Ctrl+Shift+R")),
           tr("Repaint every stale or failed keyframe, in order"));
  describe(closeLoop, tr("Close the &Loop"), QKeySequence(tr("Ctrl+Shift+L")),
           tr("Make the zoom endless: the outermost keyframe becomes the first one, its seam is repainted, and the "
              "video loops without a jump"));
  describe(addExitPicture, tr("End on a &Picture…"), {},
           tr("Add a picture of your own as the last keyframe: the zoom ends on it (its seam is repainted)"));
  describe(stop, tr("S&top"), QKeySequence(Qt::Key_Escape), tr("Stop painting or exporting; finished keyframes are kept"));
  describe(play, tr("&Play Preview"), QKeySequence(Qt::Key_Space),
           tr("Render a quick low-resolution video of the zoom and play it in a loop"));
  describe(fullScreen, tr("&Full Screen"), QKeySequence::FullScreen, {});
  describe(settings, tr("&Preferences…"), QKeySequence::Preferences,
           tr("Model location, device, precision, threads, language"));
  describe(about, tr("&About Droste"), {}, {});
  // The tool bar's short words: every button must fit a 1280 px window in every language (the menus keep
  // the full names). Undo and redo stay short there, whatever step they would undo.
  generateFirst->setIconText(tr("Generate", "tool bar button"));
  addKeyframes->setIconText(tr("Add Keyframes"));
  regenerateSelected->setIconText(tr("Regenerate"));
  regenerateStale->setIconText(tr("Repaint Stale"));
  stop->setIconText(tr("Stop"));
  undo->setIconText(tr("Undo"));
  redo->setIconText(tr("Redo"));
  play->setIconText(tr("Play"));
  exportMp4->setIconText(tr("Export MP4"));

  file_->setTitle(tr("&File"));
  recentMenu_->setTitle(tr("Open &Recent"));
  edit_->setTitle(tr("&Edit"));
  generate_->setTitle(tr("&Generate"));
  view_->setTitle(tr("&View"));
  settingsMenu_->setTitle(tr("&Settings"));
  help_->setTitle(tr("&Help"));
  tools_->setWindowTitle(tr("Generate"));
}

void MainActions::updateUndoTexts() {
  const QString undoText = undoStack_->undoText(), redoText = undoStack_->redoText();
  undo->setText(undoText.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(undoText));
  redo->setText(redoText.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(redoText));
}

}  // namespace droste::ui
