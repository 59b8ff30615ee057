#pragma once
// Where the Hub is and who we are, read the way huggingface_hub reads it, so that Droste and the
// Python tools share one login and one cache.
#include <QString>
#include <QUrl>

namespace droste::hub {

struct HubSettings {
  QUrl endpoint;     // HF_ENDPOINT, default https://huggingface.co
  QString token;     // HF_TOKEN (or HUGGING_FACE_HUB_TOKEN), else the token file; empty = anonymous
  QString cacheDir;  // diffusion::huggingFaceHubCache(): HF_HUB_CACHE, else $HF_HOME/hub, else ~/.cache/huggingface/hub
  bool offline = false;  // HF_HUB_OFFLINE=1

  static HubSettings fromEnvironment();
};

// The token file huggingface-cli login writes: $HF_TOKEN_PATH, else $HF_HOME/token.
QString tokenFilePath();

}  // namespace droste::hub
