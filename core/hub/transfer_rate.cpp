#include "core/hub/transfer_rate.h"

namespace droste::hub {

void TransferRate::sample(qint64 nowMs, qint64 totalBytes) {
  samples_.push_back({nowMs, totalBytes});
  // Keep one sample at or before the window start, so the window is always fully covered.
  while (samples_.size() > 2 && samples_[1].ms <= nowMs - windowMs_) samples_.pop_front();
}

double TransferRate::bytesPerSecond() const {
  if (samples_.size() < 2) return 0.0;
  const Sample& a = samples_.front();
  const Sample& b = samples_.back();
  if (b.ms <= a.ms) return 0.0;
  return double(b.bytes - a.bytes) * 1000.0 / double(b.ms - a.ms);
}

double TransferRate::etaSeconds(qint64 remainingBytes) const {
  if (remainingBytes <= 0) return 0.0;
  const double speed = bytesPerSecond();
  return speed > 0.0 ? double(remainingBytes) / speed : -1.0;
}

}  // namespace droste::hub
