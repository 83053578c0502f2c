#pragma once
// The engine's UTF-8 strings, amounts and numbers as the screens show them, and numbers as a
// person types them, in the app's locale (QLocale's default: Persian writes ۱۲٫۵۰ for 12.50).

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <cstdint>
#include <string>

#include "core/money.h"

namespace frontdesk::kiosk::app {

inline QString text(const std::string& s) {
    return QString::fromStdString(s);
}

// What the engine says when it refuses, in the screens' language. Its fixed sentences are
// translated, with the English as the key (engine_messages.cpp lists them for Qt Linguist); a
// sentence that carries a value (an id, an amount, a time) shows in the engine's English words.
inline QString engineText(const std::string& message) {
    return QCoreApplication::translate("Engine", message.c_str());
}

// ASCII digits and '.' (as the engine writes numbers) in the locale's own digits and decimal
// separator; everything else as it is.
inline QString localNumber(const QString& ascii) {
    const QLocale locale;
    const QString zero = locale.zeroDigit();
    if (zero == QLatin1String("0")) return ascii;
    QString out;
    out.reserve(ascii.size());
    for (const QChar c : ascii) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9')) {
            out += QChar(zero.at(0).unicode() + (c.unicode() - u'0'));
        } else if (c == QLatin1Char('.')) {
            out += locale.decimalPoint();
        } else {
            out += c;
        }
    }
    return out;
}

// A number as typed, in any script's digits ("۱۲٫۵۰", "12.50") and the locale's decimal
// separator, as the engine parses it ("12.50"). Group separators are dropped; anything else is
// kept for the engine to refuse by name.
inline std::string typedNumber(const QString& typed) {
    const QLocale locale;
    std::string out;
    for (const QChar c : typed.trimmed()) {
        if (const int digit = c.digitValue(); digit >= 0 && c.isDigit()) {
            out += static_cast<char>('0' + digit);
        } else if (c == QChar(0x066B) || QString(c) == locale.decimalPoint()) {
            out += '.';  // the Arabic decimal separator, or the locale's
        } else if (c == QChar(0x066C) || (c != QLatin1Char('.') && QString(c) == locale.groupSeparator())) {
            continue;
        } else {
            out += QString(c).toStdString();
        }
    }
    return out;
}

// Minor units shown as the currency writes them, without its code, in the locale's digits: "1.99".
inline QString amountText(std::int64_t minor, const core::Currency& currency) {
    return localNumber(text(core::Money(minor, currency).displayAmount()));
}

}  // namespace frontdesk::kiosk::app
