#pragma once
// The back office's figures in the Prometheus text format (served at /api/v1/metrics): events
// taken in and dead-lettered per terminal, each terminal's missing events and the age of its
// last event (its lag), whether it is online, and the ingest's own counters.

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/database.h"
#include "sync/consumer.h"

namespace frontdesk::backoffice {

[[nodiscard]] core::Result<std::string> prometheusMetrics(core::Database& db, const std::optional<sync::ConsumerStatus>& ingest,
                                                          core::TimePoint now);

}  // namespace frontdesk::backoffice
