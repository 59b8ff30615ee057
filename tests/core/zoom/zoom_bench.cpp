// Benchmark of the draft painter and of whole outpainted keyframes (medians; not a test).
//   droste_zoom_bench [--size 512] [--outpaint 128] [--runs 21] [--png-dir DIR]
// With --png-dir it also writes a 6-keyframe chain per method as PNGs, to look at.
#include "core/zoom/draft_painter.h"
#include "core/zoom/geometry.h"
#include "core/zoom/masks.h"
#include "core/zoom/outpaint.h"
#include "core/zoom/padding.h"

#include <QDir>
#include <QElapsedTimer>
#include <QString>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <vector>

using namespace droste::zoom;

namespace {

double cpuMs() { return 1000.0 * double(std::clock()) / CLOCKS_PER_SEC; }

void bench(const char* what, int runs, const std::function<void()>& body) {
  std::vector<double> wall, cpu;
  body();  // warm-up
  for (int i = 0; i < runs; ++i) {
    QElapsedTimer t;
    t.start();
    const double c0 = cpuMs();
    body();
    wall.push_back(t.nsecsElapsed() / 1e6);
    cpu.push_back(cpuMs() - c0);
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  std::printf("%-58s median %7.2f ms wall, %7.2f ms CPU (min %.2f ms wall, %d runs)\n", what, wall[runs / 2],
              cpu[runs / 2], wall.front(), runs);
}

}  // namespace

int main(int argc, char** argv) {
  int size = 512, outpaint = 128, runs = 21;
  QString pngDir;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--size")) size = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--outpaint")) outpaint = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--runs")) runs = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--png-dir")) pngDir = QString::fromLocal8Bit(argv[i + 1]);
  }
  OutpaintOptions options;
  options.width = options.height = size;
  options.outpaint = outpaint;
  DraftPainter painter;
  PaintRequest base;
  base.prompt = QStringLiteral("a lighthouse on a cliff above a stormy sea");
  base.seed = 42;
  const QImage first = paintFirstKeyframe(options, painter, base);
  const auto g = ZoomGeometry::square(size, outpaint);
  const QImage padded = padImage(first, outpaint, outpaint, outpaint, outpaint, PaddingMode::Symmetric);
  const OutpaintMask mask = ringMask(padded.size(), g.innerRectOnCanvas(), 0);
  PaintRequest request = base;
  request.image = padded;
  request.mask = mask.paint;

  std::printf("keyframe %d, ring %d (canvas %d)\n", size, outpaint, g.canvasSize());
  bench("DraftPainter::paint, first keyframe (S x S, all masked)", runs,
        [&] { paintFirstKeyframe(options, painter, base); });
  bench("DraftPainter::paint, ring of the canvas", runs, [&] { painter.paint(request); });
  bench("  part: padImage (symmetric) to the canvas", runs,
        [&] { padImage(first, outpaint, outpaint, outpaint, outpaint, PaddingMode::Symmetric); });
  bench("  part: ringMask of the canvas", runs, [&] { ringMask(padded.size(), g.innerRectOnCanvas(), 0); });
  bench("  part: shrink canvas to S (area spline)", runs, [&] { shrinkCanvasToKeyframe(padded, QSize(size, size)); });
  for (auto method : {OutpaintMethod::Direct, OutpaintMethod::Sequential})
    for (bool atS : {false, true}) {
      options.method = method;
      options.paintAtKeyframeSize = atS;
      const QString label = QStringLiteral("whole keyframe: %1%2, symmetric, draft")
                                .arg(toString(method), atS ? QStringLiteral(" at S") : QString());
      bench(label.toLatin1().constData(), runs, [&] { outpaintKeyframe(first, options, painter, base); });
    }

  if (!pngDir.isEmpty()) {
    QDir().mkpath(pngDir);
    for (auto method : {OutpaintMethod::Direct, OutpaintMethod::Sequential}) {
      options.method = method;
      options.paintAtKeyframeSize = false;
      QImage k = first;
      for (int i = 0; i < 6; ++i) {
        k.save(QStringLiteral("%1/%2_%3.png").arg(pngDir, toString(method)).arg(i));
        PaintRequest r = base;
        r.seed = base.seed + 100 * (i + 1);
        k = outpaintKeyframe(k, options, painter, r);
      }
    }
    std::printf("PNGs written to %s\n", qPrintable(pngDir));
  }
  return 0;
}
