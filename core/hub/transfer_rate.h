#pragma once
// Download speed over a sliding window (a few seconds: steady enough to read, quick to follow a
// changing connection) and the time left at that speed.
#include <QtGlobal>

#include <deque>

namespace droste::hub {

class TransferRate {
 public:
  explicit TransferRate(qint64 windowMs = 5000) : windowMs_(windowMs) {}
  // Call with the running total of bytes received and a monotonic clock in milliseconds.
  void sample(qint64 nowMs, qint64 totalBytes);
  double bytesPerSecond() const;
  // Seconds until `remainingBytes` are in at the current speed; negative when unknown (no speed yet).
  double etaSeconds(qint64 remainingBytes) const;

 private:
  struct Sample {
    qint64 ms, bytes;
  };
  qint64 windowMs_;
  std::deque<Sample> samples_;
};

}  // namespace droste::hub
