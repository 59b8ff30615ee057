#pragma once
// A tiny in-process stand-in for the Hugging Face Hub on 127.0.0.1, answering in the Hub's URL layout
// and with its headers:
//   GET  /api/models/REPO/revision/REV         {"id", "sha", "siblings": [{"rfilename"}]}
//   HEAD/GET /REPO/resolve/REV/FILE            small files: 200, ETag = git blob sha1, Content-Length
//                                              LFS files: 302 to /cdn/SHA256 with X-Linked-Etag (sha256)
//                                              and X-Linked-Size, like the Hub's CDN redirect
//   GET  /cdn/SHA256                           the bytes, with Range support (206 / 416)
// plus X-Repo-Commit and X-Error-Code (RepoNotFound, RevisionNotFound, EntryNotFound, GatedRepo).
// Knobs let a test require a token, corrupt a byte, drop a connection or ignore ranges.
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace droste::test {

class FakeHubServer : public QObject {
  Q_OBJECT

 public:
  struct Request {
    QByteArray method;
    QString path;
    QByteArray range;
    QByteArray authorization;
  };

  FakeHubServer(QString repoId, QString commit);
  ~FakeHubServer() override;

  // Every file under folder, with repo paths relative to it; *.safetensors etc. are served as LFS.
  void addFolder(const QString& folder);
  void addFile(const QString& repoPath, const QByteArray& content);
  QUrl endpoint() const;

  // Knobs.
  QString requiredToken;               // non-empty: 401 without a token, 403 with a wrong one
  QHash<QString, qint64> corruptByte;  // repo path -> offset whose byte is flipped in what is sent
  QString dropFile;                    // repo path whose transfer breaks off ...
  qint64 dropAfter = -1;               // ... after this many bytes of each response ...
  int dropTimes = 0;                   // ... this many times
  bool ignoreRange = false;            // answer 200 with the whole file even for a Range request
  QString holdFile;                    // repo path whose first transfer stops ...
  qint64 holdAfter = -1;               // ... after this many bytes, the connection kept open (a stalled
                                       // server: lets a test cancel mid-file however fast the machine)

  QList<Request> requests;  // everything asked, in order
  qint64 bodyBytesSent = 0; // file bytes sent (resolve + cdn), for checking that a resume resumed

 private:
  void onConnection();
  void handle(QTcpSocket* socket, const QByteArray& head);
  void respond(QTcpSocket* socket, int status, const QList<QPair<QByteArray, QByteArray>>& headers,
               const QByteArray& body, bool headOnly, qint64 bodyLimit = -1, bool keepOpen = false);
  void serveBytes(QTcpSocket* socket, const QString& repoPath, const Request& request, bool headOnly);

  QString repoId_;
  QString commit_;
  QMap<QString, QByteArray> files_;
  QHash<QString, QByteArray> sha256_, gitSha1_;  // hex, computed once per file
  QTcpServer* server_;
};

}  // namespace droste::test
