#include "core/system_info.h"
#include "core/video/codec_info.h"

#include <gtest/gtest.h>

TEST(CodecInfo, FindsTheEncodersDebianShips) {
  const auto info = droste::video::codecInfo();
  EXPECT_FALSE(info.libavcodec.isEmpty());
  EXPECT_TRUE(info.h264Encoders.contains(QStringLiteral("libx264"))) << info.h264Encoders.join(',').toStdString();
  EXPECT_TRUE(info.vp9Encoders.contains(QStringLiteral("libvpx-vp9"))) << info.vp9Encoders.join(',').toStdString();
}

TEST(SystemInfo, ReportNamesLibtorchAndThreads) {
  const QString report = droste::systemInfoReport();
  EXPECT_TRUE(report.contains(QStringLiteral("libtorch: "))) << report.toStdString();
  EXPECT_TRUE(report.contains(QStringLiteral("intra-op threads: "))) << report.toStdString();
}
