#pragma once
// Which files of a Hub model repo Droste downloads: the configs and tokenizer files, and for each
// weight-carrying component the fp16 .safetensors variant (else the plain .safetensors). Never a
// pickle (.bin/.ckpt/.pt/.pth: they can run code when loaded), never the extra root-level
// single-file checkpoints of a diffusers repo, never weights Droste does not run (safety checker).
#include <QStringList>

namespace droste::hub {

// repoFiles: every path of the repo ("unet/config.json", ...). Returns the paths to fetch, sorted.
// Throws HubError(NoUsableFiles) naming the component when a needed one has no .safetensors weights.
QStringList selectModelFiles(const QStringList& repoFiles, const QString& repoId);

}  // namespace droste::hub
