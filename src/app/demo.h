#pragma once

#include <ostream>
#include <string>

#include "core/portal.h"

namespace artel {
// A realistic demo company: departments with heads and employees (later also posts and
// clients). Safe to run twice: it does nothing when the demo people already exist.
void fill_demo_company(Portal& portal, const std::string& password, std::ostream& out);
// The demo company's tasks (after fill_demo_company); does nothing when the portal has tasks.
// Returns how many it created.
int fill_demo_tasks(Portal& portal);
// The demo workgroups (seed 000: a client project with an extranet user, and an open group);
// does nothing when the portal has groups. Returns the client's login, or "" when it did nothing.
std::string fill_demo_groups(Portal& portal, const std::string& password);
// The demo ticket desk (seed 004): the client company of the project with two sites, its
// person as a contact, and tickets in several statuses; does nothing when the desk has companies.
void fill_demo_helpdesk(Portal& portal);
// The demo live feed: an important welcome, a poll, posts to a department and to a group; does
// nothing when the feed has posts.
void fill_demo_feed(Portal& portal);
}  // namespace artel
