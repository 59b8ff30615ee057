#pragma once
// The project document: the single source of truth for settings and the keyframe chain.
// Lives on the GUI thread; the engine reads snapshots of it and writes results back on this thread.
// Every change emits a signal, so views and undo commands stay in step.
#include "core/zoom/keyframe.h"
#include "core/zoom/render_copies.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <vector>

namespace droste::zoom {

class Project : public QObject {
  Q_OBJECT
 public:
  explicit Project(QObject* parent = nullptr);
  ~Project() override;

  // ---- settings
  const ProjectSettings& settings() const { return settings_; }
  void setSettings(const ProjectSettings& settings);  // emits settingsChanged (no-op when equal)

  // ---- keyframes (index 0 = the innermost picture; k+1 = k zoomed out)
  int keyframeCount() const { return static_cast<int>(keyframes_.size()); }
  const Keyframe& keyframe(int index) const;  // throws std::out_of_range
  const std::vector<Keyframe>& keyframes() const { return keyframes_; }
  QString effectivePrompt(int index) const;          // the keyframe's override or the project's prompt
  QString effectiveNegativePrompt(int index) const;

  // Raw edits (used by undo commands; they do not touch other keyframes' states).
  void insertKeyframe(int index, const Keyframe& keyframe);  // 0 <= index <= count; emits keyframeInserted
  Keyframe takeKeyframe(int index);                          // removes and returns it; emits keyframeRemoved
  void replaceKeyframe(int index, const Keyframe& keyframe); // emits keyframeChanged
  void setKeyframeImage(int index, const QImage& image, KeyframeState state = KeyframeState::Fresh);
  void setKeyframeState(int index, KeyframeState state, const QString& error = {});
  void setKeyframePrompt(int index, const std::optional<QString>& prompt,
                         const std::optional<QString>& negativePrompt);  // marks it and later ones stale
  void setKeyframeSeed(int index, std::uint64_t seed);                      // marks it and later ones stale

  // ---- chain edits with the artist's meaning (states follow the rules of the chain)
  // A new empty keyframe after `index` (at index+1), stale, with a new random seed; later ones turn stale.
  void insertKeyframeAfter(int index);
  // Appends an empty stale keyframe with a new random seed (to be outpainted from the last one).
  void appendKeyframe();
  // Deletes keyframe `index`; the keyframes after it turn stale when it had a predecessor
  // (their centres no longer match), none do when it was keyframe 0 or the last one.
  void deleteKeyframe(int index);
  // Prepares keyframe `index` for regeneration: a new random seed unless keepSeed; marks it stale and every
  // later keyframe stale. The engine then repaints it.
  void prepareRegenerate(int index, bool keepSeed);
  // Marks every keyframe after `index` stale (an earlier picture changed).
  void markLaterStale(int index);
  // Indices that need painting, in chain order (stale or failed).
  std::vector<int> staleKeyframes() const;
  // Replaces keyframe 0 with an imported picture fitted to the keyframe size; later keyframes turn stale.
  void importFirstKeyframe(const QImage& image, ImportFit fit);
  // Removes every keyframe.
  void clearKeyframes();

  // ---- render copies (large videos): kept and saved while they belong to the chain as it is
  std::optional<RenderCopies> currentRenderCopies() const;  // nullopt when none or the chain changed since
  void setRenderCopies(std::optional<RenderCopies> copies);  // emits renderCopiesChanged

  // ---- file
  QString filePath() const { return filePath_; }
  bool isModified() const { return modified_; }
  // Writes atomically (temporary file, then rename); on success becomes the document's path and unmodified.
  // Throws std::runtime_error with a readable message; on failure the file on disk is unchanged.
  void save(const QString& path);
  void save() { save(filePath_); }
  // Writes a copy without changing path or modified flag (autosave).
  void saveCopy(const QString& path) const;
  // Replaces this document's contents with the file's. Throws (and changes nothing) when the file is
  // missing, damaged, or from a newer Droste.
  void load(const QString& path);
  void setModified(bool modified);
  void setFilePath(const QString& path);

  // A new random seed (never 0 twice in a row; from a random device).
  static std::uint64_t randomSeed();

 Q_SIGNALS:
  void settingsChanged();
  void keyframeInserted(int index);
  void keyframeRemoved(int index);
  void keyframeChanged(int index);      // image, prompt, seed or state
  void keyframesReset();                // load / clear: everything changed
  void renderCopiesChanged();
  void modifiedChanged(bool modified);
  void filePathChanged(const QString& path);

 private:
  void checkIndex(int index, const char* what) const;
  void touch();  // sets modified

  ProjectSettings settings_;
  std::vector<Keyframe> keyframes_;
  std::optional<RenderCopies> renderCopies_;
  // Whether renderCopies_ were made from the chain as it is now. Telling hashes every keyframe, so each save and
  // autosave would; remembered until the project changes (touch, load).
  mutable std::optional<bool> renderCopiesCurrent_;
  QString filePath_;
  bool modified_ = false;
};

}  // namespace droste::zoom
