#pragma once
// Plain settings shared by outpainting, the project document and its file: what an artist chooses.
#include <QString>
#include <QStringList>

#include <optional>

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

// How an imported start image is fitted into the S x S keyframe.
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
struct OutpaintOptions {
  int size = 512;      // S: keyframe side, a multiple of 8
  int outpaint = 128;  // p: ring width added on each side, a multiple of 8 in [8, S/2]
  OutpaintMethod method = OutpaintMethod::Direct;
  PaddingMode padding = PaddingMode::Symmetric;
  int maskOverlap = 0;               // pixels the mask reaches into the old picture (feathered seam); 0..p/2
  bool pasteBack = true;             // put the kept pixels back after painting (the VAE never erodes them)
  bool colorMatch = false;           // match the new ring's colours to the kept border
  bool paintAtKeyframeSize = false;  // paint at S (canvas shrunk first) instead of at the canvas size S+2p

  // Throws std::invalid_argument with an artist-readable message when a value is out of range.
  void validate() const;
  bool operator==(const OutpaintOptions&) const = default;
};

}  // namespace droste::zoom
