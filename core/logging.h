#pragma once
// One logging category per subsystem; enable with QT_LOGGING_RULES="droste.video.debug=true".
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcDiffusion)
Q_DECLARE_LOGGING_CATEGORY(lcZoom)
Q_DECLARE_LOGGING_CATEGORY(lcRender)
Q_DECLARE_LOGGING_CATEGORY(lcVideo)
Q_DECLARE_LOGGING_CATEGORY(lcEngine)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
Q_DECLARE_LOGGING_CATEGORY(lcApp)
