#pragma once
// One keyframe of the chain and the project-wide settings.
#include "core/zoom/zoom_types.h"

#include <QImage>
#include <QString>

#include <cstdint>
#include <optional>

namespace droste::zoom {

// Fresh: image matches its inputs. Stale: an earlier keyframe (or its own prompt/seed) changed since it
// was painted, or it was inserted and never painted. Generating: the engine is painting it now.
// Failed: the last attempt failed (error() says why); the previous image, if any, is kept.
enum class KeyframeState { Fresh, Stale, Generating, Failed };
QString toString(KeyframeState);
std::optional<KeyframeState> keyframeStateFromString(const QString&);

struct Keyframe {
  QImage image;                          // W x H, Format_RGB888; null while never painted
  std::optional<QString> prompt;         // nullopt: use the project's prompt
  std::optional<QString> negativePrompt; // nullopt: use the project's negative prompt
  std::uint64_t seed = 0;
  KeyframeState state = KeyframeState::Stale;
  bool imported = false;                 // keyframe 0 brought in from an image, not painted
  QString error;                         // why the last generation failed (state Failed)

  bool operator==(const Keyframe&) const = default;
};

// Which painter makes the pictures: the diffusion model, or the instant model-free draft painter.
enum class PainterKind { StableDiffusion, Draft };
QString toString(PainterKind);
std::optional<PainterKind> painterKindFromString(const QString&);

struct ProjectSettings {
  QString prompt;
  QString negativePrompt;
  QString model;       // model folder, single checkpoint file or repo id; empty = none chosen
  QString scheduler;   // empty = the model's own
  int steps = 25;
  double guidance = 7.5;
  PainterKind painter = PainterKind::StableDiffusion;
  OutpaintOptions outpaint;  // size, ring, method, padding, overlap, paste-back, colour match
  // The artist's choices for the next keyframes, kept with the project.
  std::optional<std::uint64_t> lockedSeed;  // every new keyframe (and a repaint) gets it; none: a fresh seed each
  int keyframesToAdd = 3;                   // what "Add keyframes" paints

  bool operator==(const ProjectSettings&) const = default;
};

// The keyframe's own prompts, or the project's where it has none (what it is painted and detailed with).
inline QString effectivePrompt(const Keyframe& k, const ProjectSettings& s) { return k.prompt.value_or(s.prompt); }
inline QString effectiveNegativePrompt(const Keyframe& k, const ProjectSettings& s) {
  return k.negativePrompt.value_or(s.negativePrompt);
}

}  // namespace droste::zoom
