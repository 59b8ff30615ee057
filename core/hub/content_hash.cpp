#include "core/hub/content_hash.h"

#include <QRegularExpression>

namespace droste::hub {

std::optional<ContentHash::Kind> ContentHash::kindOf(const QString& etag) {
  static const QRegularExpression sha256(QStringLiteral("^[0-9a-f]{64}$"));
  static const QRegularExpression sha1(QStringLiteral("^[0-9a-f]{40}$"));
  if (sha256.match(etag).hasMatch()) return Kind::Sha256;
  if (sha1.match(etag).hasMatch()) return Kind::GitBlobSha1;
  return std::nullopt;
}

ContentHash::ContentHash(Kind kind, qint64 totalSize)
    : kind_(kind), hash_(kind == Kind::Sha256 ? QCryptographicHash::Sha256 : QCryptographicHash::Sha1) {
  if (kind == Kind::GitBlobSha1) {
    const QByteArray header = "blob " + QByteArray::number(totalSize) + '\0';
    hash_.addData(header);
  }
}

QString normalizeEtag(QString etag) {
  etag = etag.trimmed();
  if (etag.startsWith(QLatin1String("W/"))) etag.remove(0, 2);
  if (etag.size() >= 2 && etag.startsWith(QLatin1Char('"')) && etag.endsWith(QLatin1Char('"'))) etag = etag.mid(1, etag.size() - 2);
  return etag;
}

}  // namespace droste::hub
