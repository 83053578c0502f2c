#include "kiosk/app/language.h"

#include <QGuiApplication>
#include <QLocale>

namespace frontdesk::kiosk::app {

core::Status useLanguage(const QString& code, QTranslator& translator) {
    QCoreApplication::removeTranslator(&translator);
    if (code == QLatin1String("en")) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QGuiApplication::setLayoutDirection(Qt::LeftToRight);
        return {};
    }
    if (code != QLatin1String("fa")) {
        return core::invalidArgument("the screens speak en or fa, not '" + code.toStdString() + "'");
    }
    if (!translator.load(QStringLiteral(":/i18n/frontdesk_fa.qm"))) {
        return core::invalidArgument("the Persian translation is missing from this build (:/i18n/frontdesk_fa.qm)");
    }
    QCoreApplication::installTranslator(&translator);
    QLocale::setDefault(QLocale(QLocale::Persian, QLocale::Iran));
    QGuiApplication::setLayoutDirection(Qt::RightToLeft);
    return {};
}

}  // namespace frontdesk::kiosk::app
