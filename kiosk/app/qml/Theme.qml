pragma Singleton
import QtQuick

// One theme for touch: targets at least 48 px at 1024x768, text readable at arm's length.
QtObject {
    readonly property int target: 64          // buttons and keys
    readonly property int minimumTarget: 48
    readonly property int spacing: 12
    readonly property int textSize: 22
    readonly property int largeText: 34
    readonly property int hugeText: 48
    readonly property color background: "#f4f4f2"
    readonly property color panel: "#ffffff"
    readonly property color text: "#1b1b1b"
    readonly property color muted: "#5a5a5a"
    readonly property color accent: "#0b5cad"
    readonly property color error: "#b00020"
    readonly property color ok: "#1b6e20"
}
