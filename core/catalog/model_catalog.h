#pragma once
// What Settings -> Models lists: every model discovery finds (the Hugging Face cache, Droste's model
// folders, the folders and files the artist added, the current default), each with the facts a
// table row shows. Plain data and one function that reads the disk; no widgets, safe to run on a
// worker thread so that a slow disk never freezes the window.
#include <QList>
#include <QString>
#include <QStringList>

namespace droste::catalog {

struct ModelEntry {
  QString name;      // repo id, folder name or file name
  QString path;      // what the model location preference holds when this one is the default
  QString kind;      // "Hugging Face cache", "diffusers folder", "single file", "pickle checkpoint"
  QString family;    // "SD1", "SD2", "SDXL", "unknown"
  bool inpainting = false;
  QString dtype;     // short, e.g. "fp16" or "fp32 + fp16"
  QString dtypeDetail;  // per component, e.g. "UNet F32, VAE F32, text encoder F16"
  qint64 bytes = 0;  // size of the weight files on disk
  QString problem;   // non-empty: the model cannot be used, and why
};

// Folders are searched for models inside them; a model folder (with model_index.json) or a
// .safetensors file is listed itself. Never throws: unreadable models carry their problem.
QList<ModelEntry> scanModels(const QStringList& addedPaths, const QString& defaultLocation);

// Why the model at path cannot be used, from its headers and configs alone (no weights are read: a few
// milliseconds); empty when it can. What choosing a model checks before it is accepted.
QString modelProblem(const QString& path);

// The picture side the model at path (or repo id in the Hugging Face cache) was trained at (1024 for
// SDXL, 512 for SD 1.5 / SD2 inpainting); 0 when it cannot be told. Headers and configs only.
int nativeKeyframeSide(const QString& path);

// True when path is itself a model (a diffusers folder or a checkpoint file), not a folder of models.
bool isModelItself(const QString& path);

// Where scanModels looks besides the added places: the Hugging Face hub cache and Droste's own model
// folders, as the Settings page names them.
QString huggingFaceCacheFolder();
QStringList defaultModelFolders();

}  // namespace droste::catalog
