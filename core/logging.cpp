#include "core/logging.h"

Q_LOGGING_CATEGORY(lcDiffusion, "droste.diffusion")
Q_LOGGING_CATEGORY(lcZoom, "droste.zoom")
Q_LOGGING_CATEGORY(lcRender, "droste.render")
Q_LOGGING_CATEGORY(lcVideo, "droste.video")
Q_LOGGING_CATEGORY(lcEngine, "droste.engine")
Q_LOGGING_CATEGORY(lcUi, "droste.ui")
Q_LOGGING_CATEGORY(lcApp, "droste.app")
