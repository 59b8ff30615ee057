// Downloads the tiny fixture model from an in-process fake Hub on 127.0.0.1 (HF_ENDPOINT points
// there) into a scratch Hub cache, and checks the cache layout, resume, verification and errors.
#include "core/diffusion/loading/hub_cache_lookup.h"
#include "core/diffusion/loading/model_source.h"
#include "core/diffusion/loading/model_validation.h"
#include "core/diffusion/pipeline/inpaint_pipeline.h"
#include "core/hub/hub_cache.h"
#include "core/hub/hub_download.h"
#include "tests/core/hub/fake_hub_server.h"
#include "tests/fixtures.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

#include <filesystem>

namespace droste::hub {
namespace {

const QString kRepo = QStringLiteral("test-org/tiny-sd2-inpainting");
const QString kCommit = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
const QString kUnet = QStringLiteral("unet/diffusion_pytorch_model.safetensors");

void ensureApp() {
  static int argc = 1;
  static char name[] = "droste_core_tests";
  static char* argv[] = {name, nullptr};
  if (!QCoreApplication::instance()) new QCoreApplication(argc, argv);
}

QString fixtureModel() { return QString::fromStdString((test::fixturesDir() / "tiny-sd2-inpainting").string()); }

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class HubDownloadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ensureApp();
    ASSERT_TRUE(cache_.isValid());
    server_ = std::make_unique<test::FakeHubServer>(kRepo, kCommit);
    server_->addFolder(fixtureModel());
    // What a real SD repo carries besides the diffusers files; none of it may be fetched.
    server_->addFile(QStringLiteral("unet/diffusion_pytorch_model.bin"), "pickle: must never be downloaded");
    server_->addFile(QStringLiteral("512-inpainting-ema.ckpt"), "pickle: must never be downloaded");
    server_->addFile(QStringLiteral("512-inpainting-ema.safetensors"), "root checkpoint: not needed");
    server_->addFile(QStringLiteral("README.md"), "# tiny");
    // As a user would: the endpoint and cache from the environment, no token, online.
    qputenv("HF_ENDPOINT", server_->endpoint().toString().toUtf8());
    qputenv("HF_HUB_CACHE", cache_.path().toUtf8());
    qputenv("HF_TOKEN_PATH", (cache_.path() + QStringLiteral("/no-token-here")).toUtf8());
    qunsetenv("HF_TOKEN");
    qunsetenv("HUGGING_FACE_HUB_TOKEN");
    qunsetenv("HF_HUB_OFFLINE");
  }

  DownloadRequest request() const {
    DownloadRequest r;
    r.repoId = kRepo;
    r.hub = HubSettings::fromEnvironment();
    return r;
  }

  QString repoDir() const { return HubCache(cache_.path(), kRepo).repoDir(); }

  // Every fixture file is in the snapshot, byte-identical, as a relative link to its blob.
  void expectCompleteSnapshot(const QString& snapshot) {
    EXPECT_EQ(snapshot, repoDir() + QStringLiteral("/snapshots/") + kCommit);
    EXPECT_EQ(readAll(repoDir() + QStringLiteral("/refs/main")), kCommit.toUtf8());
    int files = 0;
    QDirIterator it(fixtureModel(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
      const QString source = it.next();
      const QString rel = source.mid(fixtureModel().size() + 1);
      const QString cached = snapshot + QLatin1Char('/') + rel;
      ++files;
      ASSERT_TRUE(QFileInfo(cached).isSymLink()) << rel.toStdString();
      const auto target = std::filesystem::read_symlink(cached.toStdString());
      EXPECT_TRUE(target.is_relative()) << target;
      EXPECT_EQ(target.parent_path().filename(), "blobs") << target;
      EXPECT_TRUE(readAll(cached) == readAll(source)) << rel.toStdString() << " differs from the fixture";
    }
    EXPECT_EQ(files, 12);
    // LFS blobs are named by SHA-256, git files by their blob SHA-1, as huggingface_hub names them.
    const QByteArray unet = readAll(fixtureModel() + QLatin1Char('/') + kUnet);
    EXPECT_TRUE(QFileInfo::exists(repoDir() + QStringLiteral("/blobs/") +
                                  QString::fromLatin1(QCryptographicHash::hash(unet, QCryptographicHash::Sha256).toHex())));
    const QByteArray index = readAll(fixtureModel() + QStringLiteral("/model_index.json"));
    const QByteArray gitSha = QCryptographicHash::hash("blob " + QByteArray::number(index.size()) + '\0' + index,
                                                       QCryptographicHash::Sha1).toHex();
    EXPECT_TRUE(QFileInfo::exists(repoDir() + QStringLiteral("/blobs/") + QString::fromLatin1(gitSha)));
    EXPECT_FALSE(QFileInfo::exists(snapshot + QStringLiteral("/unet/diffusion_pytorch_model.bin")));
    EXPECT_FALSE(QFileInfo::exists(snapshot + QStringLiteral("/512-inpainting-ema.safetensors")));
    QDirIterator blobs(repoDir() + QStringLiteral("/blobs"), {QStringLiteral("*.incomplete")}, QDir::Files);
    EXPECT_FALSE(blobs.hasNext()) << "a partial file was left behind";
  }

  bool requested(const QString& pathPart) const {
    for (const auto& r : server_->requests)
      if (r.path.contains(pathPart)) return true;
    return false;
  }

  QTemporaryDir cache_;
  std::unique_ptr<test::FakeHubServer> server_;
};

TEST_F(HubDownloadTest, DownloadsIntoTheHubCacheLayoutWithProgress) {
  QList<DownloadProgress> progress;
  const QString snapshot = downloadModel(request(), [&](const DownloadProgress& p) { progress.append(p); });
  expectCompleteSnapshot(snapshot);
  EXPECT_FALSE(requested(QStringLiteral(".bin"))) << "a pickle was requested";
  EXPECT_FALSE(requested(QStringLiteral(".ckpt"))) << "a pickle was requested";
  EXPECT_FALSE(requested(QStringLiteral("README"))) << "files the engine does not read were requested";
  ASSERT_FALSE(progress.isEmpty());
  EXPECT_EQ(progress.last().bytesDone, progress.last().bytesTotal);
  qint64 fixtureBytes = 0;
  for (QDirIterator it(fixtureModel(), QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
    fixtureBytes += QFileInfo(it.next()).size();
  EXPECT_EQ(progress.last().bytesTotal, fixtureBytes);
  for (int i = 1; i < progress.size(); ++i) EXPECT_GE(progress[i].bytesDone, progress[i - 1].bytesDone);
  EXPECT_GT(progress.last().bytesPerSecond, 0.0);

  // A second run finds everything in the cache and fetches no file bytes.
  server_->bodyBytesSent = 0;
  EXPECT_EQ(downloadModel(request()), snapshot);
  EXPECT_EQ(server_->bodyBytesSent, 0);
}

// What the download leaves is what the engine opens: by repo id through the cache, then loaded.
TEST_F(HubDownloadTest, TheDownloadedModelLoadsWithTheEngine) {
  const QString snapshot = downloadModel(request());
  const diffusion::ModelSource model = diffusion::openModel(kRepo.toStdString());
  EXPECT_EQ(QString::fromStdString(std::filesystem::canonical(model.path).string()),
            QString::fromStdString(std::filesystem::canonical(snapshot.toStdString()).string()));
  EXPECT_EQ(model.family, diffusion::ModelFamily::SD2);
  diffusion::validateModel(model);
  EXPECT_EQ(diffusion::describeModel(model).unetInChannels, 9) << "an inpainting UNet";
  const auto pipeline = diffusion::InpaintPipeline::load(model, c10::Device(c10::kCPU), c10::kFloat);
  EXPECT_NE(pipeline, nullptr);
}

TEST_F(HubDownloadTest, CancelledHalfWayThenResumesWithARangeRequest) {
  const QByteArray unet = readAll(fixtureModel() + QLatin1Char('/') + kUnet);
  const QString partial = repoDir() + QStringLiteral("/blobs/") +
                          QString::fromLatin1(QCryptographicHash::hash(unet, QCryptographicHash::Sha256).toHex()) +
                          QStringLiteral(".incomplete");
  // The server stalls half way through the UNet, so "half way" does not depend on how fast this machine
  // delivers progress (with a server sending everything at once the file could be complete before the
  // cancel got through, as it was once in a parallel ctest run).
  server_->holdFile = kUnet;
  server_->holdAfter = unet.size() / 2;
  qint64 total = 0;
  {
    HubDownload job(request());
    QString failure;
    HubError::Kind kind{};
    QObject::connect(&job, &HubDownload::progress, [&](const DownloadProgress& p) { total = p.bytesTotal; });
    // Progress is rate-limited and stops with the stalled server, so watch the file itself.
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, [&] {
      if (QFileInfo(partial).size() > 0) job.cancel();
    });
    watch.start(20);
    bool done = false;
    QObject::connect(&job, &HubDownload::failed, [&](const QString& m, HubError::Kind k) { failure = m; kind = k; done = true; });
    QObject::connect(&job, &HubDownload::finished, [&] { done = true; });
    job.start();
    while (!done) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    ASSERT_EQ(kind, HubError::Kind::Cancelled) << failure.toStdString();
    EXPECT_TRUE(failure.contains(QStringLiteral("resume"))) << failure.toStdString();
  }
  const qint64 kept = QFileInfo(partial).size();
  ASSERT_GT(kept, 0) << "the cancelled file should stay as .incomplete";
  ASSERT_LE(kept, unet.size() / 2);

  server_->requests.clear();
  server_->bodyBytesSent = 0;
  expectCompleteSnapshot(downloadModel(request()));
  bool resumed = false;
  for (const auto& r : server_->requests)
    if (r.range == "bytes=" + QByteArray::number(kept) + '-') resumed = true;
  EXPECT_TRUE(resumed) << "no Range request starting at the " << kept << " bytes kept";
  EXPECT_LT(server_->bodyBytesSent, total - kept + 1) << "the resume fetched bytes it already had";
}

TEST_F(HubDownloadTest, ABrokenConnectionIsResumedAutomatically) {
  server_->dropFile = kUnet;
  server_->dropAfter = 7'000'000;
  server_->dropTimes = 2;
  expectCompleteSnapshot(downloadModel(request()));
  QList<QByteArray> ranges;
  for (const auto& r : server_->requests)
    if (!r.range.isEmpty()) ranges.append(r.range);
  EXPECT_EQ(ranges, (QList<QByteArray>{"bytes=7000000-", "bytes=14000000-"}));
}

TEST_F(HubDownloadTest, AServerIgnoringTheRangeStillGivesTheRightFile) {
  server_->dropFile = kUnet;
  server_->dropAfter = 5'000'000;
  server_->dropTimes = 1;
  server_->ignoreRange = true;  // the retry gets a 200 with the whole file: the partial must be dropped
  expectCompleteSnapshot(downloadModel(request()));
}

TEST_F(HubDownloadTest, ACorruptedByteIsCaughtByTheHashCheck) {
  server_->corruptByte[kUnet] = 1'234'567;
  try {
    downloadModel(request());
    FAIL() << "a corrupted file was accepted";
  } catch (const HubError& e) {
    EXPECT_EQ(e.kind(), HubError::Kind::Integrity);
    const std::string msg = e.what();
    EXPECT_NE(msg.find(kUnet.toStdString()), std::string::npos) << msg;
    EXPECT_NE(msg.find("SHA-256"), std::string::npos) << msg;
  }
  QDirIterator partials(repoDir() + QStringLiteral("/blobs"), {QStringLiteral("*.incomplete")}, QDir::Files);
  EXPECT_FALSE(partials.hasNext()) << "the damaged bytes must not be kept for a resume";
  EXPECT_FALSE(diffusion::snapshotOf(repoDir().toStdString())) << "no snapshot may point at a damaged model";

  server_->corruptByte.clear();
  expectCompleteSnapshot(downloadModel(request()));
}

TEST_F(HubDownloadTest, ACorruptedSmallGitFileIsCaughtToo) {
  server_->corruptByte[QStringLiteral("unet/config.json")] = 10;
  try {
    downloadModel(request());
    FAIL() << "a corrupted config was accepted";
  } catch (const HubError& e) {
    EXPECT_EQ(e.kind(), HubError::Kind::Integrity);
    EXPECT_NE(std::string(e.what()).find("git SHA-1"), std::string::npos) << e.what();
  }
}

TEST_F(HubDownloadTest, UnknownRepoSaysSo) {
  DownloadRequest r = request();
  r.repoId = QStringLiteral("test-org/no-such-model");
  try {
    downloadModel(r);
    FAIL();
  } catch (const HubError& e) {
    EXPECT_EQ(e.kind(), HubError::Kind::NotFound);
    const std::string msg = e.what();
    EXPECT_NE(msg.find("no model test-org/no-such-model"), std::string::npos) << msg;
    EXPECT_NE(msg.find("404"), std::string::npos) << msg;
  }
}

TEST_F(HubDownloadTest, UnknownRevisionSaysSo) {
  DownloadRequest r = request();
  r.revision = QStringLiteral("v9");
  try {
    downloadModel(r);
    FAIL();
  } catch (const HubError& e) {
    EXPECT_EQ(e.kind(), HubError::Kind::NotFound);
    EXPECT_NE(std::string(e.what()).find("no revision 'v9'"), std::string::npos) << e.what();
  }
}

TEST_F(HubDownloadTest, GatedModelWithoutTokenExplainsHowToLogIn) {
  server_->requiredToken = QStringLiteral("hf_right");
  try {
    downloadModel(request());
    FAIL();
  } catch (const HubError& e) {
    EXPECT_EQ(e.kind(), HubError::Kind::Unauthorized);
    const std::string msg = e.what();
    EXPECT_NE(msg.find("401"), std::string::npos) << msg;
    EXPECT_NE(msg.find("HF_TOKEN"), std::string::npos) << msg;
    EXPECT_NE(msg.find("accept its conditions"), std::string::npos) << msg;
  }
}

TEST_F(HubDownloadTest, WrongTokenIsForbiddenAndTheTokenFileIsUsed) {
  server_->requiredToken = QStringLiteral("hf_right");
  qputenv("HF_TOKEN", "hf_wrong");
  try {
    downloadModel(request());
    FAIL();
  } catch (const HubError& e) {
    EXPECT_EQ(e.kind(), HubError::Kind::Forbidden) << e.what();
    EXPECT_NE(std::string(e.what()).find("403"), std::string::npos) << e.what();
  }
  // The standard token file (what `huggingface-cli login` writes) when HF_TOKEN is not set.
  qunsetenv("HF_TOKEN");
  const QString tokenFile = cache_.path() + QStringLiteral("/token");
  QFile f(tokenFile);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write("hf_right\n");
  f.close();
  qputenv("HF_TOKEN_PATH", tokenFile.toUtf8());
  server_->requests.clear();
  expectCompleteSnapshot(downloadModel(request()));
  for (const auto& r : server_->requests) {
    if (r.path.startsWith(QLatin1String("/api/"))) {
      EXPECT_EQ(r.authorization, "Bearer hf_right");
    }
  }
}

TEST_F(HubDownloadTest, OfflineIsReportedAsSuch) {
  DownloadRequest r = request();
  r.hub.endpoint = QUrl(QStringLiteral("http://127.0.0.1:1"));  // nothing listens there
  try {
    downloadModel(r);
    FAIL();
  } catch (const HubError& e) {
    EXPECT_EQ(e.kind(), HubError::Kind::Offline);
    EXPECT_NE(std::string(e.what()).find("Cannot reach http://127.0.0.1:1"), std::string::npos) << e.what();
  }
  qputenv("HF_HUB_OFFLINE", "1");
  try {
    downloadModel(request());
    FAIL();
  } catch (const HubError& e) {
    EXPECT_EQ(e.kind(), HubError::Kind::Offline);
    EXPECT_NE(std::string(e.what()).find("HF_HUB_OFFLINE"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(server_->requests.isEmpty()) << "offline mode must not touch the network";
}

TEST_F(HubDownloadTest, NotEnoughFreeSpaceStopsBeforeDownloading) {
  try {
    downloadModel(request(), {}, [](const QString&) { return qint64(20'000'000); });
    FAIL();
  } catch (const HubError& e) {
    EXPECT_EQ(e.kind(), HubError::Kind::DiskFull);
    EXPECT_NE(std::string(e.what()).find("20.0 MB free"), std::string::npos) << e.what();
  }
  EXPECT_EQ(server_->bodyBytesSent, 0);
}

}  // namespace
}  // namespace droste::hub
