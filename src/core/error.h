// Errors that reach a caller. Every failure a person or a client program can cause is an
// ApiError: an HTTP status, a Bitrix24 error code and a sentence. The REST layer turns it
// into the error envelope; anything else that escapes a handler is a defect (500).
#pragma once

#include <stdexcept>
#include <string>

namespace artel {

class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string code, std::string description, std::string argument = {})
      : std::runtime_error(description),
        status_(status),
        code_(std::move(code)),
        argument_(std::move(argument)) {}

  int status() const { return status_; }
  const std::string& code() const { return code_; }
  std::string description() const { return what(); }
  // The parameter at fault, reported as "argument" for ERROR_ARGUMENT (as Bitrix24 does).
  const std::string& argument() const { return argument_; }

 private:
  int status_;
  std::string code_;
  std::string argument_;
};

// The common cases, named so that call sites read as the rule they enforce.
inline ApiError bad_argument(std::string argument, std::string description) {
  return ApiError(400, "ERROR_ARGUMENT", std::move(description), std::move(argument));
}
inline ApiError bad_request(std::string code, std::string description) {
  return ApiError(400, std::move(code), std::move(description));
}
inline ApiError access_denied(std::string description = "Access denied.") {
  return ApiError(403, "ACCESS_DENIED", std::move(description));
}
inline ApiError not_found(std::string description) {
  return ApiError(400, "ERROR_NOT_FOUND", std::move(description));
}

}  // namespace artel
