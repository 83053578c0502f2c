#pragma once
// The kiosk tests' fixtures come from the shared frontdesk_testing library.
#include "testing/terminal.h"
