#include "core/hub/hub_settings.h"

#include "core/diffusion/loading/hub_cache_lookup.h"

#include <QDir>
#include <QFile>
#include <QtGlobal>

namespace droste::hub {

namespace {

QString env(const char* name) { return qEnvironmentVariable(name).trimmed(); }

bool envIsTrue(const char* name) {
  const QString v = env(name).toUpper();
  return v == QLatin1String("1") || v == QLatin1String("ON") || v == QLatin1String("YES") || v == QLatin1String("TRUE");
}

}  // namespace

QString tokenFilePath() {
  if (const QString path = env("HF_TOKEN_PATH"); !path.isEmpty()) return QDir::cleanPath(path);
  return QDir::cleanPath(QString::fromStdString((diffusion::huggingFaceHome() / "token").string()));
}

HubSettings HubSettings::fromEnvironment() {
  HubSettings s;
  QString endpoint = env("HF_ENDPOINT");
  while (endpoint.endsWith(QLatin1Char('/'))) endpoint.chop(1);
  s.endpoint = QUrl(endpoint.isEmpty() ? QStringLiteral("https://huggingface.co") : endpoint);

  s.token = env("HF_TOKEN");
  if (s.token.isEmpty()) s.token = env("HUGGING_FACE_HUB_TOKEN");  // the older name, still honoured upstream
  if (s.token.isEmpty()) {
    QFile file(tokenFilePath());
    if (file.open(QIODevice::ReadOnly)) s.token = QString::fromUtf8(file.readAll()).trimmed();
  }

  // The cache the model discovery reads is the one the download writes (hub_cache_lookup.h has the rules).
  s.cacheDir = QDir::cleanPath(QString::fromStdString(diffusion::huggingFaceHubCache().string()));

  s.offline = envIsTrue("HF_HUB_OFFLINE");
  return s;
}

}  // namespace droste::hub
