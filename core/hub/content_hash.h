#pragma once
// Checks a downloaded file against the Hub's ETag, which is the file's identity: the SHA-256 of the
// content for LFS files (all weights), the git blob SHA-1 ("blob <size>\0" + content) for small
// files kept in git (configs, tokenizer files). Fed incrementally while the bytes arrive.
#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

#include <optional>

namespace droste::hub {

class ContentHash {
 public:
  enum class Kind { Sha256, GitBlobSha1 };
  // nullopt when the ETag is neither form (then only the size can be checked).
  static std::optional<Kind> kindOf(const QString& etag);

  ContentHash(Kind kind, qint64 totalSize);
  void addData(QByteArrayView data) { hash_.addData(data); }
  QString hex() const { return QString::fromLatin1(hash_.result().toHex()); }
  Kind kind() const { return kind_; }
  QString name() const { return kind_ == Kind::Sha256 ? QStringLiteral("SHA-256") : QStringLiteral("git SHA-1"); }

 private:
  Kind kind_;
  QCryptographicHash hash_;
};

// "W/\"abc\"" -> "abc": the Hub quotes its ETags; weak prefixes are dropped as huggingface_hub does.
QString normalizeEtag(QString etag);

}  // namespace droste::hub
