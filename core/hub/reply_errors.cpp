#include "core/hub/reply_errors.h"

#include <QNetworkReply>

namespace droste::hub {

namespace {

QString repoPage(const RequestContext& c) {
  return c.endpoint.toString(QUrl::StripTrailingSlash) + QLatin1Char('/') + c.repoId;
}

QString tokenAdvice(const RequestContext& c) {
  return QStringLiteral("Create a token at %1/settings/tokens and put it in the HF_TOKEN environment variable "
                        "or log in with 'huggingface-cli login' (it saves the token where Droste finds it).")
      .arg(c.endpoint.toString(QUrl::StripTrailingSlash));
}

}  // namespace

HubError httpError(int status, const QString& errorCode, const RequestContext& c) {
  using K = HubError::Kind;
  const QString what = c.file.isEmpty() ? c.repoId : QStringLiteral("%1 of %2").arg(c.file, c.repoId);
  QString msg;
  K kind = K::Server;
  if (status == 401) {
    kind = K::Unauthorized;
    if (c.hasToken)
      msg = QStringLiteral("The Hub refused your token for %1 (401). The token may be expired or mistyped. %2")
                .arg(what, tokenAdvice(c));
    else if (errorCode == QLatin1String("RepoNotFound"))
      msg = QStringLiteral("%1 was not found on %2 without logging in (401): check the name (ORG/NAME), or, if "
                           "it is a private model, log in. %3")
                .arg(c.repoId, c.endpoint.host(), tokenAdvice(c));
    else
      msg = QStringLiteral("%1 needs a Hugging Face login (401): it is gated or private. Open %2, accept its "
                           "conditions, then log in. %3")
                .arg(c.repoId, repoPage(c), tokenAdvice(c));
  } else if (status == 403) {
    kind = K::Forbidden;
    msg = QStringLiteral("Your Hugging Face token has no access to %1 (403). It is a gated model: open %2 while "
                         "logged in and accept its conditions, then start the download again.")
              .arg(c.repoId, repoPage(c));
  } else if (status == 404) {
    kind = K::NotFound;
    if (errorCode == QLatin1String("RevisionNotFound"))
      msg = QStringLiteral("%1 has no revision '%2' (404). Use a branch, tag or commit that exists, or leave it "
                           "at 'main'.").arg(c.repoId, c.revision);
    else if (errorCode == QLatin1String("EntryNotFound") || !c.file.isEmpty())
      msg = QStringLiteral("The Hub lists %1 but cannot serve it (404). The model may have changed while "
                           "downloading: start the download again.").arg(what);
    else
      msg = QStringLiteral("There is no model %1 on %2 (404). Check the spelling: a repo id looks like "
                           "stabilityai/stable-diffusion-2-inpainting.").arg(c.repoId, c.endpoint.host());
  } else if (status == 429) {
    msg = QStringLiteral("The Hub is rate-limiting this computer (429). Wait a few minutes, then start the "
                         "download again; it resumes where it stopped.");
  } else if (status >= 500) {
    msg = QStringLiteral("The Hub had a problem answering for %1 (HTTP %2). Try again later; the download "
                         "resumes where it stopped.").arg(what).arg(status);
  } else {
    msg = QStringLiteral("The Hub answered HTTP %1 for %2.").arg(status).arg(what);
  }
  return HubError(kind, msg.toStdString());
}

std::optional<HubError> replyError(QNetworkReply* reply, const RequestContext& c) {
  const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
  if (status >= 400) return httpError(status, QString::fromLatin1(reply->rawHeader("X-Error-Code")), c);
  if (reply->error() == QNetworkReply::NoError) return std::nullopt;
  // No HTTP answer at all: DNS, refused connection, timeout, TLS, proxy.
  return HubError(HubError::Kind::Offline,
                  QStringLiteral("Cannot reach %1 (%2). Check the internet connection, then start the download "
                                 "again; it resumes where it stopped. To use a mirror, set HF_ENDPOINT.")
                      .arg(c.endpoint.toString(QUrl::StripTrailingSlash), reply->errorString())
                      .toStdString());
}

}  // namespace droste::hub
