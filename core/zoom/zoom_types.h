#pragma once
// Plain settings shared by outpainting, the project document and its file: what an artist chooses.
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace droste::zoom {

// How the new ring is painted: all four sides in one generation, or one side at a time
// (left, top, right, bottom), each generation seeing the sides painted before it.
enum class OutpaintMethod { Direct, Sequential };

// How the new ring is pre-filled before the painter sees it.
enum class PaddingMode {
  Symmetric,       // mirror including the edge pixel (numpy 'symmetric'); the default
  Reflect,         // mirror excluding the edge pixel (numpy 'reflect')
  Edge,            // repeat the edge pixel
  Black,           // zeros
  BlurredStretch,  // the picture stretched over the whole canvas and blurred
};

// How an imported picture is fitted into the keyframe (W x H): cropped to its shape, or padded to it.
enum class ImportFit { CenterCrop, Pad };

// Stable names used in project files and on the command line ("direct", "symmetric", ...).
QString toString(OutpaintMethod);
QString toString(PaddingMode);
QString toString(ImportFit);
std::optional<OutpaintMethod> outpaintMethodFromString(const QString&);
std::optional<PaddingMode> paddingModeFromString(const QString&);
std::optional<ImportFit> importFitFromString(const QString&);
QStringList paddingModeNames();

// Everything that decides how one keyframe is outpainted from the previous one.
// Keyframes may have any shape: the ring is `outpaint` on the long sides and in proportion on the short
// ones, so each keyframe zooms out by the same factor on both axes.
struct OutpaintOptions {
  int width = 512;     // W: keyframe width, a multiple of 8
  int height = 512;    // H: keyframe height, a multiple of 8
  int outpaint = 128;  // p: ring added on each long side, a multiple of 8 in [8, long side / 2]
  OutpaintMethod method = OutpaintMethod::Direct;
  PaddingMode padding = PaddingMode::Symmetric;
  int maskOverlap = 0;               // pixels the mask reaches into the old picture (feathered seam); 0..p/2
  bool pasteBack = true;             // put the kept pixels back after painting (the VAE never erodes them)
  bool colorMatch = false;           // match the new ring's colours to the kept border
  bool paintAtKeyframeSize = false;  // paint at S (canvas shrunk first) instead of at the canvas size S+2p

  QSize keyframeSize() const { return {width, height}; }
  int longSide() const { return width >= height ? width : height; }
  // The ring on the left and right, and on the top and bottom: p on the long axis, p x short / long on
  // the other (exact for the rings exactRings() lists).
  int ringX() const;
  int ringY() const;
  QSize canvasSize() const { return {width + 2 * ringX(), height + 2 * ringY()}; }
  // How much wider each keyframe is than the one inside it: (W + 2 ringX) / W, the same on both axes.
  double zoomRatio() const { return double(width + 2 * ringX()) / double(width); }

  // Ring widths p for this keyframe size whose short-side ring is in exact proportion and a multiple of 8
  // (so every canvas is one, also a sequential one growing a side at a time): the only ones validate() accepts.
  std::vector<int> exactRings() const;

  // Throws std::invalid_argument with an artist-readable message when a value is out of range.
  void validate() const;
  bool operator==(const OutpaintOptions&) const = default;
};

}  // namespace droste::zoom
