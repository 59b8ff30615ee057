// droste_fake_hub REPO_ID FOLDER: serves FOLDER as REPO_ID in the Hub's URL layout on 127.0.0.1,
// prints the endpoint URL, and runs until killed. For testing droste-cli download end to end.
#include "tests/core/hub/fake_hub_server.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char* argv[]) {
  QCoreApplication app(argc, argv);
  if (argc != 3) {
    QTextStream(stderr) << "usage: droste_fake_hub REPO_ID FOLDER\n";
    return 2;
  }
  droste::test::FakeHubServer server(QString::fromLocal8Bit(argv[1]),
                                     QStringLiteral("0123456789abcdef0123456789abcdef01234567"));
  server.addFolder(QString::fromLocal8Bit(argv[2]));
  QTextStream(stdout) << server.endpoint().toString() << Qt::endl;
  return app.exec();
}
