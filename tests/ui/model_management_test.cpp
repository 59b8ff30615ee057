#include "tests/ui/model_management_test.h"

#include "core/zoom/project.h"
#include "tests/core/hub/fake_hub_server.h"
#include "tests/fixtures.h"
#include "ui/app_preferences.h"
#include "ui/main_window.h"
#include "tests/ui/test_app.h"
#include "ui/model_banner.h"
#include "ui/model_download_dialog.h"
#include "ui/model_manager_widget.h"
#include "ui/settings_dialog.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace droste::ui;
using droste::test::FakeHubServer;

namespace {

const QString kRepo = QStringLiteral("test-org/tiny-sd2-inpainting");
const QString kCommit = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
const QString kUnet = QStringLiteral("unet/diffusion_pytorch_model.safetensors");
constexpr int kWaitMs = 30'000;  // generous for a loaded 2-core machine; each step takes well under a second

// Clean (no "..") as the page stores added paths.
QString fixtures() { return QDir::cleanPath(QString::fromStdString(droste::test::fixturesDir().string())); }
QString fixtureModel() { return fixtures() + QStringLiteral("/tiny-sd2-inpainting"); }

const QByteArray kEnvKeys[] = {"HF_HOME",  "HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE", "HF_ENDPOINT", "HF_TOKEN",
                               "HUGGING_FACE_HUB_TOKEN", "HF_TOKEN_PATH", "HF_HUB_OFFLINE", "DROSTE_MODEL_DIRS"};

// Runs a scan (or waits for the one under way) and waits until the table shows it.
bool refreshAndWait(ModelManagerWidget& page) {
  QSignalSpy refreshed(&page, &ModelManagerWidget::refreshed);
  page.refresh();
  return refreshed.wait(kWaitMs);
}

int rowOf(const ModelManagerWidget& page, const QString& name) {
  for (int row = 0; row < page.entries().size(); ++row)
    if (page.entries()[row].name == name) return row;
  return -1;
}

QString cell(const ModelManagerWidget& page, int row, int column) {
  const QTableWidgetItem* item = page.table()->item(row, column);
  return item ? item->text() : QString();
}

template <typename T>
T* child(const QObject* parent, const char* name) {
  return parent->findChild<T*>(QString::fromLatin1(name));
}

}  // namespace

void ModelManagementTest::initTestCase() {
  for (const QByteArray& key : kEnvKeys)
    if (qEnvironmentVariableIsSet(key.constData())) savedEnv_[key] = qgetenv(key.constData());
}

void ModelManagementTest::init() {
  QSettings().clear();
  scratch_ = std::make_unique<QTemporaryDir>();
  QVERIFY(scratch_->isValid());
  QDir(scratch_->path()).mkpath(QStringLiteral("hf"));
  QDir(scratch_->path()).mkpath(QStringLiteral("models"));
  for (const QByteArray& key : kEnvKeys) qunsetenv(key.constData());
  // Never the developer's own cache, token or model folders.
  qputenv("HF_HOME", (scratch_->path() + QStringLiteral("/hf")).toUtf8());
  qputenv("HF_TOKEN_PATH", (scratch_->path() + QStringLiteral("/no-token")).toUtf8());
  qputenv("DROSTE_MODEL_DIRS", (scratch_->path() + QStringLiteral("/models")).toUtf8());
}

void ModelManagementTest::cleanupTestCase() {
  for (const QByteArray& key : kEnvKeys) qunsetenv(key.constData());
  for (auto it = savedEnv_.cbegin(); it != savedEnv_.cend(); ++it) qputenv(it.key().constData(), it.value());
  QSettings().clear();
  scratch_.reset();
}

void ModelManagementTest::listsTheFixtureModelsWithFamilyAndInpainting() {
  {
    ModelManagerWidget closedAtOnce;  // Settings closed while its first scan runs: no crash, no late update
    closedAtOnce.refresh();
  }
  ModelManagerWidget page;
  QVERIFY(refreshAndWait(page));
  QCOMPARE(page.table()->rowCount(), 0);  // an empty cache and model folder

  QSignalSpy refreshed(&page, &ModelManagerWidget::refreshed);
  page.addPath(fixtures());  // a folder of models: each model inside is listed
  QVERIFY(refreshed.wait(kWaitMs));
  struct Expected {
    QString name, inpainting, dtype;
    QString problem;  // a phrase of why it cannot be used; empty: usable
  };
  // The tiny single files carry no configs: their UNet's attention heads cannot be told from the weights
  // (32 channels, 64 per head in SD2), so alone they cannot be painted with; their folder can.
  const QString noHeads = QStringLiteral("attention heads");
  const QList<Expected> expected{
      {QStringLiteral("tiny-sd2-base"), QStringLiteral("no"), QStringLiteral("fp32 + fp16"), {}},
      {QStringLiteral("tiny-sd2-inpainting"), QStringLiteral("yes"), QStringLiteral("fp32 + fp16"), {}},
      {QStringLiteral("tiny-sd2-inpainting-single-fp16.safetensors"), QStringLiteral("yes"), QStringLiteral("fp16"), noHeads},
      {QStringLiteral("tiny-sd2-inpainting-single.safetensors"), QStringLiteral("yes"), QStringLiteral("fp32 + fp16"), noHeads},
  };
  QCOMPARE(page.table()->rowCount(), expected.size());  // goldens/ and tokenizer/ are no models
  for (const Expected& e : expected) {
    const int row = rowOf(page, e.name);
    QVERIFY2(row >= 0, qPrintable(e.name));
    const QString problem = page.entries()[row].problem;
    if (e.problem.isEmpty()) QVERIFY2(problem.isEmpty(), qPrintable(problem));
    else QVERIFY2(problem.contains(e.problem), qPrintable(problem));
    QCOMPARE(cell(page, row, ModelManagerWidget::NameColumn), e.name);
    if (e.problem.isEmpty()) QCOMPARE(cell(page, row, ModelManagerWidget::FamilyColumn), QStringLiteral("SD 2.x"));
    QVERIFY(page.entries()[row].bytes > 10'000'000);  // the facts are known even when it cannot be used
    if (!e.problem.isEmpty()) {
      QVERIFY(cell(page, row, ModelManagerWidget::FamilyColumn).startsWith(QStringLiteral("Cannot be used")));
      QVERIFY2(cell(page, row, ModelManagerWidget::FamilyColumn).contains(e.problem),
               qPrintable(cell(page, row, ModelManagerWidget::FamilyColumn)));
      continue;
    }
    QCOMPARE(cell(page, row, ModelManagerWidget::InpaintingColumn), e.inpainting);
    QCOMPARE(cell(page, row, ModelManagerWidget::DtypeColumn), e.dtype);
    QVERIFY(page.entries()[row].bytes > 10'000'000);
    QVERIFY2(cell(page, row, ModelManagerWidget::SizeColumn).endsWith(QLatin1String("MB")),
             qPrintable(cell(page, row, ModelManagerWidget::SizeColumn)));
    QVERIFY(cell(page, row, ModelManagerWidget::LocationColumn).startsWith(fixtures()));
  }
  // fp16 halves the bytes of the same weights.
  QVERIFY(page.entries()[rowOf(page, expected[2].name)].bytes < page.entries()[rowOf(page, expected[3].name)].bytes);
}

void ModelManagementTest::brokenModelsShowTheirProblemInTheirRow() {
  const QString dir = scratch_->path() + QStringLiteral("/broken");
  QVERIFY(QDir().mkpath(dir + QStringLiteral("/half-a-model")));
  auto write = [](const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
  };
  QVERIFY(write(dir + QStringLiteral("/half-a-model/model_index.json"), "{\"_class_name\": \"StableDiffusionPipeline\"}"));
  QVERIFY(write(dir + QStringLiteral("/junk.safetensors"), "this is not a safetensors file"));
  QVERIFY(write(dir + QStringLiteral("/old.ckpt"), "pickle"));

  ModelManagerWidget page;
  QSignalSpy refreshed(&page, &ModelManagerWidget::refreshed);
  page.addPath(dir);
  QVERIFY(refreshed.wait(kWaitMs));
  QCOMPARE(page.table()->rowCount(), 3);
  for (int row = 0; row < 3; ++row) {
    QVERIFY(!page.entries()[row].problem.isEmpty());
    QVERIFY2(cell(page, row, ModelManagerWidget::FamilyColumn).startsWith(QLatin1String("Cannot be used: ")),
             qPrintable(cell(page, row, ModelManagerWidget::FamilyColumn)));
    QCOMPARE(page.table()->columnSpan(row, ModelManagerWidget::FamilyColumn), 5);  // up to the location
    QVERIFY(!cell(page, row, ModelManagerWidget::FamilyColumn).contains(dir));  // the reason, not the path, shows
    page.table()->selectRow(row);
    QVERIFY(!child<QPushButton>(&page, "setDefaultModel")->isEnabled());  // a broken model cannot be the default
  }
  const int pickle = rowOf(page, QStringLiteral("old.ckpt"));
  QVERIFY(cell(page, pickle, ModelManagerWidget::FamilyColumn).contains(QLatin1String("pickle")));
}

void ModelManagementTest::addedFolderPersistsAndRemoveForgetsIt() {
  const QString dir = scratch_->path() + QStringLiteral("/mine");
  QVERIFY(QDir().mkpath(dir));
  QVERIFY(QFile::link(fixtureModel(), dir + QStringLiteral("/my-inpainting-model")));
  {
    ModelManagerWidget page;
    QSignalSpy refreshed(&page, &ModelManagerWidget::refreshed);
    page.addPath(dir + QStringLiteral("/"));  // stored clean
    QVERIFY(refreshed.wait(kWaitMs));
    QCOMPARE(prefs::addedModelPaths().get(), QStringList{dir});
    QCOMPARE(page.table()->rowCount(), 1);
    QCOMPARE(page.entries()[0].name, QStringLiteral("my-inpainting-model"));
  }
  ModelManagerWidget reopened;  // what the next Settings dialog shows
  auto* list = child<QListWidget>(&reopened, "addedModelPaths");
  QCOMPARE(list->count(), 1);
  QCOMPARE(list->item(0)->text(), dir);
  QVERIFY(refreshAndWait(reopened));
  QCOMPARE(reopened.table()->rowCount(), 1);

  auto* remove = child<QPushButton>(&reopened, "removeModelPath");
  QVERIFY(!remove->isEnabled());  // nothing chosen yet
  list->setCurrentRow(0);
  QVERIFY(remove->isEnabled());
  QSignalSpy refreshed(&reopened, &ModelManagerWidget::refreshed);
  remove->click();
  QVERIFY(refreshed.wait(kWaitMs));
  QVERIFY(prefs::addedModelPaths().get().isEmpty());
  QCOMPARE(list->count(), 0);
  QCOMPARE(reopened.table()->rowCount(), 0);
  QVERIFY(QFileInfo::exists(dir + QStringLiteral("/my-inpainting-model/model_index.json")));  // nothing deleted
}

void ModelManagementTest::setAsDefaultWritesThePreference() {
  ModelManagerWidget page;
  QSignalSpy refreshed(&page, &ModelManagerWidget::refreshed);
  page.addPath(fixtureModel());  // a model folder itself
  QVERIFY(refreshed.wait(kWaitMs));
  QCOMPARE(page.table()->rowCount(), 1);
  auto* setDefault = child<QPushButton>(&page, "setDefaultModel");
  QVERIFY(!setDefault->isEnabled());
  page.table()->selectRow(0);
  QVERIFY(setDefault->isEnabled());
  QSignalSpy changed(&page, &ModelManagerWidget::defaultModelChanged);
  setDefault->click();
  QCOMPARE(prefs::modelLocation().get(), fixtureModel());
  QCOMPARE(changed.count(), 1);
  QCOMPARE(changed.at(0).at(0).toString(), fixtureModel());
  QCOMPARE(cell(page, 0, ModelManagerWidget::NameColumn), QStringLiteral("tiny-sd2-inpainting (default)"));
  QVERIFY(page.table()->item(0, ModelManagerWidget::NameColumn)->font().bold());
  QVERIFY(!setDefault->isEnabled());  // it already is

  // In the Settings dialog the General page's model field follows, so OK keeps the choice.
  prefs::modelLocation().reset();
  SettingsDialog dialog;
  dialog.modelManager()->setDefault(fixtureModel());
  QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("modelLocation"))->text(), fixtureModel());
  dialog.store();
  QCOMPARE(prefs::modelLocation().get(), fixtureModel());
}

void ModelManagementTest::downloadShowsProgressAndTheModelAppearsInTheList() {
  FakeHubServer hub(kRepo, kCommit);
  hub.addFolder(fixtureModel());
  qputenv("HF_ENDPOINT", hub.endpoint().toString().toUtf8());

  ModelManagerWidget page;
  QVERIFY(refreshAndWait(page));
  QCOMPARE(page.table()->rowCount(), 0);

  QPointer<ModelDownloadDialog> dialog = page.openDownloadDialog();
  QCOMPARE(child<QLineEdit>(dialog, "repoId")->text(), QStringLiteral("stabilityai/stable-diffusion-2-inpainting"));
  dialog->setRepoId(kRepo);
  auto* bar = child<QProgressBar>(dialog, "downloadProgress");
  QList<int> seen;
  connect(bar, &QProgressBar::valueChanged, this, [&seen](int v) { seen << v; });
  QSignalSpy downloaded(dialog.data(), &ModelDownloadDialog::downloaded);
  child<QPushButton>(dialog, "startDownload")->click();
  QVERIFY(dialog->isDownloading());
  QVERIFY(downloaded.wait(kWaitMs));
  QVERIFY(!dialog->isDownloading());
  const QString snapshot = downloaded.at(0).at(0).toString();
  QCOMPARE(snapshot, scratch_->path() + QStringLiteral("/hf/hub/models--test-org--tiny-sd2-inpainting/snapshots/") + kCommit);
  QCOMPARE(bar->value(), 100);  // from the job's last progress report, not set by hand
  QVERIFY(!seen.isEmpty());
  QCOMPARE(seen.last(), 100);
  const QString transfer = child<QLabel>(dialog, "downloadTransfer")->text();
  QVERIFY2(transfer.contains(QLatin1String(" of ")) && transfer.contains(QLatin1String("MB")), qPrintable(transfer));
  QVERIFY(dialog->errorText().isEmpty());

  // The download lands in the table, and the dialog offers to make it the default.
  QTRY_VERIFY_WITH_TIMEOUT(!page.isScanning() && rowOf(page, kRepo) >= 0, kWaitMs);
  int row = rowOf(page, kRepo);
  QCOMPARE(page.entries()[row].kind, QStringLiteral("Hugging Face cache"));
  QCOMPARE(cell(page, row, ModelManagerWidget::FamilyColumn), QStringLiteral("SD 2.x"));
  QCOMPARE(cell(page, row, ModelManagerWidget::InpaintingColumn), QStringLiteral("yes"));
  auto* use = child<QPushButton>(dialog, "useDownloadedModel");
  QVERIFY(use->isVisible());
  use->click();
  QCOMPARE(prefs::modelLocation().get(), snapshot);
  QTRY_VERIFY(dialog.isNull());  // closed and deleted
  QTRY_VERIFY_WITH_TIMEOUT(!page.isScanning(), kWaitMs);
  row = rowOf(page, kRepo);
  QCOMPARE(cell(page, row, ModelManagerWidget::NameColumn), kRepo + QStringLiteral(" (default)"));
}

void ModelManagementTest::unknownRepoShowsNotFound() {
  FakeHubServer hub(kRepo, kCommit);
  hub.addFolder(fixtureModel());
  qputenv("HF_ENDPOINT", hub.endpoint().toString().toUtf8());
  ModelDownloadDialog dialog;
  dialog.setRepoId(QStringLiteral("test-org/no-such-model"));
  QSignalSpy failed(&dialog, &ModelDownloadDialog::downloadFailed);
  QSignalSpy downloaded(&dialog, &ModelDownloadDialog::downloaded);
  dialog.startDownload();
  QVERIFY(failed.wait(kWaitMs));
  QCOMPARE(downloaded.count(), 0);
  QVERIFY2(dialog.errorText().contains(QLatin1String("The Hub has no model named test-org/no-such-model")),
           qPrintable(dialog.errorText()));
  QVERIFY(!child<QPushButton>(&dialog, "useDownloadedModel")->isVisibleTo(&dialog));
  QVERIFY(child<QPushButton>(&dialog, "startDownload")->isEnabled());  // fix the name, try again
}

void ModelManagementTest::aStoppedDownloadResumesWhenStartedAgain() {
  FakeHubServer hub(kRepo, kCommit);
  hub.addFolder(fixtureModel());
  qputenv("HF_ENDPOINT", hub.endpoint().toString().toUtf8());
  ModelDownloadDialog dialog;
  dialog.setRepoId(kRepo);
  auto* bar = child<QProgressBar>(&dialog, "downloadProgress");
  auto* file = child<QLabel>(&dialog, "downloadFile");
  // Press Cancel while the big UNet file (22 MB of the 36) comes in.
  auto stopper = connect(bar, &QProgressBar::valueChanged, &dialog, [&dialog, file] {
    if (file->text().contains(QLatin1String("unet/"))) dialog.cancelDownload();
  });
  QSignalSpy downloaded(&dialog, &ModelDownloadDialog::downloaded);
  dialog.startDownload();
  QTRY_VERIFY_WITH_TIMEOUT(!dialog.isDownloading(), kWaitMs);
  disconnect(stopper);
  QCOMPARE(downloaded.count(), 0);
  QVERIFY2(bar->value() < 100, qPrintable(QString::number(bar->value())));
  QVERIFY(child<QLabel>(&dialog, "downloadTransfer")->text().startsWith(QLatin1String("Stopped")));
  QDirIterator partials(scratch_->path() + QStringLiteral("/hf/hub"), {QStringLiteral("*.incomplete")}, QDir::Files,
                        QDirIterator::Subdirectories);
  bool partialKept = false;  // a file stopped half-way (not one stopped before its first byte)
  while (partials.hasNext()) partialKept |= QFileInfo(partials.next()).size() > 0;

  hub.requests.clear();
  hub.bodyBytesSent = 0;
  dialog.startDownload();  // as the dialog says: press Download to continue
  QVERIFY(downloaded.wait(kWaitMs));
  QVERIFY(dialog.errorText().isEmpty());
  QCOMPARE(bar->value(), 100);
  // What the first try fetched is not fetched again.
  qint64 modelBytes = 0;
  for (QDirIterator it(fixtureModel(), QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
    modelBytes += QFileInfo(it.next()).size();
  QVERIFY2(hub.bodyBytesSent < modelBytes - 1'000'000,
           qPrintable(QStringLiteral("sent %1 of %2 bytes again").arg(hub.bodyBytesSent).arg(modelBytes)));
  bool ranged = false;
  for (const auto& r : hub.requests)
    if (r.range.startsWith("bytes=") && !r.range.startsWith("bytes=0-")) ranged = true;
  QCOMPARE(ranged, partialKept);  // a file stopped half-way continues with an HTTP range
}

void ModelManagementTest::noConnectionSaysSo() {
  qputenv("HF_ENDPOINT", "http://127.0.0.1:1");  // nothing listens there
  ModelDownloadDialog dialog;
  QSignalSpy failed(&dialog, &ModelDownloadDialog::downloadFailed);
  dialog.startDownload();  // the default repo id
  QVERIFY(failed.wait(kWaitMs));
  QVERIFY2(dialog.errorText().startsWith(QLatin1String("Droste cannot reach the Hugging Face Hub.")),
           qPrintable(dialog.errorText()));
  QVERIFY2(dialog.errorText().contains(QLatin1String("127.0.0.1:1")), qPrintable(dialog.errorText()));  // the detail
}

void ModelManagementTest::cancelAndCloseMidDownloadAreSafe() {
  FakeHubServer hub(kRepo, kCommit);
  hub.addFolder(fixtureModel());
  qputenv("HF_ENDPOINT", hub.endpoint().toString().toUtf8());
  {
    ModelDownloadDialog dialog;
    dialog.setRepoId(kRepo);
    QSignalSpy downloaded(&dialog, &ModelDownloadDialog::downloaded);
    dialog.startDownload();
    dialog.cancelDownload();  // reaches the job right after its start: the listing request is aborted
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isDownloading(), kWaitMs);
    QCOMPARE(downloaded.count(), 0);
    QVERIFY(dialog.errorText().isEmpty());  // a cancel is no error
    QVERIFY(child<QLabel>(&dialog, "downloadTransfer")->text().startsWith(QLatin1String("Stopped")));
  }
  {
    // Closed while the transfer runs: the job is cancelled and its thread joined, nothing crashes later.
    auto* dialog = new ModelDownloadDialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<ModelDownloadDialog> guard(dialog);
    dialog->setRepoId(kRepo);
    dialog->show();
    dialog->startDownload();
    QTest::qWait(50);
    dialog->close();
    QTRY_VERIFY(guard.isNull());
    QTest::qWait(100);  // any late signal of the job would land on a deleted dialog here
  }
  ModelDownloadDialog again;  // and the next try completes what is in the cache
  again.setRepoId(kRepo);
  QSignalSpy downloaded(&again, &ModelDownloadDialog::downloaded);
  again.startDownload();
  QVERIFY(downloaded.wait(kWaitMs));
}

void ModelManagementTest::bannerDownloadMakesTheWindowUseTheModel() {
  FakeHubServer hub(kRepo, kCommit);
  hub.addFolder(fixtureModel());
  qputenv("HF_ENDPOINT", hub.endpoint().toString().toUtf8());
  TestApp app;
  MainWindow& window = app.window;
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  QVERIFY(window.modelBanner()->isVisible());  // first run: no model
  QVERIFY(window.project()->settings().painter == droste::zoom::PainterKind::Draft);
  child<QPushButton>(window.modelBanner(), "bannerDownloadModel")->click();
  QPointer<ModelDownloadDialog> dialog = window.findChild<ModelDownloadDialog*>();
  QVERIFY(dialog);
  QVERIFY(dialog->isVisible());
  dialog->setRepoId(kRepo);
  QSignalSpy downloaded(dialog.data(), &ModelDownloadDialog::downloaded);
  dialog->startDownload();
  QVERIFY(downloaded.wait(kWaitMs));
  const QString snapshot = downloaded.at(0).at(0).toString();
  QCOMPARE(prefs::modelLocation().get(), snapshot);
  QVERIFY(window.project()->settings().painter == droste::zoom::PainterKind::StableDiffusion);
  QCOMPARE(window.project()->settings().model, snapshot);
  QVERIFY(!window.modelBanner()->isVisible());  // a model is there now
  QVERIFY(!child<QPushButton>(dialog, "useDownloadedModel")->isVisible());  // already in use: nothing to offer
  dialog->close();
  QTRY_VERIFY(dialog.isNull());
}
