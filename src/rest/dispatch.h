// Runs one REST method for a caller: the access checks that every method shares (login,
// administrator, webhook scope, browser-only methods) and then the method itself.
#pragma once

#include <string_view>

#include "rest/method.h"

namespace artel::rest {

// Throws ApiError: 404 ERROR_METHOD_NOT_FOUND, 401 NO_AUTH_FOUND, 403 insufficient_scope or
// ACCESS_DENIED — before the method runs.
CallResult dispatch(const Registry& registry, std::string_view method_name, Call& call,
                    bool inside_batch);

// Whether the caller could call the method (for `methods` and `method.get`).
bool available_to(const Method& method, const Caller& caller);

}  // namespace artel::rest
