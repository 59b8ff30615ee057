#pragma once
// The preferences the Settings dialog edits and the window remembers, each a typed key.
#include "ui/setting_value.h"

#include <QByteArray>
#include <QStringList>

namespace droste::ui::prefs {

// Where the Stable Diffusion model lives: a diffusers folder or a single .safetensors file.
inline SettingValue<QString> modelLocation() { return {QStringLiteral("model/location"), QString()}; }
// Folders and model files the artist added in Settings -> Models; discovery searches them too.
inline SettingValue<QStringList> addedModelPaths() { return {QStringLiteral("model/addedPaths"), {}}; }
// "auto", "cpu" or "cuda".
inline SettingValue<QString> device() { return {QStringLiteral("model/device"), QStringLiteral("auto")}; }
// "auto", "fp32", "bf16" or "fp16".
inline SettingValue<QString> precision() { return {QStringLiteral("model/precision"), QStringLiteral("auto")}; }
// 0 = as many as the machine has.
inline SettingValue<int> threads() { return {QStringLiteral("model/threads"), 0}; }
// Empty = follow the system; otherwise a locale name such as "de".
inline SettingValue<QString> language() { return {QStringLiteral("ui/language"), QString()}; }

inline SettingValue<QByteArray> windowGeometry() { return {QStringLiteral("window/geometry"), {}}; }
inline SettingValue<QByteArray> windowState() { return {QStringLiteral("window/state"), {}}; }
inline SettingValue<QByteArray> mainSplitterState() { return {QStringLiteral("window/mainSplitter"), {}}; }
inline SettingValue<QByteArray> topSplitterState() { return {QStringLiteral("window/topSplitter"), {}}; }
inline SettingValue<QStringList> recentProjects() { return {QStringLiteral("files/recent"), {}}; }
inline SettingValue<QString> lastDirectory() { return {QStringLiteral("files/lastDirectory"), QString()}; }
inline SettingValue<bool> bannerDismissed() { return {QStringLiteral("ui/noModelBannerDismissed"), false}; }

// The export dialog's last choices.
inline SettingValue<int> exportFps() { return {QStringLiteral("export/fps"), 30}; }
inline SettingValue<double> exportSecondsPerKeyframe() { return {QStringLiteral("export/secondsPerKeyframe"), 2.0}; }
inline SettingValue<int> exportHeight() { return {QStringLiteral("export/height"), 512}; }
// "keyframes" (the keyframes' own shape) or a ratio such as "16:9" (a centred crop).
inline SettingValue<QString> exportAspect() { return {QStringLiteral("export/aspect"), QStringLiteral("keyframes")}; }
// Out by default, as droste-cli render and the renderer: the video starts at the first keyframe.
inline SettingValue<bool> exportZoomIn() { return {QStringLiteral("export/zoomIn"), false}; }
inline SettingValue<QString> exportEasing() { return {QStringLiteral("export/easing"), QStringLiteral("linear")}; }
inline SettingValue<int> exportQuality() { return {QStringLiteral("export/quality"), 75}; }
inline SettingValue<bool> exportAddDetail() { return {QStringLiteral("export/addDetail"), false}; }
inline SettingValue<double> exportDetailStrength() { return {QStringLiteral("export/detailStrength"), 0.3}; }
inline SettingValue<QString> exportFolder() { return {QStringLiteral("export/folder"), QString()}; }  // last used

}  // namespace droste::ui::prefs
