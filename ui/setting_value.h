#pragma once
// One typed key over the application's QSettings (the habit of qBittorrent's settingvalue.h):
// each setting is a small value object that knows its key and default; there is no settings
// god object, and nothing but this file talks to QSettings.
#include <QSettings>
#include <QString>
#include <QVariant>

namespace droste::ui {

template <typename T>
class SettingValue {
 public:
  SettingValue(QString key, T defaultValue) : key_(std::move(key)), default_(std::move(defaultValue)) {}

  T get() const {
    QVariant v = QSettings().value(key_);
    // A hand-edited or outdated value that does not convert falls back to the default.
    if (!v.isValid() || !v.convert(QMetaType::fromType<T>())) return default_;
    return v.value<T>();
  }
  void set(const T& value) const { QSettings().setValue(key_, QVariant::fromValue(value)); }
  void reset() const { QSettings().remove(key_); }
  const QString& key() const { return key_; }
  const T& defaultValue() const { return default_; }

  operator T() const { return get(); }  // NOLINT: reads naturally at call sites

 private:
  QString key_;
  T default_;
};

}  // namespace droste::ui
