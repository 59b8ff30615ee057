#include "ui/interface_language.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace droste::ui {

namespace {
QPointer<QTranslator> qtTranslator;
QPointer<QTranslator> ourTranslator;
QString installed = QStringLiteral("en");

void replace(QPointer<QTranslator>& slot, QTranslator* next) {
  if (slot) {
    QCoreApplication::removeTranslator(slot);
    delete slot;
  }
  slot = next;
  if (next) QCoreApplication::installTranslator(next);
}
}  // namespace

void applyLanguage(const QString& code) {
  const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
  auto* app = QCoreApplication::instance();
  auto* qt = new QTranslator(app);
  if (!qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
    delete qt;
    qt = nullptr;
  }
  auto* ours = new QTranslator(app);
  if (!ours->load(locale, QStringLiteral("droste"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
    qCDebug(lcApp) << "no translation for" << locale.uiLanguages() << "- using English";
    // English's own file holds its plural forms ("1 keyframe", "3 keyframes" for "%n keyframe(s)").
    if (!ours->load(QStringLiteral(":/i18n/droste_en.qm"))) {
      delete ours;
      ours = nullptr;
    }
  }
  // Both are swapped before returning to the event loop: one LanguageChange round sees the new pair.
  replace(qtTranslator, qt);
  replace(ourTranslator, ours);
  installed = ours ? QLocale(ours->language()).name().section(QLatin1Char('_'), 0, 0) : QStringLiteral("en");
}

QString currentLanguage() { return installed; }

}  // namespace droste::ui
