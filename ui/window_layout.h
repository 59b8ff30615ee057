#pragma once
// The main window's widgets and how they are arranged (in the role of a Designer form's Ui class):
// the prompt panel on the left, the model banner over the preview in the middle, the timeline along
// the bottom, the job status in the status bar; the splitters and window geometry are remembered.
class QMainWindow;
class QSplitter;

namespace droste::ui {

class PromptPanel;
class PreviewWidget;
class TimelineWidget;
class ModelBanner;
class JobStatusBar;

struct WindowLayout {
  explicit WindowLayout(QMainWindow* window);  // creates the widgets inside `window`
  void restore();  // the last session's geometry, or a first-start size that fits the screen
  void save() const;

  PromptPanel* panel;
  PreviewWidget* preview;
  ModelBanner* banner;
  TimelineWidget* timeline;
  JobStatusBar* status;

 private:
  QMainWindow* window_;
  QSplitter* mainSplitter_;
  QSplitter* topSplitter_;
};

}  // namespace droste::ui
