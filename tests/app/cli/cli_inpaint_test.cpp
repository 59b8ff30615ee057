// `droste-cli inpaint` on the tiny fixture models reproduces the pipeline goldens' pictures within
// 2/255 per channel. The goldens' input picture and mask are 8-bit, so they are written as PNG first.
#include "core/diffusion/loading/config_json.h"
#include "core/io/image_tensor.h"
#include "core/io/safetensors.h"
#include "tests/fixtures.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

using namespace droste;

namespace {

// A golden case of the shared SD fixtures, or of the project's SDXL ones ("sdxl/NAME").
struct GoldenCase {
  std::filesystem::path fixtures;
  std::string name;
};

GoldenCase goldenCase(const std::string& param) {
  if (param.rfind("sdxl/", 0) == 0) return {DROSTE_SDXL_FIXTURES_DIR, param.substr(5)};
  return {test::fixturesDir(), param};
}

nlohmann::json caseMeta(const GoldenCase& golden) {
  const std::string& name = golden.name;
  for (const char* file : {"pipeline_cases.json", "pipeline_cases_extra.json"}) {
    std::ifstream in(golden.fixtures / "goldens" / file);
    if (!in) continue;
    std::stringstream text;
    text << in.rdbuf();
    for (const auto& c : diffusion::parseConfigJson(text.str()))  // the JSON contains -Infinity
      if (c.at("name") == name) return c;
  }
  throw std::runtime_error("no golden case " + name);
}

QString q(const std::string& s) { return QString::fromStdString(s); }

struct CliRun {
  int exitCode;
  QString output;
};

// cpuLimit: DROSTE_CPU_CAPABILITY for the run (e.g. "avx2": as on a CPU without AVX-512).
CliRun runCli(const QStringList& args, const QString& cpuLimit = {}) {
  QProcess p;
  p.setProcessChannelMode(QProcess::MergedChannels);
  if (!cpuLimit.isEmpty()) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DROSTE_CPU_CAPABILITY"), cpuLimit);
    p.setProcessEnvironment(env);
  }
  p.start(QStringLiteral(DROSTE_CLI_PATH), args);
  EXPECT_TRUE(p.waitForFinished(300000));
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

// `droste-cli inpaint` on the tiny SD2 inpainting model, CPU, one quick prompt: the arguments every
// error and precision test starts from.
QStringList tinyInpaintArgs(const QString& image, const QString& mask, int steps, const QString& output) {
  return {QStringLiteral("inpaint"), QStringLiteral("--model"), q((test::fixturesDir() / "tiny-sd2-inpainting").string()),
          QStringLiteral("--image"), image, QStringLiteral("--mask"), mask, QStringLiteral("--prompt"),
          QStringLiteral("x"), QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--steps"),
          QString::number(steps), QStringLiteral("--output"), output};
}

class CliInpaint : public ::testing::TestWithParam<std::string> {};

TEST_P(CliInpaint, ReproducesTheGoldenPicture) {
  const GoldenCase which = goldenCase(GetParam());
  const nlohmann::json c = caseMeta(which);
  const io::SafetensorsFile g(which.fixtures / "goldens" / ("pipeline_" + which.name + ".safetensors"));
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString imagePath = dir.filePath(QStringLiteral("in.png")), maskPath = dir.filePath(QStringLiteral("mask.png"));
  const QString outPath = dir.filePath(QStringLiteral("out.png"));
  ASSERT_TRUE(io::rgbU8ToImage(g.loadStored("image_u8")).save(imagePath));
  const at::Tensor maskU8 = g.loadStored("mask_u8").contiguous();
  QImage mask(int(maskU8.size(1)), int(maskU8.size(0)), QImage::Format_Grayscale8);
  for (int y = 0; y < mask.height(); ++y)
    std::memcpy(mask.scanLine(y), maskU8.data_ptr<uint8_t>() + size_t(y) * mask.width(), size_t(mask.width()));
  ASSERT_TRUE(mask.save(maskPath));

  QStringList args{QStringLiteral("inpaint"), QStringLiteral("--model"),
                   q((which.fixtures / c.value("model", std::string("tiny-sd2-inpainting"))).string()),
                   QStringLiteral("--image"), imagePath, QStringLiteral("--mask"), maskPath,
                   QStringLiteral("--prompt"), q(c.at("prompt")),
                   QStringLiteral("--steps"), QString::number(c.at("steps").get<int>()),
                   QStringLiteral("--guidance"), QString::number(c.at("guidance_scale").get<double>()),
                   QStringLiteral("--seed"), QString::number(c.at("seed").get<uint64_t>()),
                   QStringLiteral("--strength"), QString::number(c.at("strength").get<double>()),
                   QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--dtype"), QStringLiteral("fp32"),
                   QStringLiteral("--output"), outPath};  // the goldens' precision (auto may pick bf16)
  if (!c.at("negative_prompt").is_null()) args << QStringLiteral("--negative-prompt") << q(c.at("negative_prompt"));
  const std::string scheduler = c.at("scheduler");
  if (scheduler != "default")
    args << QStringLiteral("--scheduler")
         << (scheduler == "euler_a" ? QStringLiteral("euler-a")
             : scheduler == "dpmpp_2m_karras" ? QStringLiteral("dpm++2m-karras")
                                              : q(scheduler));
  if (c.contains("config")) args << QStringLiteral("--config") << q((which.fixtures / c.at("config").get<std::string>()).string());

  const CliRun run = runCli(args);
  ASSERT_EQ(run.exitCode, 0) << run.output.toStdString();
  // The last progress line counts the steps asked for (PNDM evaluates one more time than that).
  if (c.at("strength").get<double>() == 1.0)
    EXPECT_TRUE(run.output.contains(QStringLiteral("step %1/%1").arg(c.at("steps").get<int>())))
        << run.output.toStdString();
  else
    EXPECT_TRUE(run.output.contains(QRegularExpression(QStringLiteral(R"(step (\d+)/\1\b)"))))
        << run.output.toStdString();
  EXPECT_TRUE(run.output.contains(QStringLiteral("it/s"))) << run.output.toStdString();

  const QImage out = QImage(outPath).convertToFormat(QImage::Format_RGB888);
  const at::Tensor golden = g.loadStored("image")[0];  // [H,W,3] in [0,1]
  ASSERT_EQ(out.height(), golden.size(0));
  ASSERT_EQ(out.width(), golden.size(1));
  at::Tensor ours = at::empty({out.height(), out.width(), 3}, at::kByte);
  for (int y = 0; y < out.height(); ++y)
    std::memcpy(ours.data_ptr<uint8_t>() + size_t(y) * out.width() * 3, out.constScanLine(y), size_t(out.width()) * 3);
  const double maxDiff = (ours.to(at::kFloat) - golden * 255.0f).abs().max().item<double>();
  EXPECT_LE(maxDiff, 2.0) << "max difference in 8-bit levels";
  RecordProperty("max_diff_levels", std::to_string(maxDiff));
}

INSTANTIATE_TEST_SUITE_P(Goldens, CliInpaint,
                         // Each run starts a process and loads a model: cases that cover the options (default
                         // / named scheduler, negative prompt, --strength, --config with a single file) for SD2
                         // and SDXL (its 0.9999 default strength, no negative prompt = zero embeddings, the
                         // fp16 single file); every case is checked in-process by droste_diffusion_tests.
                         ::testing::Values("pndm", "dpmpp_2m_karras", "ddim_strength06", "single_fp16_pndm",
                                           "sdxl/euler", "sdxl/euler_nocfg", "sdxl/nonsquare_128x192",
                                           "sdxl/single_fp16"),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '/', '_');
                           return name;
                         });

TEST(CliInpaintErrors, BadInputExitsNonZeroWithAMessage) {
  QTemporaryDir dir;
  const QString image = dir.filePath(QStringLiteral("odd.png")), mask = dir.filePath(QStringLiteral("mask.png"));
  QImage odd(100, 64, QImage::Format_RGB888);
  odd.fill(Qt::gray);
  ASSERT_TRUE(odd.save(image));
  QImage m(100, 64, QImage::Format_Grayscale8);
  m.fill(255);
  ASSERT_TRUE(m.save(mask));
  const QStringList base = tinyInpaintArgs(image, mask, 1, dir.filePath(QStringLiteral("o.png")));
  CliRun r = runCli(base);
  EXPECT_NE(r.exitCode, 0);
  EXPECT_TRUE(r.output.contains(QStringLiteral("multiples of 8"))) << r.output.toStdString();

  r = runCli(base + QStringList{QStringLiteral("--scheduler"), QStringLiteral("heun")});
  EXPECT_NE(r.exitCode, 0);
  EXPECT_TRUE(r.output.contains(QStringLiteral("unknown scheduler \"heun\""))) << r.output.toStdString();

  r = runCli(base + QStringList{QStringLiteral("--dtype"), QStringLiteral("fp16")});
  EXPECT_NE(r.exitCode, 0);
  EXPECT_TRUE(r.output.contains(QStringLiteral("choose fp32"))) << r.output.toStdString();

  r = runCli(base + QStringList{QStringLiteral("--dtype"), QStringLiteral("fp8")});
  EXPECT_NE(r.exitCode, 0);
  EXPECT_TRUE(r.output.contains(QStringLiteral("auto, fp32, fp16 or bf16"))) << r.output.toStdString();
}

// On a CPU without AVX-512 (forced): --dtype bf16 is refused with the reason before the model loads,
// never a torch exception; the default (auto) paints in fp32 there, and `info` says so.
TEST(CliPrecision, Bf16WithoutAvx512IsRefusedAndAutoPaintsInFp32) {
  QTemporaryDir dir;
  const QString image = dir.filePath(QStringLiteral("in.png")), mask = dir.filePath(QStringLiteral("mask.png"));
  QImage picture(64, 64, QImage::Format_RGB888);
  picture.fill(Qt::darkCyan);
  ASSERT_TRUE(picture.save(image));
  QImage m(64, 64, QImage::Format_Grayscale8);
  m.fill(0);
  for (int y = 16; y < 48; ++y)
    for (int x = 16; x < 48; ++x) m.setPixel(x, y, 255);
  ASSERT_TRUE(m.save(mask));
  const QString out = dir.filePath(QStringLiteral("o.png"));
  const QStringList base = tinyInpaintArgs(image, mask, 2, out);

  CliRun r = runCli(base + QStringList{QStringLiteral("--dtype"), QStringLiteral("bf16")}, QStringLiteral("avx2"));
  EXPECT_EQ(r.exitCode, 1) << r.output.toStdString();
  EXPECT_TRUE(r.output.contains(QStringLiteral("bf16 needs a CPU with AVX-512"))) << r.output.toStdString();
  EXPECT_TRUE(r.output.contains(QStringLiteral("choose fp32"))) << r.output.toStdString();
  EXPECT_FALSE(r.output.contains(QStringLiteral("loaded "))) << "refused only after loading: " << r.output.toStdString();
  EXPECT_FALSE(r.output.contains(QStringLiteral("mkldnn"))) << r.output.toStdString();
  EXPECT_FALSE(QFileInfo::exists(out));

  r = runCli(base, QStringLiteral("avx2"));
  EXPECT_EQ(r.exitCode, 0) << r.output.toStdString();
  EXPECT_TRUE(r.output.contains(QStringLiteral("(cpu, fp32)"))) << r.output.toStdString();
  EXPECT_FALSE(QImage(out).isNull());

  r = runCli({QStringLiteral("info")}, QStringLiteral("avx2"));
  EXPECT_EQ(r.exitCode, 0) << r.output.toStdString();
  EXPECT_TRUE(r.output.contains(QStringLiteral("CPU: AVX2 (no AVX-512)")) ||
              r.output.contains(QStringLiteral("CPU: no AVX2")))
      << r.output.toStdString();
  EXPECT_TRUE(r.output.contains(QStringLiteral("CPU precisions: fp32\n"))) << r.output.toStdString();
  EXPECT_TRUE(r.output.contains(QStringLiteral("precision auto on the CPU: fp32"))) << r.output.toStdString();
}

}  // namespace
