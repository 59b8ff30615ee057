#pragma once
// What `droste-cli render` and `bench-render` read: a project file, or a folder of keyframe PNGs
// (innermost first in name order) plus the outpaint ring width.
#include "core/render/keyframe_stack.h"
#include "core/zoom/render_copies.h"

#include <QCommandLineParser>
#include <QSize>
#include <QTextStream>
#include <QString>

#include <optional>

namespace droste::cli {

// The keyframes, and the render copies a project file holds for exactly these keyframes (droste-cli detail):
// the file is read once. Throws std::runtime_error naming the file or folder and what to do.
struct KeyframeInput {
  render::KeyframeStack keyframes;
  std::optional<zoom::RenderCopies> renderCopies;  // none for a folder of PNGs
};
KeyframeInput loadKeyframeInput(const QString& path, std::optional<int> outpaint);

// What frames of `frameSize` are drawn from: the render copies when the frames are larger than the keyframes
// and there are copies, else the keyframes. Says which on `log`.
render::KeyframeStack framesSource(KeyframeInput input, QSize frameSize, QTextStream& log);

// Option values in a range; throw std::invalid_argument naming the option and the range.
int parseInt(const QCommandLineParser& p, const QString& name, int lo, int hi);
double parseDouble(const QCommandLineParser& p, const QString& name, double lo, double hi);

// --output-size: "WIDTHxHEIGHT", each side 16 to 8192; throws std::invalid_argument naming the option.
QSize parseOutputSize(const QString& text);
// Even sides (4:2:0 video halves them), at least 2.
int evenRound(double v);
// A frame of the keyframes' shape whose long side is `longSide` (even sides).
QSize frameOfShape(int longSide, QSize keyframe);

}  // namespace droste::cli
