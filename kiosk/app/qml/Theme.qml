pragma Singleton
import QtQuick

// One theme for touch: targets at least 48 px at 1024x768, text readable at arm's length, in a
// light and a high-contrast variant (highContrast), and larger text on request (largeTextMode).
QtObject {
    property bool highContrast: false
    property bool largeTextMode: false
    // Persian (and any right-to-left language): the whole layout mirrored.
    readonly property bool rightToLeft: Qt.application.layoutDirection === Qt.RightToLeft

    readonly property int target: 64          // buttons and keys
    readonly property int minimumTarget: 48
    readonly property int spacing: 12
    readonly property int textSize: largeTextMode ? 28 : 22
    readonly property int largeText: largeTextMode ? 42 : 34
    readonly property int hugeText: largeTextMode ? 56 : 48
    readonly property color background: highContrast ? "#000000" : "#f4f4f2"
    readonly property color panel: highContrast ? "#000000" : "#ffffff"
    readonly property color text: highContrast ? "#ffffff" : "#1b1b1b"
    readonly property color muted: highContrast ? "#ffff00" : "#5a5a5a"
    readonly property color accent: highContrast ? "#00ffff" : "#0b5cad"
    readonly property color error: highContrast ? "#ff6e6e" : "#b00020"
    readonly property color ok: highContrast ? "#6eff6e" : "#1b6e20"
    readonly property color warning: highContrast ? "#ffd000" : "#9a6700"
    readonly property color okPanel: highContrast ? "#003300" : "#e3f3e4"
    readonly property color errorPanel: highContrast ? "#330000" : "#fbe4e7"
    readonly property color selected: highContrast ? "#333300" : "#dce9f7"
}
