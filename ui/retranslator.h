#pragma once
// Keeps a widget's texts in the current language. Each text is set through add(), which sets it now
// and remembers how; the widget's changeEvent() calls retranslate() on QEvent::LanguageChange, so a
// language chosen in Settings shows at once (ui/interface_language.h).
#include <functional>
#include <utility>
#include <vector>

namespace droste::ui {

class Retranslator {
 public:
  void add(std::function<void()> setTexts) {
    setTexts();
    setters_.push_back(std::move(setTexts));
  }
  void retranslate() const {
    for (const auto& setTexts : setters_) setTexts();
  }

 private:
  std::vector<std::function<void()>> setters_;
};

}  // namespace droste::ui
