// The pure parts of the Hub download: which files are chosen, ETag forms, speed and ETA, settings.
#include "core/diffusion/loading/hub_cache_lookup.h"
#include "core/hub/content_hash.h"
#include "core/hub/file_selection.h"
#include "core/hub/hub_error.h"
#include "core/hub/hub_cache.h"
#include "core/hub/hub_settings.h"
#include "core/hub/transfer_rate.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <filesystem>

#include <gtest/gtest.h>

namespace droste::hub {
namespace {

// The real stabilityai/stable-diffusion-2-inpainting listing, abridged (as listed on the Hub).
const QStringList kSd2Inpainting = {
    QStringLiteral(".gitattributes"), QStringLiteral("512-inpainting-ema.ckpt"), QStringLiteral("512-inpainting-ema.safetensors"),
    QStringLiteral("README.md"), QStringLiteral("model_index.json"),
    QStringLiteral("scheduler/scheduler_config.json"),
    QStringLiteral("text_encoder/config.json"), QStringLiteral("text_encoder/model.fp16.safetensors"),
    QStringLiteral("text_encoder/model.safetensors"), QStringLiteral("text_encoder/pytorch_model.bin"),
    QStringLiteral("tokenizer/merges.txt"), QStringLiteral("tokenizer/special_tokens_map.json"),
    QStringLiteral("tokenizer/tokenizer_config.json"), QStringLiteral("tokenizer/vocab.json"),
    QStringLiteral("unet/config.json"), QStringLiteral("unet/diffusion_pytorch_model.bin"),
    QStringLiteral("unet/diffusion_pytorch_model.fp16.safetensors"), QStringLiteral("unet/diffusion_pytorch_model.safetensors"),
    QStringLiteral("vae/config.json"), QStringLiteral("vae/diffusion_pytorch_model.bin"),
    QStringLiteral("vae/diffusion_pytorch_model.fp16.safetensors"), QStringLiteral("vae/diffusion_pytorch_model.safetensors"),
};

TEST(HubFileSelection, PicksFp16SafetensorsConfigsAndTokenizerOnly) {
  const QStringList chosen = selectModelFiles(kSd2Inpainting, QStringLiteral("stabilityai/stable-diffusion-2-inpainting"));
  const QStringList expected = {
      QStringLiteral("model_index.json"), QStringLiteral("scheduler/scheduler_config.json"),
      QStringLiteral("text_encoder/config.json"), QStringLiteral("text_encoder/model.fp16.safetensors"),
      QStringLiteral("tokenizer/merges.txt"), QStringLiteral("tokenizer/special_tokens_map.json"),
      QStringLiteral("tokenizer/tokenizer_config.json"), QStringLiteral("tokenizer/vocab.json"),
      QStringLiteral("unet/config.json"), QStringLiteral("unet/diffusion_pytorch_model.fp16.safetensors"),
      QStringLiteral("vae/config.json"), QStringLiteral("vae/diffusion_pytorch_model.fp16.safetensors"),
  };
  EXPECT_EQ(chosen, expected) << chosen.join(QLatin1Char(' ')).toStdString();
}

TEST(HubFileSelection, FallsBackToPlainSafetensorsAndSkipsTheSafetyChecker) {
  const QStringList repo = {QStringLiteral("model_index.json"), QStringLiteral("unet/config.json"),
                            QStringLiteral("unet/diffusion_pytorch_model.safetensors"),
                            QStringLiteral("safety_checker/config.json"), QStringLiteral("safety_checker/model.safetensors"),
                            QStringLiteral("feature_extractor/preprocessor_config.json")};
  const QStringList chosen = selectModelFiles(repo, QStringLiteral("org/m"));
  EXPECT_TRUE(chosen.contains(QStringLiteral("unet/diffusion_pytorch_model.safetensors")));
  EXPECT_FALSE(chosen.contains(QStringLiteral("safety_checker/model.safetensors")));
}

TEST(HubFileSelection, ShardedFp16WeightsComeWithTheirIndex) {
  const QStringList repo = {QStringLiteral("model_index.json"), QStringLiteral("unet/config.json"),
                            QStringLiteral("unet/diffusion_pytorch_model.safetensors.index.json"),
                            QStringLiteral("unet/diffusion_pytorch_model-00001-of-00002.safetensors"),
                            QStringLiteral("unet/diffusion_pytorch_model-00002-of-00002.safetensors"),
                            QStringLiteral("unet/diffusion_pytorch_model.safetensors.index.fp16.json"),
                            QStringLiteral("unet/diffusion_pytorch_model.fp16-00001-of-00002.safetensors"),
                            QStringLiteral("unet/diffusion_pytorch_model.fp16-00002-of-00002.safetensors")};
  const QStringList chosen = selectModelFiles(repo, QStringLiteral("org/m"));
  EXPECT_EQ(chosen, (QStringList{QStringLiteral("model_index.json"), QStringLiteral("unet/config.json"),
                                 QStringLiteral("unet/diffusion_pytorch_model.fp16-00001-of-00002.safetensors"),
                                 QStringLiteral("unet/diffusion_pytorch_model.fp16-00002-of-00002.safetensors"),
                                 QStringLiteral("unet/diffusion_pytorch_model.safetensors.index.fp16.json")}))
      << chosen.join(QLatin1Char(' ')).toStdString();
}

// A listing is untrusted input: a name that would be written outside the snapshot folder refuses the
// whole download before any byte is fetched.
TEST(HubFileSelection, PathsLeavingTheRepoAreRefused) {
  for (const char* bad : {"../../.bashrc.json", "/etc/x.json", "unet/../../x.json", "unet//config.json", "./config.json",
                          "unet\\..\\x.json", ""}) {
    EXPECT_FALSE(staysInsideTheRepo(QString::fromLatin1(bad))) << bad;
    const QStringList repo = {QStringLiteral("model_index.json"), QStringLiteral("unet/config.json"),
                              QStringLiteral("unet/diffusion_pytorch_model.safetensors"), QString::fromLatin1(bad)};
    try {
      selectModelFiles(repo, QStringLiteral("org/m"));
      ADD_FAILURE() << "accepted " << bad;
    } catch (const HubError& e) {
      EXPECT_EQ(e.kind(), HubError::Kind::Server) << bad;
      EXPECT_NE(std::string(e.what()).find("outside the model's folder"), std::string::npos) << e.what();
    }
  }
  for (const char* good : {"model_index.json", "unet/config.json", "text_encoder_2/model.fp16.safetensors", "a..b.json"})
    EXPECT_TRUE(staysInsideTheRepo(QString::fromLatin1(good))) << good;
}

TEST(HubFileSelection, PickleOnlyComponentIsRefusedWithAReason) {
  const QStringList repo = {QStringLiteral("model_index.json"), QStringLiteral("unet/config.json"),
                            QStringLiteral("unet/diffusion_pytorch_model.bin")};
  try {
    selectModelFiles(repo, QStringLiteral("org/old-model"));
    FAIL();
  } catch (const HubError& e) {
    EXPECT_EQ(e.kind(), HubError::Kind::NoUsableFiles);
    EXPECT_NE(std::string(e.what()).find("only pickle weights"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("unet"), std::string::npos) << e.what();
  }
}

TEST(HubFileSelection, SingleFileRepoTakesItsFp16Checkpoint) {
  const QStringList repo = {QStringLiteral("README.md"), QStringLiteral("model.ckpt"), QStringLiteral("model.safetensors"),
                            QStringLiteral("model.fp16.safetensors")};
  EXPECT_EQ(selectModelFiles(repo, QStringLiteral("org/m")), QStringList{QStringLiteral("model.fp16.safetensors")});
}

TEST(HubEtag, NormalisedAndClassified) {
  EXPECT_EQ(normalizeEtag(QStringLiteral("W/\"abc\"")), QStringLiteral("abc"));
  EXPECT_EQ(normalizeEtag(QStringLiteral("\"abc\"")), QStringLiteral("abc"));
  EXPECT_EQ(ContentHash::kindOf(QString(64, QLatin1Char('a'))), ContentHash::Kind::Sha256);
  EXPECT_EQ(ContentHash::kindOf(QString(40, QLatin1Char('0'))), ContentHash::Kind::GitBlobSha1);
  EXPECT_FALSE(ContentHash::kindOf(QStringLiteral("abc-1")).has_value());
  // git hash-object of "hello\n".
  ContentHash git(ContentHash::Kind::GitBlobSha1, 6);
  git.addData("hel");
  git.addData("lo\n");
  EXPECT_EQ(git.hex(), QStringLiteral("ce013625030ba8dba906f756967f9e9ca394464a"));
}

TEST(HubTransferRate, SpeedOverTheWindowAndEta) {
  TransferRate rate(5000);
  EXPECT_LT(rate.etaSeconds(100), 0.0) << "no speed yet: ETA unknown";
  rate.sample(0, 0);
  rate.sample(1000, 1'000'000);
  rate.sample(2000, 2'000'000);
  EXPECT_DOUBLE_EQ(rate.bytesPerSecond(), 1'000'000.0);
  EXPECT_DOUBLE_EQ(rate.etaSeconds(3'000'000), 3.0);
  // The connection slows down: after the window has passed only the new speed counts.
  rate.sample(12000, 3'000'000);
  rate.sample(13000, 3'100'000);
  EXPECT_NEAR(rate.bytesPerSecond(), 100'000.0, 1.0);
}

TEST(HubSettings, ReadsTheEnvironmentLikeHuggingfaceHub) {
  QTemporaryDir home;
  qputenv("HF_HOME", home.path().toUtf8());
  qunsetenv("HF_HUB_CACHE");
  qunsetenv("HUGGINGFACE_HUB_CACHE");
  qunsetenv("HF_TOKEN");
  qunsetenv("HUGGING_FACE_HUB_TOKEN");
  qunsetenv("HF_TOKEN_PATH");
  qputenv("HF_ENDPOINT", "https://mirror.example/");
  qputenv("HF_HUB_OFFLINE", "1");
  QFile token(home.path() + QStringLiteral("/token"));
  ASSERT_TRUE(token.open(QIODevice::WriteOnly));
  token.write("hf_fromfile\n");
  token.close();
  const HubSettings s = HubSettings::fromEnvironment();
  EXPECT_EQ(s.endpoint.toString(), QStringLiteral("https://mirror.example"));
  EXPECT_EQ(s.cacheDir, home.path() + QStringLiteral("/hub"));
  EXPECT_EQ(s.token, QStringLiteral("hf_fromfile"));
  EXPECT_TRUE(s.offline);
  qputenv("HF_TOKEN", "hf_env");
  EXPECT_EQ(HubSettings::fromEnvironment().token, QStringLiteral("hf_env"));
  for (const char* v : {"HF_HOME", "HF_ENDPOINT", "HF_HUB_OFFLINE", "HF_TOKEN"}) qunsetenv(v);
}

// What the download writes is what the model discovery reads: one set of cache rules.
TEST(HubCacheLayout, TheDiscoveryFindsWhatTheDownloadWrote) {
  EXPECT_EQ(HubCache::folderName(QStringLiteral("stabilityai/stable-diffusion-2-inpainting")),
            QStringLiteral("models--stabilityai--stable-diffusion-2-inpainting"));
  QTemporaryDir cache;
  const HubCache repo(cache.path(), QStringLiteral("org/name"));
  QDir().mkpath(repo.snapshotDir(QStringLiteral("0ld")));
  QDir().mkpath(repo.snapshotDir(QStringLiteral("c0ffee")));
  repo.writeRef(QStringLiteral("main"), QStringLiteral("c0ffee"));
  const std::filesystem::path folder = repo.repoDir().toStdString();
  EXPECT_EQ(diffusion::repoIdOfCacheFolder(folder), "org/name");
  EXPECT_EQ(diffusion::snapshotOf(folder), std::filesystem::path(repo.snapshotDir(QStringLiteral("c0ffee")).toStdString()));
}

}  // namespace
}  // namespace droste::hub
