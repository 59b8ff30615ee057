#pragma once
// The interface language. Our texts are embedded as :/i18n/droste_<language>.qm
// (translations/CMakeLists.txt; droste_en.qm holds only English's plural forms, and serves every language
// without a translation); Qt's own (standard buttons, file dialogs) come from the system's
// qtbase_<language>.qm when installed.
#include <QString>

namespace droste::ui {

// Installs the translations for `code` ("de", "pl", "en"; empty = the system's language) in place of
// the ones installed before. Qt then sends QEvent::LanguageChange to every widget, and each of ours
// sets its texts again (see the retranslate() functions), so a change applies without a restart.
void applyLanguage(const QString& code);

// The language whose texts are installed now ("en" when none was found).
QString currentLanguage();

}  // namespace droste::ui
