#pragma once
// The engine's UTF-8 strings as the screens' QStrings.

#include <QString>
#include <string>

namespace frontdesk::kiosk::app {

inline QString text(const std::string& s) {
    return QString::fromStdString(s);
}

}  // namespace frontdesk::kiosk::app
