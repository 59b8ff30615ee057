#pragma once
// Autosave and crash recovery. While a project has unsaved changes, a copy is written (atomically)
// every `interval` to its autosave path: "NAME.droste" -> ".NAME.droste.autosave" beside it, or, for
// a project never saved, "<app data>/autosave/untitled-<pid>.droste". A normal save or close removes it;
// after a crash it is still there, newer than the project, and can be opened instead.
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <optional>

namespace droste::zoom {

class Project;

class Autosaver : public QObject {
  Q_OBJECT
 public:
  explicit Autosaver(Project* project, int intervalMs = 60'000, QObject* parent = nullptr);
  ~Autosaver() override;  // a clean shutdown leaves no autosave behind

  static QString autosavePathFor(const QString& projectPath);  // empty projectPath = untitled
  static QString untitledAutosaveDir();
  QString autosavePath() const;

  // Writes the autosave now when there are unsaved changes. Errors go to the log and lastError().
  void saveNow();
  void discard();  // removes this project's autosave
  QString lastError() const { return lastError_; }

  // The autosave of `projectPath` when one exists and is newer than the project (a crash happened).
  static std::optional<QString> recoverableAutosave(const QString& projectPath);
  // Autosaves of untitled projects left behind by crashed sessions.
  static QStringList orphanedUntitledAutosaves();
  // Opens an autosave into `project` as unsaved changes to `originalPath` (may be empty for untitled).
  static void recover(Project& project, const QString& autosave, const QString& originalPath);

 Q_SIGNALS:
  void autosaved(const QString& path);
  void autosaveFailed(const QString& message);

 private:
  void onModifiedChanged(bool modified);
  void onFilePathChanged();

  QPointer<Project> project_;
  QTimer timer_;
  QString lastPath_;  // autosave path in use (changes when the project is saved under a new name)
  QString lastError_;
};

}  // namespace droste::zoom
