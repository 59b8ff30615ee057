#include "tests/core/hub/fake_hub_server.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>

namespace droste::test {

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

bool isLfs(const QString& path) {
  static const QRegularExpression re(QStringLiteral("\\.(safetensors|bin|ckpt|pt|pth)$"));
  return re.match(path).hasMatch();
}

QByteArray sha256Hex(const QByteArray& data) { return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex(); }

QByteArray gitBlobSha1Hex(const QByteArray& data) {
  return QCryptographicHash::hash("blob " + QByteArray::number(data.size()) + '\0' + data, QCryptographicHash::Sha1).toHex();
}

QByteArray reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 206: return "Partial Content";
    case 302: return "Found";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 416: return "Range Not Satisfiable";
    default: return "Status";
  }
}

}  // namespace

FakeHubServer::FakeHubServer(QString repoId, QString commit)
    : repoId_(std::move(repoId)), commit_(std::move(commit)), server_(new QTcpServer(this)) {
  if (!server_->listen(QHostAddress::LocalHost, 0)) qFatal("FakeHubServer: cannot listen on 127.0.0.1");
  connect(server_, &QTcpServer::newConnection, this, &FakeHubServer::onConnection);
}

FakeHubServer::~FakeHubServer() = default;

void FakeHubServer::addFolder(const QString& folder) {
  QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString path = it.next();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) qFatal("FakeHubServer: cannot read %s", qPrintable(path));
    addFile(path.mid(folder.size() + 1), file.readAll());
  }
}

void FakeHubServer::addFile(const QString& repoPath, const QByteArray& content) {
  files_[repoPath] = content;
  sha256_[repoPath] = sha256Hex(content);
  gitSha1_[repoPath] = gitBlobSha1Hex(content);
}

QUrl FakeHubServer::endpoint() const {
  return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server_->serverPort()));
}

void FakeHubServer::onConnection() {
  while (QTcpSocket* socket = server_->nextPendingConnection()) {
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
      QByteArray head = socket->property("head").toByteArray() + socket->readAll();
      const int end = head.indexOf("\r\n\r\n");
      if (end < 0) {
        socket->setProperty("head", head);
        return;
      }
      socket->setProperty("head", QByteArray());
      handle(socket, head.left(end));
    });
  }
}

void FakeHubServer::respond(QTcpSocket* socket, int status, const Headers& headers, const QByteArray& body,
                            bool headOnly, qint64 bodyLimit, bool keepOpen) {
  QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
  bool hasLength = false;
  for (const auto& [name, value] : headers) {
    out += name + ": " + value + "\r\n";
    hasLength |= name.compare("Content-Length", Qt::CaseInsensitive) == 0;
  }
  if (!hasLength) out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
  out += "Connection: close\r\n\r\n";
  socket->write(out);
  if (!headOnly) socket->write(bodyLimit >= 0 ? body.left(bodyLimit) : body);
  if (!keepOpen) socket->disconnectFromHost();  // after the buffered bytes are out
}

void FakeHubServer::handle(QTcpSocket* socket, const QByteArray& head) {
  const QList<QByteArray> lines = head.split('\n');
  const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
  Request req{first.value(0), QUrl::fromPercentEncoding(first.value(1)), {}, {}};
  for (const QByteArray& line : lines.mid(1)) {
    const int colon = line.indexOf(':');
    const QByteArray name = line.left(colon).trimmed().toLower();
    const QByteArray value = line.mid(colon + 1).trimmed();
    if (name == "range") req.range = value;
    if (name == "authorization") req.authorization = value;
  }
  requests.append(req);
  const bool headOnly = req.method == "HEAD";
  const Headers commitHeader{{"X-Repo-Commit", commit_.toLatin1()}};

  auto authorized = [&]() {
    if (requiredToken.isEmpty()) return true;
    if (req.authorization.isEmpty()) {
      respond(socket, 401, {{"X-Error-Code", "GatedRepo"}}, "Access to model is restricted.", headOnly);
      return false;
    }
    if (req.authorization != "Bearer " + requiredToken.toLatin1()) {
      respond(socket, 403, {{"X-Error-Code", "GatedRepo"}}, "Access to model is restricted.", headOnly);
      return false;
    }
    return true;
  };

  const QString apiPrefix = QStringLiteral("/api/models/");
  const QString resolvePrefix = QLatin1Char('/') + repoId_ + QStringLiteral("/resolve/");
  if (req.path.startsWith(apiPrefix)) {
    const QString rest = req.path.mid(apiPrefix.size());
    const int at = rest.indexOf(QStringLiteral("/revision/"));
    if (at < 0 || rest.left(at) != repoId_) {
      respond(socket, 404, {{"X-Error-Code", "RepoNotFound"}}, "Repository not found", headOnly);
      return;
    }
    if (!authorized()) return;
    const QString revision = rest.mid(at + int(qstrlen("/revision/")));
    if (revision != QLatin1String("main") && revision != commit_) {
      respond(socket, 404, {{"X-Error-Code", "RevisionNotFound"}}, "Revision not found", headOnly);
      return;
    }
    QJsonArray siblings;
    for (const QString& path : files_.keys()) siblings.append(QJsonObject{{QStringLiteral("rfilename"), path}});
    const QJsonObject info{{QStringLiteral("id"), repoId_}, {QStringLiteral("sha"), commit_}, {QStringLiteral("siblings"), siblings}};
    respond(socket, 200, {{"Content-Type", "application/json"}}, QJsonDocument(info).toJson(), headOnly);
    return;
  }
  if (req.path.startsWith(resolvePrefix)) {
    if (!authorized()) return;
    const QString rest = req.path.mid(resolvePrefix.size());
    const QString revision = rest.section(QLatin1Char('/'), 0, 0);
    const QString file = rest.section(QLatin1Char('/'), 1);
    if (revision != QLatin1String("main") && revision != commit_) {
      respond(socket, 404, {{"X-Error-Code", "RevisionNotFound"}}, "Revision not found", headOnly);
      return;
    }
    if (!files_.contains(file)) {
      respond(socket, 404, {{"X-Error-Code", "EntryNotFound"}}, "Entry not found", headOnly);
      return;
    }
    const QByteArray& data = files_[file];
    if (isLfs(file)) {  // the Hub sends LFS files from its CDN; the HEAD carries the real identity
      const QByteArray& sha = sha256_[file];
      Headers h = commitHeader;
      h += {{"Location", endpoint().toEncoded() + "/cdn/" + sha + "?file=" + QUrl::toPercentEncoding(file)},
            {"X-Linked-Etag", '"' + sha + '"'},
            {"X-Linked-Size", QByteArray::number(data.size())},
            {"ETag", "\"" + gitBlobSha1Hex("version https://git-lfs.github.com/spec/v1\n") + "\""}};
      respond(socket, 302, h, {}, headOnly);
      return;
    }
    serveBytes(socket, file, req, headOnly);
    return;
  }
  if (req.path.startsWith(QLatin1String("/cdn/"))) {
    const QString path = req.path.section(QStringLiteral("?file="), 1);
    if (!files_.contains(path)) {
      respond(socket, 404, {}, "No such object", headOnly);
      return;
    }
    serveBytes(socket, path, req, headOnly);
    return;
  }
  respond(socket, 404, {}, "Not found", headOnly);
}

void FakeHubServer::serveBytes(QTcpSocket* socket, const QString& repoPath, const Request& req, bool headOnly) {
  const QByteArray& original = files_[repoPath];
  QByteArray data = original;
  if (corruptByte.contains(repoPath)) data[corruptByte[repoPath]] = char(data[corruptByte[repoPath]] ^ 0x5a);
  Headers h{{"X-Repo-Commit", commit_.toLatin1()}};
  h += {{"ETag", '"' + (isLfs(repoPath) ? sha256_[repoPath] : gitSha1_[repoPath]) + '"'}};

  qint64 start = 0;
  static const QRegularExpression rangeRe(QStringLiteral("^bytes=(\\d+)-$"));
  const auto m = rangeRe.match(QString::fromLatin1(req.range));
  int status = 200;
  if (m.hasMatch() && !ignoreRange) {
    start = m.captured(1).toLongLong();
    if (start >= data.size()) {
      respond(socket, 416, {{"Content-Range", "bytes */" + QByteArray::number(data.size())}}, {}, headOnly);
      return;
    }
    status = 206;
    h += {{"Content-Range", "bytes " + QByteArray::number(start) + '-' + QByteArray::number(data.size() - 1) + '/' +
                                QByteArray::number(data.size())}};
  }
  const QByteArray body = data.mid(start);
  h += {{"Content-Length", QByteArray::number(body.size())}};
  qint64 limit = -1;
  if (!headOnly && repoPath == dropFile && dropTimes > 0 && dropAfter < body.size()) {
    --dropTimes;
    limit = dropAfter;  // the connection "breaks" here
  }
  bool hold = false;
  if (!headOnly && limit < 0 && repoPath == holdFile && holdAfter >= 0 && holdAfter < body.size()) {
    holdFile.clear();  // only the first transfer stalls
    limit = holdAfter;
    hold = true;
  }
  if (!headOnly) bodyBytesSent += limit >= 0 ? limit : body.size();
  respond(socket, status, h, body, headOnly, limit, hold);
}

}  // namespace droste::test
