#pragma once
// Which files of a Hub model repo Droste downloads: the configs and tokenizer files, and for each
// weight-carrying component the fp16 .safetensors variant (else the plain .safetensors). Never a
// pickle (.bin/.ckpt/.pt/.pth: they can run code when loaded), never the extra root-level
// single-file checkpoints of a diffusers repo, never weights Droste does not run (safety checker).
#include <QStringList>

namespace droste::hub {

// repoFiles: every path of the repo ("unet/config.json", ...). Returns the paths to fetch, sorted.
// Throws HubError(NoUsableFiles) naming the component when a needed one has no .safetensors weights, and
// HubError(Server) when the listing names a path that would leave the model's folder (see below).
QStringList selectModelFiles(const QStringList& repoFiles, const QString& repoId);

// A repo path becomes a path inside the cache's snapshot folder: relative, '/'-separated, no empty,
// "." or ".." part, no backslash. A real Hub never lists anything else; a hostile server could.
bool staysInsideTheRepo(const QString& repoPath);

}  // namespace droste::hub
