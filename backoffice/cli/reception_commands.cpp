// customer, member, booking, visitor, report attendance and report bookings: the one customer
// record and the reception data published to the terminals. Each prints its result as JSON.
#include "backoffice/customers.h"
#include "backoffice/reception.h"
#include "cli.h"

namespace frontdesk::backoffice::cli {
namespace {

struct ReceptionOptions {
    std::string by = "cli";
    std::string id;  // of the customer or booking
    std::string eraseReason;
    CustomerInput customer;
    MemberInput member;
    std::string card;
    bool suspended = false;
    BookingInput booking;
    std::string blockStore, blockName, blockCompany, blockReason;
};

}  // namespace

void addReceptionCommands(Cli& cli) {
    auto& o = cli.keep<ReceptionOptions>();
    const core::Clock& clock = cli.clock;

    auto* customerCmd = cli.app.add_subcommand("customer", "customers: one record across front desk and back office")
                            ->require_subcommand(1);
    auto* addCmd = cli.jsonCommand(*customerCmd, "add", "add a customer",
                                   [&o, &clock](core::Database& db) -> core::Result<nlohmann::json> {
                                       FD_ASSIGN(auto id, Customers(db, clock).save(o.customer, o.by));
                                       return nlohmann::json{{"id", id}};
                                   });
    addCmd->add_option("--name", o.customer.name, "the customer's name")->required();
    addCmd->add_option("--email", o.customer.email, "email address");
    addCmd->add_option("--phone", o.customer.phone, "phone number");
    cli.jsonCommand(*customerCmd, "show", "everything the back office knows of a customer, joined",
                    [&o, &clock](core::Database& db) { return Customers(db, clock).view(o.id); })
        ->add_option("id", o.id, "the customer's id")
        ->required();
    auto* exportCmd =
        cli.jsonCommand(*customerCmd, "export", "a customer's data (GDPR article 15), audited",
                        [&o, &clock](core::Database& db) { return Customers(db, clock).exportData(o.id, o.by); });
    exportCmd->add_option("id", o.id, "the customer's id")->required();
    exportCmd->add_option("--by", o.by, "who answers the request")->required();
    auto* eraseCmd =
        cli.jsonCommand(*customerCmd, "erase", "pseudonymize a customer everywhere (GDPR article 17), audited",
                        [&o, &clock](core::Database& db) -> core::Result<nlohmann::json> {
                            FD_TRY(Customers(db, clock).erase(o.id, o.by, o.eraseReason));
                            return nlohmann::json{{"id", o.id}, {"erased", true}};
                        });
    eraseCmd->add_option("id", o.id, "the customer's id")->required();
    eraseCmd->add_option("--by", o.by, "who answers the request")->required();
    eraseCmd->add_option("--reason", o.eraseReason, "the request's reference")->required();

    auto* memberCmd = cli.app.add_subcommand("member", "memberships")->require_subcommand(1);
    auto* saveCmd = cli.jsonCommand(*memberCmd, "save", "add or change a membership",
                                    [&o, &clock](core::Database& db) -> core::Result<nlohmann::json> {
                                        FD_TRY(Reception(db, clock).saveMember(o.member, o.by));
                                        return nlohmann::json{{"id", o.member.id}};
                                    });
    saveCmd->add_option("id", o.member.id, "the membership id on the card")->required();
    saveCmd->add_option("--store", o.member.store, "store id")->required();
    saveCmd->add_option("--customer", o.member.customer, "the customer's id")->required();
    saveCmd->add_option("--valid-until", o.member.validUntil, "YYYY-MM-DD, the last day")->required();
    saveCmd->add_option("--card", o.card, "the member card's id (\"\" removes it)");
    saveCmd->add_flag("--suspended", o.suspended, "suspend the membership");
    saveCmd->parse_complete_callback([&o, saveCmd] {
        if (saveCmd->count("--card")) o.member.card = o.card;
        o.member.status = o.suspended ? "suspended" : "active";
    });

    auto* bookingCmd = cli.app.add_subcommand("booking", "bookings and appointments")->require_subcommand(1);
    auto* bookCmd = cli.jsonCommand(*bookingCmd, "add", "book a resource for someone",
                                    [&o, &clock](core::Database& db) -> core::Result<nlohmann::json> {
                                        FD_ASSIGN(auto id, Reception(db, clock).book(o.booking, o.by));
                                        return nlohmann::json{{"id", id}};
                                    });
    bookCmd->add_option("--store", o.booking.store, "store id")->required();
    bookCmd->add_option("--name", o.booking.name, "who is expected")->required();
    bookCmd->add_option("--resource", o.booking.resource, "with whom, or which room")->required();
    bookCmd->add_option("--from", o.booking.startsAt, "ISO 8601 UTC")->required();
    bookCmd->add_option("--to", o.booking.endsAt, "ISO 8601 UTC")->required();
    bookCmd->add_option("--customer", o.booking.customer, "the customer's id");
    bookCmd->add_option("--id", o.booking.id,
                        "the booking's id, a UUIDv7 (a booking system's own; default: a new one). Again: changes it");
    cli.jsonCommand(*bookingCmd, "cancel", "cancel a booking not yet checked in",
                    [&o, &clock](core::Database& db) -> core::Result<nlohmann::json> {
                        FD_TRY(Reception(db, clock).cancelBooking(o.id, o.by));
                        return nlohmann::json{{"id", o.id}, {"status", "cancelled"}};
                    })
        ->add_option("id", o.id, "the booking's id")
        ->required();

    auto* visitorCmd = cli.app.add_subcommand("visitor", "the visitor block list")->require_subcommand(1);
    auto* blockCmd = cli.jsonCommand(
        *visitorCmd, "block", "put a visitor on the block list (the desk is alerted discreetly)",
        [&o, &clock](core::Database& db) -> core::Result<nlohmann::json> {
            FD_ASSIGN(auto id,
                      Reception(db, clock).block(o.blockStore, o.blockName, o.blockCompany, o.blockReason, o.by));
            return nlohmann::json{{"id", id}};
        });
    blockCmd->add_option("--store", o.blockStore, "store id")->required();
    blockCmd->add_option("--name", o.blockName, "the visitor's name")->required();
    blockCmd->add_option("--company", o.blockCompany, "their company");
    blockCmd->add_option("--reason", o.blockReason, "why (kept in the back office)")->required();
    blockCmd->add_option("--by", o.by, "who blocks")->required();

    const auto& p = cli.options;
    cli.printing(cli.periodCommand(cli.reports(), "attendance", "bookings attended and missed, check-ins, visitors"),
                 [&p, &clock](core::Database& db) { return Reception(db, clock).attendance(p.store, p.from, p.to); });
    cli.printing(cli.periodCommand(cli.reports(), "bookings", "bookings starting in the period, with no-shows"),
                 [&p, &clock](core::Database& db) { return Reception(db, clock).bookings(p.store, p.from, p.to); });
}

}  // namespace frontdesk::backoffice::cli
