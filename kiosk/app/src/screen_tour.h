#pragma once
// A tour of the window, step by step, offscreen: each step acts (shows a screen, or does what a
// cashier would through the view models), then, once it is ready and the window has drawn a frame
// after it, the window is grabbed to DIR/NAME.png when a folder is given. The self-test tours every
// screen; the demo session tours a morning at the till and the desk.
//
// GUI thread.

#include <QGuiApplication>
#include <QQuickWindow>
#include <QString>
#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace frontdesk::kiosk::app {

struct TourStep {
    QString name;                 // the screenshot's file name, without .png
    std::function<void()> act;    // what the step does
    std::function<bool()> ready;  // whether its outcome is there to see (a card's answer); empty: at once
};

// Runs the steps in order and returns how many were drawn; stops at `bound` (a window that
// never draws, a step never ready).
int runTour(QGuiApplication& application, QQuickWindow& window, const std::vector<TourStep>& steps,
            const std::string& screenshots, std::chrono::milliseconds bound);

}  // namespace frontdesk::kiosk::app
