#pragma once
// Turns a failed Hub request into a HubError whose message says what happened and what to do
// (offline, 401 gated/private, 403 conditions not accepted, 404 no such model/revision/file, 5xx).
#include "core/hub/hub_error.h"

#include <QString>
#include <QUrl>

#include <optional>

class QNetworkReply;

namespace droste::hub {

struct RequestContext {
  QUrl endpoint;
  QString repoId;
  QString revision;
  QString file;  // empty for the repo listing
  bool hasToken = false;
};

// nullopt when the reply succeeded (2xx/3xx without a network error).
std::optional<HubError> replyError(QNetworkReply* reply, const RequestContext& context);

// The same for an HTTP status the reply carried; errorCode is the Hub's X-Error-Code header.
HubError httpError(int status, const QString& errorCode, const RequestContext& context);

}  // namespace droste::hub
