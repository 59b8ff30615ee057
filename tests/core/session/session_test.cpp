// The session controller without widgets: each job is committed as one undo step or leaves the project
// exactly as it was; edits are undoable; exports are engine jobs with frame progress, cancel and a queue.
#include "core/session/session.h"

#include "core/engine/engine.h"
#include "core/render/zoom_renderer.h"
#include "core/render/zoom_timing.h"
#include "core/zoom/draft_painter.h"
#include "core/zoom/geometry.h"
#include "core/zoom/painter.h"
#include "core/zoom/project.h"
#include "core/zoom/seam.h"
#include "tests/core/zoom/test_app.h"
#include "tests/core/zoom/zoom_test_util.h"

#include <QCoro/QCoroTask>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>

using namespace droste;
using engine::JobResult;
using zoom::KeyframeState;

namespace {

// Paints a flat colour in `steps` steps, sleeping `msPerStep` in each (checked for cancel between them).
class StepPainter : public zoom::Painter {
 public:
  explicit StepPainter(int steps = 2, int msPerStep = 0) : steps_(steps), ms_(msPerStep) {}
  QImage paint(const zoom::PaintRequest& r, const zoom::PaintProgressFn& progress,
               const std::atomic_bool* cancel) override {
    for (int i = 0; i < steps_; ++i) {
      throwIfCancelled(cancel);
      QThread::msleep(ms_);
      if (progress) progress({i + 1, steps_, QImage()});
    }
    QImage out = r.image.copy();
    out.fill(QColor(int(r.seed % 200), 120, 40));
    return out;
  }
  QString name() const override { return QStringLiteral("steps"); }

 private:
  int steps_, ms_;
};

class FailingPainter : public zoom::Painter {
 public:
  QImage paint(const zoom::PaintRequest&, const zoom::PaintProgressFn&, const std::atomic_bool*) override {
    throw std::runtime_error("The painter failed on purpose");
  }
  QString name() const override { return QStringLiteral("failing"); }
};

class SessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    zoom::test::ensureApp();
    zoom::ProjectSettings s;
    s.prompt = QStringLiteral("a lighthouse");
    s.painter = zoom::PainterKind::Draft;  // the installed painters below stand in for it
    s.outpaint.width = s.outpaint.height = 64;
    s.outpaint.outpaint = 16;
    session.project()->setSettings(s);
    session.undoStack()->clear();
    use(std::make_shared<StepPainter>());
  }
  void use(std::shared_ptr<zoom::Painter> painter) {
    engine.installPainter(std::move(painter), engine::ModelSpec{}).waitForFinished();
  }
  // A chain of `count` painted keyframes, as one undo step each.
  void paintChain(int count) {
    ASSERT_TRUE(QCoro::waitFor(session.generateFirst(7)).ok);
    if (count > 1) {
      ASSERT_TRUE(QCoro::waitFor(session.addKeyframes(count - 1, std::nullopt)).ok);
    }
  }

  // The application object first, as in the app: Qt drops (and frees unseen) an event posted to the engine's
  // thread before the application exists, which ThreadSanitizer rightly flags.
  const bool appReady = (zoom::test::ensureApp(), true);
  engine::Engine engine;
  session::Session session{&engine};
};

std::vector<KeyframeState> states(const zoom::Project& p) {
  std::vector<KeyframeState> out;
  for (const auto& k : p.keyframes()) out.push_back(k.state);
  return out;
}

}  // namespace

TEST_F(SessionTest, EachPaintingJobIsOneUndoStep) {
  paintChain(3);
  EXPECT_EQ(session.project()->keyframeCount(), 3);
  EXPECT_EQ(session.undoStack()->count(), 2);
  EXPECT_EQ(session.undoStack()->undoText().toStdString(), "Add 2 keyframe(s)");
  EXPECT_EQ(session.project()->keyframe(0).seed, 7u);
  ASSERT_TRUE(session.paintInputs(1).has_value());  // what keyframe 2 was painted from, for the preview
  EXPECT_FALSE(session.paintInputs(1)->mask.isNull());

  session.undoStack()->undo();
  EXPECT_EQ(session.project()->keyframeCount(), 1);
  session.undoStack()->redo();
  EXPECT_EQ(session.project()->keyframeCount(), 3);
  EXPECT_EQ(states(*session.project()), std::vector<KeyframeState>(3, KeyframeState::Fresh));
}

// Closing the loop is one undo step: the ends become one picture; undo brings the chain back.
TEST_F(SessionTest, ClosingTheLoopIsOneUndoStep) {
  use(std::make_shared<zoom::DraftPainter>());
  paintChain(2);
  EXPECT_FALSE(QCoro::waitFor(session.closeLoop()).ok);  // two keyframes cannot hold each other
  EXPECT_EQ(session.undoStack()->count(), 2);
  ASSERT_TRUE(QCoro::waitFor(session.addKeyframes(2, std::nullopt)).ok);
  const std::vector<zoom::Keyframe> open = session.project()->keyframes();
  const JobResult r = QCoro::waitFor(session.closeLoop());
  ASSERT_TRUE(r.ok) << r.error.toStdString();
  EXPECT_EQ(session.undoStack()->undoText().toStdString(), "Close the loop");
  EXPECT_EQ(session.project()->keyframe(0).image, session.project()->keyframe(3).image);
  EXPECT_NE(session.project()->keyframe(0).image, open[0].image);
  EXPECT_EQ(states(*session.project()), std::vector<KeyframeState>(4, KeyframeState::Fresh));
  session.undoStack()->undo();
  EXPECT_TRUE(session.project()->keyframes() == open);
}

// A keyframe replaced by a picture, and a picture the zoom ends on: one undo step each; the picture
// counts as imported (never repainted) and the keyframes after it turn stale.
TEST_F(SessionTest, PicturesReplaceKeyframesAndEndTheZoom) {
  use(std::make_shared<zoom::DraftPainter>());
  paintChain(3);
  QImage picture(90, 60, QImage::Format_RGB888);
  picture.fill(QColor(200, 40, 90));
  const int steps = session.undoStack()->count();
  ASSERT_TRUE(QCoro::waitFor(session.replaceWithPicture(1, picture)).ok);
  EXPECT_TRUE(session.project()->keyframe(1).imported);
  EXPECT_EQ(session.project()->keyframe(1).image.size(), QSize(64, 64));
  EXPECT_EQ(session.project()->keyframe(1).image.pixelColor(0, 0), QColor(200, 40, 90));  // outside the seam
  EXPECT_EQ(states(*session.project()),
            (std::vector<KeyframeState>{KeyframeState::Fresh, KeyframeState::Fresh, KeyframeState::Stale}));
  EXPECT_EQ(session.undoStack()->undoText().toStdString(), "Replace keyframe 2 with a picture");
  ASSERT_TRUE(QCoro::waitFor(session.regenerateStale()).ok);
  // A new keyframe inside the picture: the picture turns stale and takes the new one in (it is not repainted).
  ASSERT_TRUE(QCoro::waitFor(session.regenerate(0, false, std::nullopt)).ok);
  EXPECT_EQ(session.project()->keyframe(1).state, KeyframeState::Stale);
  ASSERT_TRUE(QCoro::waitFor(session.regenerateStale()).ok);
  const zoom::Keyframe& refitted = session.project()->keyframe(1);
  EXPECT_TRUE(refitted.imported);
  EXPECT_EQ(refitted.state, KeyframeState::Fresh);
  EXPECT_EQ(refitted.image.pixelColor(0, 0), QColor(200, 40, 90));
  zoom::OutpaintOptions options = session.project()->settings().outpaint;
  EXPECT_GE(zoom::test::keptAreaPsnr(refitted.image, session.project()->keyframe(0).image, zoom::ZoomGeometry::of(options),
                                     zoom::seamInside(options)),
            40.0);
  ASSERT_TRUE(QCoro::waitFor(session.replaceWithPicture(3, picture)).ok);
  EXPECT_EQ(session.project()->keyframeCount(), 4);
  EXPECT_TRUE(session.project()->keyframe(3).imported);
  EXPECT_EQ(session.undoStack()->undoText().toStdString(), "Add an exit picture");
  EXPECT_EQ(session.undoStack()->count(), steps + 5);
  session.undoStack()->undo();
  EXPECT_EQ(session.project()->keyframeCount(), 3);
}

TEST_F(SessionTest, AModelChosenBeforePaintingSetsItsNativeKeyframeSize) {
  zoom::ProjectSettings s = session.project()->settings();
  s.outpaint.width = 1024;
  s.outpaint.height = 576;  // 16:9 at 1024
  s.outpaint.outpaint = 128;
  session.project()->setSettings(s);
  session.undoStack()->clear();
  // An SDXL model (native 1024): the shape and size stay. An SD model (512): 16:9 at 512; the ring in
  // proportion would be 64, but at 512 x 288 only 128 and 256 zoom both axes evenly: the nearest, 128.
  EXPECT_FALSE(session.setModel(QStringLiteral("/models/xl"), 1024));
  EXPECT_EQ(session.project()->settings().outpaint.width, 1024);
  session.undoStack()->clear();
  EXPECT_TRUE(session.setModel(QStringLiteral("/models/sd2"), 512));
  const zoom::OutpaintOptions& o = session.project()->settings().outpaint;
  EXPECT_EQ(QSize(o.width, o.height), QSize(512, 288));
  EXPECT_EQ(o.outpaint, 128);
  EXPECT_NO_THROW(o.validate());
  EXPECT_EQ(session.project()->settings().model, QStringLiteral("/models/sd2"));
  session.undoStack()->undo();  // one step: the model and the size together
  EXPECT_EQ(session.project()->settings().outpaint.width, 1024);
  EXPECT_EQ(session.project()->settings().model, QStringLiteral("/models/xl"));

  // Once keyframes are painted, choosing a model never resizes them.
  s = session.project()->settings();
  s.painter = zoom::PainterKind::Draft;
  s.outpaint.width = s.outpaint.height = 64;
  s.outpaint.outpaint = 16;
  session.project()->setSettings(s);
  paintChain(1);
  EXPECT_FALSE(session.setModel(QStringLiteral("/models/xl"), 1024));
  EXPECT_EQ(session.project()->settings().outpaint.width, 64);
}

TEST_F(SessionTest, AFailedJobLeavesTheProjectExactlyAsItWas) {
  paintChain(3);
  const std::vector<zoom::Keyframe> before = session.project()->keyframes();
  const int steps = session.undoStack()->count();
  use(std::make_shared<FailingPainter>());

  // With a locked seed: the seed is written before painting, and must be taken back.
  const JobResult r = QCoro::waitFor(session.regenerate(1, false, quint64(99)));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error.toStdString(), "The painter failed on purpose");
  EXPECT_TRUE(session.project()->keyframes() == before);  // no new seed, no stale marks
  EXPECT_EQ(session.undoStack()->count(), steps);         // no undo step
  EXPECT_FALSE(session.isPainting());

  EXPECT_FALSE(QCoro::waitFor(session.addKeyframes(2, std::nullopt)).ok);
  EXPECT_EQ(session.project()->keyframeCount(), 3);  // the appended keyframes went again
  EXPECT_FALSE(QCoro::waitFor(session.generateFirst(5)).ok);
  EXPECT_TRUE(session.project()->keyframes() == before);
  EXPECT_EQ(session.undoStack()->count(), steps);
}

TEST_F(SessionTest, ACancelledJobLeavesTheProjectAsItWas) {
  paintChain(2);
  const std::vector<zoom::Keyframe> before = session.project()->keyframes();
  use(std::make_shared<StepPainter>(50, 20));
  auto job = session.regenerate(0, false, std::nullopt);
  ASSERT_TRUE(zoom::test::spinUntil([this] { return engine.isBusy(); }, 5000));
  session.cancel();
  const JobResult r = QCoro::waitFor(std::move(job));
  EXPECT_TRUE(r.cancelled);
  EXPECT_TRUE(session.project()->keyframes() == before);
  EXPECT_EQ(session.undoStack()->count(), 2);
}

TEST_F(SessionTest, OnePaintingAtATime) {
  paintChain(1);
  use(std::make_shared<StepPainter>(20, 10));
  auto first = session.addKeyframes(1, std::nullopt);
  const JobResult second = QCoro::waitFor(session.regenerateStale());
  EXPECT_FALSE(second.ok);
  EXPECT_NE(second.error.indexOf(QStringLiteral("being painted")), -1);
  EXPECT_TRUE(QCoro::waitFor(std::move(first)).ok);
  EXPECT_EQ(session.project()->keyframeCount(), 2);
}

TEST_F(SessionTest, AGeometryEditTurnsThePaintedChainStaleInOneUndoStep) {
  paintChain(3);
  zoom::ProjectSettings s = session.project()->settings();
  s.outpaint.outpaint = 12;  // not a multiple of 8: refused, nothing changes
  const session::SettingsEffect refused = session.editSettings(s, QStringLiteral("outpaint"), QStringLiteral("Ring"));
  EXPECT_FALSE(refused.applied);
  EXPECT_NE(refused.error.indexOf(QStringLiteral("multiple of 8")), -1);
  EXPECT_EQ(session.undoStack()->count(), 2);
  EXPECT_EQ(session.project()->settings().outpaint.outpaint, 16);

  s.outpaint.outpaint = 8;
  const session::SettingsEffect effect = session.editSettings(s, QStringLiteral("outpaint"), QStringLiteral("Ring"));
  EXPECT_TRUE(effect.applied);
  EXPECT_EQ(effect.newlyStale, 2);  // keyframe 1 still fits; the ones around it do not
  EXPECT_EQ(states(*session.project()),
            (std::vector<KeyframeState>{KeyframeState::Fresh, KeyframeState::Stale, KeyframeState::Stale}));
  session.undoStack()->undo();
  EXPECT_EQ(session.project()->settings().outpaint.outpaint, 16);
  EXPECT_EQ(states(*session.project()), std::vector<KeyframeState>(3, KeyframeState::Fresh));

  s = session.project()->settings();
  s.outpaint.padding = s.outpaint.padding == zoom::PaddingMode::Edge ? zoom::PaddingMode::Reflect : zoom::PaddingMode::Edge;
  const session::SettingsEffect padding = session.editSettings(s, QStringLiteral("padding"), QStringLiteral("Padding"));
  EXPECT_TRUE(padding.affectsOnlyNewKeyframes);
  EXPECT_EQ(padding.newlyStale, 0);
}

TEST_F(SessionTest, ExportIsAnEngineJobWithFrameProgress) {
  paintChain(3);
  QTemporaryDir dir;
  video::ExportSettings settings;
  settings.output = dir.filePath(QStringLiteral("zoom.mp4"));
  settings.size = QSize(64, 64);
  settings.timing.fps = 8;
  settings.timing.secondsPerKeyframe = 0.5;
  std::vector<engine::Progress> seen;
  QObject::connect(&engine, &engine::Engine::progress, &session, [&seen](const engine::Progress& p) { seen.push_back(p); });

  const engine::ExportJobResult r = QCoro::waitFor(session.exportZoom(settings, QStringLiteral("Exporting zoom.mp4")));
  ASSERT_TRUE(r.job.ok) << r.job.error.toStdString();
  EXPECT_EQ(r.path, settings.output);
  EXPECT_GT(QFileInfo(r.path).size(), 1000);
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.back().unit, engine::ProgressUnit::Frames);
  EXPECT_EQ(seen.back().job.toStdString(), "Exporting zoom.mp4");
  EXPECT_EQ(seen.back().step, r.frames);
  EXPECT_EQ(seen.back().total, r.frames);
  EXPECT_FALSE(session.isExporting());
  EXPECT_FALSE(engine.isBusy());
}

// Render copies (the export dialog's "Add detail with the model"): a job without an undo step; exports of frames
// larger than the keyframes draw from them, smaller ones (and exports without them) from the keyframes; a
// repainted keyframe or a new project leaves them behind.
TEST_F(SessionTest, RenderCopiesServeLargeExportsUntilTheChainChanges) {
  use(std::make_shared<zoom::DraftPainter>());
  paintChain(3);
  const int undoSteps = session.undoStack()->count();
  EXPECT_FALSE(session.hasRenderCopiesFor(QSize(192, 192), 0.3));
  const engine::JobResult r = QCoro::waitFor(session.makeRenderCopies(QSize(192, 108), 0.3));
  ASSERT_TRUE(r.ok) << r.error.toStdString();
  EXPECT_EQ(session.undoStack()->count(), undoSteps);
  EXPECT_TRUE(session.project()->isModified());
  EXPECT_TRUE(session.hasRenderCopiesFor(QSize(192, 192), 0.3));   // 192 x 192 copies cover a 192 x 108 frame
  EXPECT_FALSE(session.hasRenderCopiesFor(QSize(192, 192), 0.5));  // another strength
  EXPECT_FALSE(session.hasRenderCopiesFor(QSize(256, 256), 0.3));  // too small
  EXPECT_EQ(session.exportRenderer(QSize(192, 108))->keyframeSize(), QSize(192, 192));
  EXPECT_EQ(session.exportRenderer(QSize(64, 64))->keyframeSize(), QSize(64, 64));
  EXPECT_EQ(session.renderer()->keyframeSize(), QSize(64, 64));  // the window's previews stay light

  ASSERT_TRUE(QCoro::waitFor(session.regenerate(1, /*keepSeed=*/false, std::nullopt)).ok);
  EXPECT_FALSE(session.hasRenderCopiesFor(QSize(192, 192), 0.3));
  EXPECT_EQ(session.exportRenderer(QSize(192, 108))->keyframeSize(), QSize(64, 64));
  session.undoStack()->undo();  // the same chain again: its copies are current again
  EXPECT_TRUE(session.hasRenderCopiesFor(QSize(192, 192), 0.3));
  session.newProject();
  EXPECT_FALSE(session.project()->currentRenderCopies());
}

// The detail pass repaints each keyframe's copy with the prompt that keyframe was painted with.
TEST_F(SessionTest, TheDetailPassUsesEachKeyframesPrompt) {
  paintChain(2);
  session.setKeyframePrompt(1, QStringLiteral("a harbour at night"));
  ASSERT_TRUE(QCoro::waitFor(session.regenerate(1, /*keepSeed=*/true, std::nullopt)).ok);
  struct PromptLog : zoom::Painter {
    QImage paint(const zoom::PaintRequest& r, const zoom::PaintProgressFn&, const std::atomic_bool*) override {
      const std::lock_guard lock(mutex);
      if (prompts.empty() || prompts.back() != r.prompt) prompts.push_back(r.prompt);
      return r.image;
    }
    QString name() const override { return QStringLiteral("prompt log"); }
    std::mutex mutex;
    QStringList prompts;  // each prompt once per run of tiles
  };
  const auto log = std::make_shared<PromptLog>();
  use(log);
  ASSERT_TRUE(QCoro::waitFor(session.makeRenderCopies(QSize(128, 128), 0.3)).ok);
  const std::lock_guard lock(log->mutex);
  EXPECT_EQ(log->prompts, (QStringList{QStringLiteral("a lighthouse"), QStringLiteral("a harbour at night")}));
}

TEST_F(SessionTest, AnExportWaitsForThePaintingBeforeItAndCancelStopsIt) {
  paintChain(2);
  use(std::make_shared<StepPainter>(10, 20));
  QTemporaryDir dir;
  video::ExportSettings settings;
  settings.output = dir.filePath(QStringLiteral("queued.mp4"));
  settings.size = QSize(64, 64);
  settings.timing.secondsPerKeyframe = 30;  // long enough to be cancelled while it runs
  std::vector<QString> order;
  QObject::connect(&session, &session::Session::jobFinished, &session, [&order] { order.push_back("painted"); });
  QObject::connect(&engine, &engine::Engine::progress, &session, [&order](const engine::Progress& p) {
    if (p.unit == engine::ProgressUnit::Frames && p.step == 1) order.push_back("first frame");
  });

  auto painting = session.regenerate(1, true, std::nullopt);
  auto exporting = session.exportZoom(settings, QStringLiteral("Exporting queued.mp4"));
  EXPECT_TRUE(session.isExporting());
  EXPECT_TRUE(QCoro::waitFor(std::move(painting)).ok);
  ASSERT_TRUE(zoom::test::spinUntil([&order] { return order.size() >= 2; }, 30'000));
  EXPECT_EQ(order, (std::vector<QString>{"painted", "first frame"}));

  session.cancel();
  const engine::ExportJobResult r = QCoro::waitFor(std::move(exporting));
  EXPECT_TRUE(r.job.cancelled);
  EXPECT_FALSE(QFileInfo::exists(settings.output));  // nothing half-written
  EXPECT_FALSE(session.isExporting());
}

// The export takes the chain when its turn comes: keyframes added by a job queued before it are in it.
TEST_F(SessionTest, AnExportQueuedBehindAPaintingShowsItsKeyframes) {
  paintChain(2);
  QTemporaryDir dir;
  video::ExportSettings settings;
  settings.output = dir.filePath(QStringLiteral("grown.mp4"));
  settings.size = QSize(64, 64);
  auto adding = session.addKeyframes(1, std::nullopt);
  auto exporting = session.exportZoom(settings, QStringLiteral("Exporting grown.mp4"));
  EXPECT_TRUE(QCoro::waitFor(std::move(adding)).ok);
  const engine::ExportJobResult r = QCoro::waitFor(std::move(exporting));
  ASSERT_TRUE(r.job.ok) << r.job.error.toStdString();
  ASSERT_EQ(session.project()->keyframeCount(), 3);
  EXPECT_EQ(r.frames, render::ZoomSchedule(settings.timing, 2).frameCount()) << "three keyframes, two zoom steps";
  EXPECT_GT(r.frames, render::ZoomSchedule(settings.timing, 1).frameCount());
}

TEST_F(SessionTest, NothingToExportSaysSo) {
  const engine::ExportJobResult r = QCoro::waitFor(session.exportZoom(video::ExportSettings{}, QStringLiteral("x")));
  EXPECT_FALSE(r.job.ok);
  EXPECT_NE(r.job.error.indexOf(QStringLiteral("first keyframe")), -1);
}

// File > New (and the window's first project) with a model: its native keyframe size, no undo step.
TEST_F(SessionTest, ANewProjectTakesTheModelsNativeKeyframeSize) {
  zoom::ProjectSettings s = session.project()->settings();
  s.painter = zoom::PainterKind::StableDiffusion;
  s.model = QStringLiteral("/models/xl");
  session.project()->setSettings(s);
  session.newProject(1024);
  EXPECT_EQ(session.project()->settings().outpaint.longSide(), 1024);
  EXPECT_NO_THROW(session.project()->settings().outpaint.validate());
  EXPECT_EQ(session.project()->settings().model, QStringLiteral("/models/xl"));
  EXPECT_EQ(session.undoStack()->count(), 0);
  EXPECT_FALSE(session.project()->isModified());
  session.newProject();  // no size given: the default one
  EXPECT_EQ(session.project()->settings().outpaint.longSide(), zoom::ProjectSettings().outpaint.longSide());
  // The draft painter has no native size.
  s = session.project()->settings();
  s.painter = zoom::PainterKind::Draft;
  session.project()->setSettings(s);
  session.newProject(1024);
  EXPECT_EQ(session.project()->settings().outpaint.longSide(), zoom::ProjectSettings().outpaint.longSide());
}

TEST_F(SessionTest, OpenSaveAndNewProject) {
  paintChain(2);
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("p.droste"));
  session.saveProject(path);
  EXPECT_TRUE(session.undoStack()->isClean());
  EXPECT_FALSE(session.project()->isModified());

  session.newProject();
  EXPECT_EQ(session.project()->keyframeCount(), 0);
  EXPECT_EQ(session.undoStack()->count(), 0);
  EXPECT_FALSE(session.paintInputs(1).has_value());
  EXPECT_EQ(session.renderer(), nullptr);

  session.openProject(path);
  EXPECT_EQ(session.project()->keyframeCount(), 2);
  ASSERT_NE(session.renderer(), nullptr);
  EXPECT_EQ(session.renderer()->keyframeCount(), 2);
  EXPECT_THROW(session.openProject(dir.filePath(QStringLiteral("missing.droste"))), std::exception);
  EXPECT_EQ(session.project()->keyframeCount(), 2);
}
