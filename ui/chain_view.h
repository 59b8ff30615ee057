#pragma once
// The keyframe chain on screen: the timeline's thumbnails and badges follow the project, the preview
// shows the selected keyframe (with what it was painted from), the keyframe being painted live, or
// the zoom at the scrubbed position. View only: it reads the session and never changes the project.
#include <QObject>

#include <optional>

namespace droste::engine {
struct Progress;
}

namespace droste::session {
class Session;
}

namespace droste::ui {

class PreviewWidget;
class TimelineWidget;
struct TimelineEntry;

class ChainView : public QObject {
  Q_OBJECT
 public:
  ChainView(session::Session* session, TimelineWidget* timeline, PreviewWidget* preview, QObject* parent = nullptr);

  void refresh();  // every entry and the selected keyframe again (a language change, a new chain)
  void showKeyframe(int index);

 Q_SIGNALS:
  // A keyframe is shown (-1: none); `seed` is its seed, or none for an imported picture.
  void keyframeShown(int index, std::optional<quint64> seed);
  void problem(const QString& message);  // the zoom could not be rendered

 private:
  TimelineEntry entry(int index) const;
  void refreshEntry(int index);
  void showScrub(double position);
  void onProgress(const engine::Progress& p);

  session::Session* session_;
  TimelineWidget* timeline_;
  PreviewWidget* preview_;
  int liveKeyframe_ = -1;
  int liveStep_ = 0, liveTotal_ = 0;
};

}  // namespace droste::ui
