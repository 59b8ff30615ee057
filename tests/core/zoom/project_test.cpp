// The project document: chain states, file round trip, damaged files, crash safety, autosave.
#include "core/io/zip_store.h"
#include "core/zoom/autosave.h"
#include "core/zoom/project.h"
#include "core/zoom/project_file.h"
#include "tests/core/zoom/project_test_util.h"
#include "tests/core/zoom/test_app.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <csignal>
#include <cstdio>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

using namespace droste::zoom;
using droste::io::readStoredZip;
using droste::io::writeStoredZip;
using droste::io::ZipEntries;
using droste::zoom::test::fillProject;
using droste::zoom::test::noiseImage;

namespace {

std::vector<KeyframeState> states(const Project& p) {
  std::vector<KeyframeState> out;
  for (const Keyframe& k : p.keyframes()) out.push_back(k.state);
  return out;
}

// A chain of `n` fresh painted keyframes.
void freshChain(Project& p, int n) {
  ProjectSettings s;
  s.outpaint.width = s.outpaint.height = 64;
  s.outpaint.outpaint = 16;
  p.setSettings(s);
  for (int i = 0; i < n; ++i) {
    p.appendKeyframe();
    p.setKeyframeImage(i, noiseImage(64, i), KeyframeState::Fresh);
  }
}

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(bytes);
}

std::string loadError(const QString& path) {
  try {
    loadProjectFile(path);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return {};
}

constexpr auto F = KeyframeState::Fresh;
constexpr auto S = KeyframeState::Stale;

}  // namespace

TEST(ProjectChain, RegenerateMarksItAndEveryLaterKeyframeStale) {
  Project p;
  freshChain(p, 5);
  const auto seed = p.keyframe(2).seed;
  p.prepareRegenerate(2, /*keepSeed=*/true);
  EXPECT_EQ(states(p), (std::vector{F, F, S, S, S}));
  EXPECT_EQ(p.keyframe(2).seed, seed);
  EXPECT_EQ(p.staleKeyframes(), (std::vector{2, 3, 4}));

  Project q;
  freshChain(q, 5);
  const auto before = q.keyframe(1).seed;
  q.prepareRegenerate(1, /*keepSeed=*/false);
  EXPECT_NE(q.keyframe(1).seed, before);
  EXPECT_EQ(states(q), (std::vector{F, S, S, S, S}));
  EXPECT_FALSE(q.keyframe(1).image.isNull());  // the old picture stays visible until repainted
}

TEST(ProjectChain, EditingAPromptOrSeedMarksTheChainFromThere) {
  Project p;
  freshChain(p, 4);
  p.setKeyframePrompt(2, QStringLiteral("a different sky"), std::nullopt);
  EXPECT_EQ(states(p), (std::vector{F, F, S, S}));
  EXPECT_EQ(p.effectivePrompt(2), QStringLiteral("a different sky"));
  EXPECT_EQ(p.effectivePrompt(1), p.settings().prompt);
  Project q;
  freshChain(q, 4);
  q.setKeyframeSeed(3, 99);
  EXPECT_EQ(states(q), (std::vector{F, F, F, S}));
}

TEST(ProjectChain, InsertAndDeleteSetTheRightStates) {
  Project p;
  freshChain(p, 5);
  int inserted = -1, removed = -1, changed = 0;
  QObject::connect(&p, &Project::keyframeInserted, [&](int i) { inserted = i; });
  QObject::connect(&p, &Project::keyframeRemoved, [&](int i) { removed = i; });
  QObject::connect(&p, &Project::keyframeChanged, [&](int) { ++changed; });

  p.insertKeyframeAfter(1);  // new keyframe 2, never painted
  EXPECT_EQ(inserted, 2);
  EXPECT_EQ(p.keyframeCount(), 6);
  EXPECT_TRUE(p.keyframe(2).image.isNull());
  EXPECT_EQ(states(p), (std::vector{F, F, S, S, S, S}));
  EXPECT_GE(changed, 3);

  Project d;
  freshChain(d, 5);
  const QImage third = d.keyframe(3).image;
  d.deleteKeyframe(2);  // keyframe 3 was outpainted from 2: it and later ones are stale
  EXPECT_EQ(d.keyframeCount(), 4);
  EXPECT_EQ(d.keyframe(2).image, third);
  EXPECT_EQ(states(d), (std::vector{F, F, S, S}));

  Project first;
  freshChain(first, 3);
  first.deleteKeyframe(0);  // nothing depended on the innermost picture
  EXPECT_EQ(states(first), (std::vector{F, F}));
  first.deleteKeyframe(1);  // the last one: nothing after it
  EXPECT_EQ(states(first), (std::vector{F}));
  EXPECT_THROW(first.deleteKeyframe(5), std::out_of_range);

  Project a;
  freshChain(a, 2);
  a.appendKeyframe();
  EXPECT_EQ(states(a), (std::vector{F, F, S}));
  (void)removed;
}

TEST(ProjectChain, ImportedFirstKeyframeCannotBeRegeneratedAndReplacesTheChainStart) {
  Project p;
  freshChain(p, 3);
  QImage photo(200, 100, QImage::Format_RGB32);
  photo.fill(Qt::blue);
  p.importFirstKeyframe(photo, ImportFit::CenterCrop);
  EXPECT_TRUE(p.keyframe(0).imported);
  EXPECT_EQ(p.keyframe(0).image.size(), QSize(64, 64));
  EXPECT_EQ(states(p), (std::vector{F, S, S}));
  EXPECT_THROW(p.prepareRegenerate(0, false), std::invalid_argument);
}

TEST(ProjectFile, SaveLoadRoundTripsBitExactly) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("a.droste"));
  Project p;
  fillProject(p);
  p.setKeyframeState(1, KeyframeState::Generating);  // an interrupted generation is saved as stale
  p.save(path);
  EXPECT_FALSE(p.isModified());
  EXPECT_EQ(p.filePath(), path);

  Project q;
  q.load(path);
  EXPECT_EQ(q.settings(), p.settings());
  ASSERT_EQ(q.keyframeCount(), p.keyframeCount());
  for (int i = 0; i < p.keyframeCount(); ++i) {
    Keyframe expected = p.keyframe(i);
    if (expected.state == KeyframeState::Generating) expected.state = KeyframeState::Stale;
    EXPECT_EQ(q.keyframe(i), expected) << "keyframe " << i;
    EXPECT_EQ(q.keyframe(i).image.format(), expected.image.isNull() ? QImage::Format_Invalid : QImage::Format_RGB888);
  }
  EXPECT_EQ(q.keyframe(1).seed, 0xFFFFFFFFFFFFFFF5ull);
  EXPECT_TRUE(q.keyframe(1).negativePrompt.has_value());
  EXPECT_FALSE(q.keyframe(0).prompt.has_value());

  // Saving what was loaded gives the same bytes (the format is deterministic).
  const QString again = dir.filePath(QStringLiteral("b.droste"));
  q.saveCopy(again);
  EXPECT_EQ(readAll(again), readAll(path));

  // The renderer's loader sees the painted keyframes (up to the first one without a picture).
  const ProjectKeyframes stack = loadProjectKeyframes(path);
  EXPECT_EQ(stack.width, 64);
  EXPECT_EQ(stack.height, 64);
  EXPECT_EQ(stack.outpaint, 16);
  ASSERT_EQ(stack.keyframes.size(), 3u);
  EXPECT_EQ(stack.keyframes[2], p.keyframe(2).image);
}

// Render copies (large videos) are saved with the project while they belong to its chain, dropped when the
// chain changed, and a project whose copies are damaged still opens (they are derived data).
TEST(ProjectFile, RenderCopiesAreKeptWhileTheChainStaysTheSame) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("a.droste"));
  Project p;
  fillProject(p);
  EXPECT_FALSE(p.currentRenderCopies());
  const droste::render::KeyframeStack stack = keyframeStackOf(p.settings(), p.keyframes());
  ASSERT_EQ(stack.keyframes.size(), 3u);
  const RenderCopies copies = makeRenderCopies(stack, renderCopySize(stack, QSize(150, 150)), nullptr, {});
  EXPECT_EQ(copies.size(), QSize(152, 152));
  p.setRenderCopies(copies);
  ASSERT_TRUE(p.currentRenderCopies());
  p.save(path);

  Project q;
  q.load(path);
  ASSERT_TRUE(q.currentRenderCopies());
  EXPECT_EQ(*q.currentRenderCopies(), copies);
  const ProjectKeyframes forRenderer = loadProjectKeyframes(path);
  ASSERT_TRUE(forRenderer.renderCopies);
  EXPECT_EQ(forRenderer.renderCopies->images, copies.images);
  // Saving what was loaded gives the same bytes (the PNGs are kept as read).
  const QString again = dir.filePath(QStringLiteral("b.droste"));
  q.saveCopy(again);
  EXPECT_EQ(readAll(again), readAll(path));

  // A keyframe changes: the copies no longer belong to the chain; they are not used and not saved.
  q.setKeyframeImage(1, noiseImage(64, 99));
  EXPECT_FALSE(q.currentRenderCopies());
  const QString changed = dir.filePath(QStringLiteral("c.droste"));
  q.saveCopy(changed);
  EXPECT_FALSE(loadProjectFile(changed).renderCopies);
  EXPECT_FALSE(loadProjectKeyframes(changed).renderCopies);

  // A damaged copy: the project opens, with its keyframes and without the copies.
  droste::io::ZipEntries entries = droste::io::readStoredZip(readAll(path));
  for (auto& [name, contents] : entries)
    if (name == QStringLiteral("render/0001.png")) contents = contents.left(contents.size() / 2);
  const QString damagedPath = dir.filePath(QStringLiteral("d.droste"));
  {
    QFile f(damagedPath);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(droste::io::writeStoredZip(entries));
  }
  const ProjectData damaged = loadProjectFile(damagedPath);
  EXPECT_FALSE(damaged.renderCopies);
  EXPECT_EQ(damaged.keyframes.size(), 4u);
}

// Wide keyframes need format version 2 ("width", "height"); a square project is still written as version 1
// with "size", which the Droste before shapes reads, and a file it wrote (no "width") opens as before.
TEST(ProjectFile, WideProjectsAreVersionTwoAndSquareOnesStayVersionOne) {
  QTemporaryDir dir;
  Project wide;
  ProjectSettings s;
  s.outpaint.width = 256;
  s.outpaint.height = 144;
  s.outpaint.outpaint = 128;
  wide.setSettings(s);
  wide.appendKeyframe();
  wide.setKeyframeImage(0, noiseImage(256, 3).copy(0, 0, 256, 144), KeyframeState::Fresh);
  const QString widePath = dir.filePath(QStringLiteral("wide.droste"));
  wide.save(widePath);
  const QByteArray wideJson = readStoredZip(readAll(widePath))[0].second;
  EXPECT_TRUE(wideJson.contains("\"version\": 2")) << wideJson.toStdString();
  EXPECT_FALSE(wideJson.contains("\"size\""));
  Project back;
  back.load(widePath);
  EXPECT_EQ(back.settings(), wide.settings());
  EXPECT_EQ(back.keyframe(0).image, wide.keyframe(0).image);
  const ProjectKeyframes stack = loadProjectKeyframes(widePath);
  EXPECT_EQ(QSize(stack.width, stack.height), QSize(256, 144));

  Project square;
  fillProject(square);
  const QString squarePath = dir.filePath(QStringLiteral("square.droste"));
  square.save(squarePath);
  ZipEntries entries = readStoredZip(readAll(squarePath));
  EXPECT_TRUE(entries[0].second.contains("\"version\": 1"));
  EXPECT_TRUE(entries[0].second.contains("\"size\": 64"));
  // What the Droste before shapes wrote: no width and height.
  QJsonObject root = QJsonDocument::fromJson(entries[0].second).object();
  QJsonObject settings = root.value(QStringLiteral("settings")).toObject();
  settings.remove(QStringLiteral("width"));
  settings.remove(QStringLiteral("height"));
  root.insert(QStringLiteral("settings"), settings);
  entries[0].second = QJsonDocument(root).toJson();
  const QString oldPath = dir.filePath(QStringLiteral("old.droste"));
  QFile file(oldPath);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(droste::io::writeStoredZip(entries));
  file.close();
  Project reopened;
  reopened.load(oldPath);
  EXPECT_EQ(reopened.settings(), square.settings());
  EXPECT_EQ(reopened.keyframe(0).image, square.keyframe(0).image);
}

TEST(ProjectFile, IsAZipThatOtherToolsCanList) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("z.droste"));
  Project p;
  fillProject(p);
  p.save(path);
  const ZipEntries entries = readStoredZip(readAll(path));
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[0].first, QStringLiteral("project.json"));
  EXPECT_EQ(entries[1].first, QStringLiteral("keyframes/0000.png"));
  EXPECT_EQ(QImage::fromData(entries[3].second, "PNG").size(), QSize(64, 64));
  if (QFile::exists(QStringLiteral("/usr/bin/unzip"))) {
    const QString cmd = QStringLiteral("/usr/bin/unzip -tq '%1' > /dev/null 2>&1").arg(path);
    EXPECT_EQ(std::system(cmd.toLocal8Bit().constData()), 0);
  }
}

TEST(ProjectFile, DamagedFilesGiveAClearErrorAndChangeNothing) {
  QTemporaryDir dir;
  const QString good = dir.filePath(QStringLiteral("good.droste"));
  Project p;
  fillProject(p);
  p.save(good);
  const QByteArray bytes = readAll(good);

  auto expectError = [&](const QByteArray& contents, const std::string& needle, const char* what) {
    const QString bad = dir.filePath(QStringLiteral("bad.droste"));
    writeAll(bad, contents);
    const std::string error = loadError(bad);
    EXPECT_NE(error.find(needle), std::string::npos) << what << ": " << error;
    EXPECT_NE(error.find("bad.droste"), std::string::npos) << what << ": the message names the file";
    // Loading into an open project leaves it as it was, and leaves the file as it was.
    Project open;
    fillProject(open, 64, 9);
    const auto before = open.keyframes();
    const auto settings = open.settings();
    EXPECT_THROW(open.load(bad), std::runtime_error);
    EXPECT_EQ(open.keyframes(), before);
    EXPECT_EQ(open.settings(), settings);
    EXPECT_TRUE(open.filePath().isEmpty());
    EXPECT_EQ(readAll(bad), contents);
  };

  QByteArray flipped = bytes;
  flipped[bytes.size() / 2] = char(flipped[bytes.size() / 2] ^ 0x40);  // inside a keyframe's PNG
  expectError(flipped, "checksum", "one flipped byte");
  expectError(bytes.left(bytes.size() / 2), "damaged", "cut in half");
  expectError(QByteArray(), "damaged", "empty");
  // Other kinds of file are named as such, without sending the artist to an autosave that cannot help.
  for (const QByteArray& other : {QByteArray(5000, 'x'), QByteArray("a shopping list\n"),
                                  QByteArray("\0\0\0\x20" "ftypisom\0\0\x02\0", 16)}) {
    expectError(other, "is not a Droste project", "another kind of file");
    const QString path = dir.filePath(QStringLiteral("other.txt"));
    writeAll(path, other);
    EXPECT_EQ(loadError(path).find("autosave"), std::string::npos) << loadError(path);
  }
  expectError(writeStoredZip({{QStringLiteral("readme.txt"), QByteArray("hello")}}), "is not a Droste project",
              "another ZIP archive");

  // A valid archive with broken JSON, and one from a newer Droste.
  ZipEntries entries = readStoredZip(bytes);
  entries[0].second = "{ \"format\": \"droste-project\", ";
  expectError(writeStoredZip(entries), "not valid JSON", "broken json");
  entries[0].second = QByteArray(readStoredZip(bytes)[0].second).replace("\"version\": 1", "\"version\": 99");
  expectError(writeStoredZip(entries), "newer Droste", "newer version");
  entries[0].second = QByteArray(readStoredZip(bytes)[0].second).replace("\"symmetric\"", "\"spiral\"").replace("\"blurred-stretch\"", "\"spiral\"");
  expectError(writeStoredZip(entries), "unknown value 'spiral'", "unknown padding");
  // A number far outside int's range (the project_json fuzzer: converting it was undefined behaviour).
  entries = readStoredZip(bytes);
  ASSERT_TRUE(entries[0].second.contains("\"steps\": 37"));
  entries[0].second = QByteArray(entries[0].second).replace("\"steps\": 37", "\"steps\": 3.4e55");
  expectError(writeStoredZip(entries), "'steps' is not a whole number of a sensible size", "a huge number");

  // Names inside a project are data: a picture named outside the archive is looked up among its entries
  // only (nothing is extracted to disk), so it is missing, however the archive names its entries.
  entries = readStoredZip(bytes);
  ASSERT_TRUE(entries[0].second.contains("keyframes/0001.png"));
  entries[0].second = QByteArray(entries[0].second).replace("keyframes/0001.png", "../../../../etc/hostname");
  entries.emplace_back(QStringLiteral("../../escaped.png"), entries[2].second);
  expectError(writeStoredZip(entries), "picture of keyframe 1 is missing", "a picture named outside the archive");
  EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("../../escaped.png"))));

  EXPECT_NE(loadError(dir.filePath(QStringLiteral("missing.droste"))).find("does not exist"), std::string::npos);
}

TEST(ProjectFile, SigkillDuringSaveLeavesThePreviousFileLoadable) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("crash.droste"));
  Project previous;
  fillProject(previous, 512, 100);
  previous.save(path);

  int killedMidSave = 0;
  constexpr int kRounds = 4;
  for (int round = 0; round < kRounds; ++round) {
    int out[2];
    ASSERT_EQ(pipe(out), 0);
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      execl(DROSTE_SAVE_LOOP_HELPER, DROSTE_SAVE_LOOP_HELPER, path.toLocal8Bit().constData(), nullptr);
      _exit(127);
    }
    close(out[1]);
    FILE* lines = fdopen(out[0], "r");
    char line[64] = {0};
    // Time one whole save, then kill at a different fraction of the next one each round.
    QElapsedTimer clock;
    auto waitFor = [&](const char* expected) {
      while (fgets(line, sizeof line, lines))
        if (std::string(line) == expected) return true;
      return false;
    };
    ASSERT_TRUE(waitFor("begin 0\n")) << "the helper did not start";
    clock.start();
    ASSERT_TRUE(waitFor("end 0\n"));
    const qint64 saveNs = clock.nsecsElapsed();
    ASSERT_TRUE(waitFor("begin 1\n"));
    usleep(useconds_t(saveNs / 1000 * (2 * round + 1) / (2 * kRounds)));
    ASSERT_EQ(kill(pid, SIGKILL), 0);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status));
    ASSERT_EQ(WTERMSIG(status), SIGKILL);
    // Mid-save when the last thing the helper said was "begin".
    std::string last = "begin 1\n";
    while (fgets(line, sizeof line, lines)) last = line;
    fclose(lines);
    killedMidSave += last.rfind("begin", 0) == 0;

    Project loaded;
    ASSERT_NO_THROW(loaded.load(path)) << "round " << round << ": " << loadError(path);
    EXPECT_TRUE(loaded.settings().prompt.startsWith(QStringLiteral("loop ")) ||
                loaded.settings().prompt == previous.settings().prompt);
    EXPECT_EQ(loaded.keyframe(2).image, previous.keyframe(2).image);
    for (const QString& f : QDir(dir.path()).entryList(QDir::Files))
      if (f != QStringLiteral("crash.droste")) QFile::remove(dir.filePath(f));
  }
  EXPECT_GT(killedMidSave, 0) << "no kill landed inside a save: the test did not test anything";
}

// Untrusted input stays data (#17 item 6): a project path with spaces, quotes, a newline, shell, glob and printf
// characters, a backslash, non-ASCII letters and a leading dash saves, autosaves and opens again, and nothing is
// written anywhere but beside it.
TEST(ProjectFile, AnyCharactersInThePathStayAPathInItsFolder) {
  droste::zoom::test::ensureApp();
  QTemporaryDir dir;
  const QString folder = dir.filePath(QStringLiteral("sub"));
  ASSERT_TRUE(QDir().mkpath(folder));
  const QString path = folder + QStringLiteral("/-a b 'c' \"d\" $HOME `id` ü ✓ #1 %s %n c:d \\ *?[x]\n.droste");
  Project p;
  fillProject(p);
  p.save(path);
  Autosaver autosaver(&p, 60'000);
  p.setKeyframeSeed(3, 99);
  autosaver.saveNow();
  ASSERT_TRUE(QFile::exists(autosaver.autosavePath())) << autosaver.lastError().toStdString();
  EXPECT_EQ(loadProjectFile(path).keyframes[3].seed, 7u);
  EXPECT_EQ(loadProjectFile(autosaver.autosavePath()).keyframes[3].seed, 99u);

  QStringList written;
  QDirIterator it(dir.path(), QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
  while (it.hasNext()) written << it.next();
  written.sort();
  QStringList expected{folder, path, autosaver.autosavePath()};
  expected.sort();
  EXPECT_EQ(written, expected);
}

TEST(Autosave, WritesACopyRecoversItAndCleansUpAfterASave) {
  droste::zoom::test::ensureApp();
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("auto.droste"));
  Project p;
  fillProject(p);
  p.save(path);
  Autosaver autosaver(&p, 20);
  const QString autosave = autosaver.autosavePath();
  EXPECT_EQ(autosave, dir.filePath(QStringLiteral(".auto.droste.autosave")));

  QThread::msleep(1100);  // file times have 1 s resolution on some file systems
  p.setKeyframeSeed(3, 1234);  // an unsaved change
  ASSERT_TRUE(droste::zoom::test::spinUntil([&] { return QFile::exists(autosave); }, 5000));
  EXPECT_EQ(loadProjectFile(path).keyframes[3].seed, 7u);  // the project file itself is untouched

  // "After a crash": the autosave is newer than the project and can be recovered.
  ASSERT_EQ(Autosaver::recoverableAutosave(path), std::optional<QString>(autosave));
  Project recovered;
  Autosaver::recover(recovered, autosave, path);
  EXPECT_EQ(recovered.keyframe(3).seed, 1234u);
  EXPECT_EQ(recovered.filePath(), path);
  EXPECT_TRUE(recovered.isModified());

  p.save();  // a normal save removes the autosave
  EXPECT_FALSE(QFile::exists(autosave));
  EXPECT_FALSE(Autosaver::recoverableAutosave(path).has_value());
}
