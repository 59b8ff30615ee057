// The worker-thread engine: chain jobs, order, progress, previews, cancel, errors, responsiveness.
#include "core/engine/engine.h"
#include "core/zoom/draft_painter.h"
#include "core/zoom/outpaint.h"
#include "core/zoom/project.h"
#include "tests/core/zoom/test_app.h"

#include <QSemaphore>
#include <QThread>
#include <QTimer>
#include <QCoro/QCoroFuture>
#include <QCoro/QCoroTask>

#include <gtest/gtest.h>

#include <atomic>
#include <functional>

using namespace droste;
using namespace droste::engine;
using zoom::KeyframeState;

namespace {

// A painter that takes `steps` steps of `msPerStep` each, like a diffusion run.
class SlowPainter : public zoom::Painter {
 public:
  SlowPainter(int steps, int msPerStep) : steps_(steps), ms_(msPerStep) {}
  QImage paint(const zoom::PaintRequest& r, const zoom::PaintProgressFn& progress,
               const std::atomic_bool* cancel) override {
    for (int i = 0; i < steps_; ++i) {
      throwIfCancelled(cancel);  // checked between steps
      QThread::msleep(ms_);
      ++stepsRun;
      QImage preview(16, 16, QImage::Format_RGB888);
      preview.fill(QColor(i * 10, 0, 0));
      if (progress) progress({i + 1, steps_, preview});
      if (afterStep) afterStep(i + 1);
    }
    QImage out = r.image.copy();
    out.fill(QColor(10, 200, 30));
    return out;
  }
  QString name() const override { return QStringLiteral("slow"); }
  std::atomic<int> stepsRun{0};
  std::function<void(int step)> afterStep;  // runs on the worker thread after each step's progress

 private:
  int steps_, ms_;
};

class FailingPainter : public zoom::Painter {
 public:
  QImage paint(const zoom::PaintRequest&, const zoom::PaintProgressFn&, const std::atomic_bool*) override {
    throw Error(ErrorKind::OutOfMemoryGpu, "the GPU ran out of memory while painting a 128x128 picture");
  }
  QString name() const override { return QStringLiteral("failing"); }
};

void draftProject(zoom::Project& p, int size = 128, int outpaint = 32) {
  zoom::ProjectSettings s;
  s.prompt = QStringLiteral("a forest path");
  s.painter = zoom::PainterKind::Draft;
  s.outpaint.width = s.outpaint.height = size;
  s.outpaint.outpaint = outpaint;
  p.setSettings(s);
}

std::vector<KeyframeState> states(const zoom::Project& p) {
  std::vector<KeyframeState> out;
  for (const auto& k : p.keyframes()) out.push_back(k.state);
  return out;
}

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override { zoom::test::ensureApp(); }
};

}  // namespace

TEST_F(EngineTest, DraftChainFirstNextRegenerateAndStale) {
  Engine engine;
  zoom::Project p;
  draftProject(p);
  JobResult r = QCoro::waitFor(engine.generateFirst(&p));
  ASSERT_TRUE(r.ok) << r.error.toStdString();
  r = QCoro::waitFor(engine.outpaintNext(&p, 3));
  ASSERT_TRUE(r.ok) << r.error.toStdString();
  EXPECT_EQ(r.keyframesPainted, 3);
  ASSERT_EQ(p.keyframeCount(), 4);
  EXPECT_EQ(states(p), std::vector<KeyframeState>(4, KeyframeState::Fresh));

  // The engine paints exactly what the outpainting functions paint with the stored seeds.
  zoom::DraftPainter draft;
  zoom::PaintRequest base;
  base.prompt = p.settings().prompt;
  base.seed = p.keyframe(0).seed;
  base.steps = p.settings().steps;
  base.guidance = p.settings().guidance;
  EXPECT_EQ(p.keyframe(0).image, zoom::paintFirstKeyframe(p.settings().outpaint, draft, base));
  base.seed = p.keyframe(2).seed;
  EXPECT_EQ(p.keyframe(2).image, zoom::outpaintKeyframe(p.keyframe(1).image, p.settings().outpaint, draft, base));

  const QImage old2 = p.keyframe(2).image;
  r = QCoro::waitFor(engine.regenerate(&p, 2, /*keepSeed=*/false));
  ASSERT_TRUE(r.ok);
  EXPECT_NE(p.keyframe(2).image, old2);
  EXPECT_EQ(states(p), (std::vector{KeyframeState::Fresh, KeyframeState::Fresh, KeyframeState::Fresh,
                                    KeyframeState::Stale}));
  r = QCoro::waitFor(engine.regenerateStale(&p));
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.keyframesPainted, 1);
  EXPECT_EQ(states(p), std::vector<KeyframeState>(4, KeyframeState::Fresh));
}

TEST_F(EngineTest, JobsRunInTheOrderTheyWereAskedFor) {
  Engine engine;
  zoom::Project p;
  draftProject(p);
  // Asked for back to back without waiting: the second needs the first one's keyframe.
  auto first = engine.generateFirst(&p);
  auto next = engine.outpaintNext(&p, 2);
  auto stale = engine.regenerateStale(&p);
  EXPECT_TRUE(QCoro::waitFor(std::move(first)).ok);
  EXPECT_TRUE(QCoro::waitFor(std::move(next)).ok);
  EXPECT_TRUE(QCoro::waitFor(std::move(stale)).ok);
  EXPECT_EQ(p.keyframeCount(), 3);
  EXPECT_EQ(states(p), std::vector<KeyframeState>(3, KeyframeState::Fresh));
}

// No wall clock: the painter waits after each step until the calling thread has handled that step's
// progress, and each handled step advances a fake clock by 30 ms. So the caller's event loop provably
// runs during the job (else the painter would wait for ever), and it/s and time left are exact.
TEST_F(EngineTest, NeverBlocksTheCallerAndReportsProgressAndPreviews) {
  Engine engine;
  zoom::Project p;
  draftProject(p);
  ASSERT_TRUE(QCoro::waitFor(engine.generateFirst(&p)).ok);
  std::atomic<qint64> fakeMs{1000};
  engine.setClock([&fakeMs] { return fakeMs.load(); });
  auto slow = std::make_shared<SlowPainter>(10, 0);
  QSemaphore handled;
  std::atomic_bool stalled{false};
  slow->afterStep = [&](int) {
    if (!handled.tryAcquire(1, 30'000)) stalled = true;  // the caller never handled the step
  };
  engine.installPainter(slow, ModelSpec{}).waitForFinished();

  std::vector<Progress> progress;
  int previews = 0, inputs = 0;
  QObject::connect(&engine, &Engine::progress, [&](const Progress& pr) {
    progress.push_back(pr);
    if (pr.step == 0) return;  // a keyframe starting, not a step
    fakeMs += 30;
    handled.release();
  });
  QObject::connect(&engine, &Engine::preview, [&](const QImage&) { ++previews; });
  QObject::connect(&engine, &Engine::paintInputs, [&](const QImage& image, const QImage& mask) {
    ++inputs;
    EXPECT_EQ(image.size(), mask.size());
  });

  auto task = engine.outpaintNext(&p, 2);  // returns at once: the painter cannot finish a step without us
  EXPECT_TRUE(engine.isBusy());
  EXPECT_TRUE(std::none_of(progress.begin(), progress.end(), [](const Progress& pr) { return pr.step > 0; }));
  const JobResult r = QCoro::waitFor(std::move(task));
  ASSERT_TRUE(r.ok) << r.error.toStdString();
  EXPECT_FALSE(stalled.load()) << "the caller's event loop did not run while the engine painted";
  EXPECT_FALSE(engine.isBusy());

  ASSERT_GE(progress.size(), 20u);
  const Progress& lastProgress = progress.back();
  EXPECT_EQ(lastProgress.keyframeNumber, 2);
  EXPECT_EQ(lastProgress.keyframeTotal, 2);
  EXPECT_EQ(lastProgress.step, 10);
  EXPECT_EQ(lastProgress.total, 10);
  EXPECT_NEAR(lastProgress.itPerSec, 1000.0 / 30.0, 1e-6);  // one step per 30 ms of the clock
  EXPECT_NEAR(lastProgress.etaSeconds, 0.0, 1e-9);
  // Half-way through the job the ETA is the remaining 9 steps x 30 ms.
  const auto mid = std::find_if(progress.begin(), progress.end(),
                                [](const Progress& pr) { return pr.keyframeNumber == 2 && pr.step == 1; });
  ASSERT_NE(mid, progress.end());
  EXPECT_NEAR(mid->etaSeconds, 9 * 0.030, 1e-6);
  EXPECT_EQ(previews, 20);
  EXPECT_EQ(inputs, 2);
}

TEST_F(EngineTest, CancelStopsWithinOneStepAndDropsQueuedJobs) {
  Engine engine;
  zoom::Project p;
  draftProject(p);
  ASSERT_TRUE(QCoro::waitFor(engine.generateFirst(&p)).ok);
  auto slow = std::make_shared<SlowPainter>(50, 40);
  engine.installPainter(slow, ModelSpec{}).waitForFinished();

  int stepsAtCancel = -1;
  QObject::connect(&engine, &Engine::progress, [&](const Progress& pr) {
    if (pr.step == 3 && stepsAtCancel < 0) {
      stepsAtCancel = slow->stepsRun.load();
      engine.cancel();
    }
  });
  auto running = engine.outpaintNext(&p, 1);
  auto queued = engine.outpaintNext(&p, 1);
  const JobResult r = QCoro::waitFor(std::move(running));
  EXPECT_TRUE(r.cancelled);
  EXPECT_FALSE(r.ok);
  // Counted in steps, not milliseconds: at most the step running when cancel() came finishes.
  const int stepsWhenStopped = slow->stepsRun.load();
  EXPECT_LE(stepsWhenStopped - stepsAtCancel, 1) << "more than one step ran after cancel()";
  const JobResult q = QCoro::waitFor(std::move(queued));
  EXPECT_TRUE(q.cancelled);
  EXPECT_EQ(slow->stepsRun.load(), stepsWhenStopped) << "the job queued behind the cancelled one painted";
  EXPECT_EQ(p.keyframeCount(), 1);  // the keyframe being appended never got a picture and went away
  EXPECT_EQ(p.keyframe(0).state, KeyframeState::Fresh);

  // The engine works again afterwards.
  slow = std::make_shared<SlowPainter>(2, 1);
  engine.installPainter(slow, ModelSpec{}).waitForFinished();
  EXPECT_TRUE(QCoro::waitFor(engine.outpaintNext(&p, 1)).ok);
  EXPECT_EQ(p.keyframeCount(), 2);
}

TEST_F(EngineTest, ErrorsBecomeResultsAndTheEngineStaysUsable) {
  Engine engine;
  zoom::Project p;
  draftProject(p);
  ASSERT_TRUE(QCoro::waitFor(engine.generateFirst(&p)).ok);
  engine.installPainter(std::make_shared<FailingPainter>(), ModelSpec{}).waitForFinished();
  QString failure;
  QObject::connect(&engine, &Engine::jobFailed, [&](const QString& m) { failure = m; });
  JobResult r = QCoro::waitFor(engine.outpaintNext(&p, 1));
  EXPECT_FALSE(r.ok);
  EXPECT_FALSE(r.cancelled);
  EXPECT_TRUE(r.error.contains(QStringLiteral("out of memory")));
  EXPECT_EQ(r.errorKind, ErrorKind::OutOfMemoryGpu) << "the kind travels with the message";
  EXPECT_EQ(failure, r.error);
  ASSERT_EQ(p.keyframeCount(), 2);
  EXPECT_EQ(p.keyframe(1).state, KeyframeState::Failed);
  EXPECT_EQ(p.keyframe(1).error, r.error);

  // A model that cannot be loaded is an error result too, and the draft painter still works after it.
  zoom::ProjectSettings s = p.settings();
  s.painter = zoom::PainterKind::StableDiffusion;
  s.model = QStringLiteral("/nonexistent/model");
  p.setSettings(s);
  r = QCoro::waitFor(engine.regenerateStale(&p));
  EXPECT_FALSE(r.ok);
  EXPECT_FALSE(r.error.isEmpty());
  s.painter = zoom::PainterKind::Draft;
  p.setSettings(s);
  r = QCoro::waitFor(engine.regenerateStale(&p));
  EXPECT_TRUE(r.ok) << r.error.toStdString();
  EXPECT_EQ(p.keyframe(1).state, KeyframeState::Fresh);
}

TEST_F(EngineTest, DestroyingTheEngineMidJobIsSafe) {
  zoom::Project p;
  draftProject(p);
  auto engine = std::make_unique<Engine>();
  ASSERT_TRUE(QCoro::waitFor(engine->generateFirst(&p)).ok);
  auto slow = std::make_shared<SlowPainter>(100, 20);
  engine->installPainter(slow, ModelSpec{}).waitForFinished();
  auto task = engine->outpaintNext(&p, 1);
  ASSERT_TRUE(zoom::test::spinUntil([&slow] { return slow->stepsRun.load() >= 2; }, 30'000));
  const int stepsAtReset = slow->stepsRun.load();
  engine.reset();  // cancels, joins the worker: returns after the running step, not after all 100
  EXPECT_LE(slow->stepsRun.load() - stepsAtReset, 1);
  const JobResult r = QCoro::waitFor(std::move(task));
  EXPECT_FALSE(r.ok);
}
