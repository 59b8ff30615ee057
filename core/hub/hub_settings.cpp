#include "core/hub/hub_settings.h"

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

QString hfHome() {
  if (const QString home = env("HF_HOME"); !home.isEmpty()) return QDir::cleanPath(home);
  const QString xdg = env("XDG_CACHE_HOME");
  const QString cache = xdg.isEmpty() ? QDir::homePath() + QStringLiteral("/.cache") : xdg;
  return QDir::cleanPath(cache + QStringLiteral("/huggingface"));
}

QString tokenFilePath() {
  if (const QString path = env("HF_TOKEN_PATH"); !path.isEmpty()) return QDir::cleanPath(path);
  return hfHome() + QStringLiteral("/token");
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

  s.cacheDir = env("HF_HUB_CACHE");
  if (s.cacheDir.isEmpty()) s.cacheDir = env("HUGGINGFACE_HUB_CACHE");
  if (s.cacheDir.isEmpty()) s.cacheDir = hfHome() + QStringLiteral("/hub");
  s.cacheDir = QDir::cleanPath(s.cacheDir);

  s.offline = envIsTrue("HF_HUB_OFFLINE");
  return s;
}

}  // namespace droste::hub
