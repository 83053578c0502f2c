#pragma once
// The screens' language: English (the source text) or Persian. Persian installs the translation
// compiled from i18n/frontdesk_fa.ts, makes Persian the default locale (numbers and amounts in
// Persian digits, qt_text.h) and lays the whole application out right to left (Theme.rightToLeft
// mirrors every layout). Receipts keep their own language (--receipt-language).
//
// GUI thread, after the QGuiApplication exists; the translator outlives its use.

#include <QString>
#include <QTranslator>

#include "core/status.h"

namespace frontdesk::kiosk::app {

// "en" or "fa"; InvalidArgument naming the code otherwise, or when the translation cannot be
// loaded. Switching back to "en" removes the translator again.
[[nodiscard]] core::Status useLanguage(const QString& code, QTranslator& translator);

}  // namespace frontdesk::kiosk::app
