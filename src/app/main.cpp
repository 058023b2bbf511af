// The artel program: serve a portal, create one, fill it with a demo company, manage webhooks,
// back it up and restore it.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <optional>

#include "app/backup.h"
#include "app/demo.h"
#include "app/http_routes.h"
#include "app/runtime.h"
#include "core/crypto.h"
#include "core/error.h"
#include "events/live.h"
#include "modules/tasks/service.h"
#include "modules/users/service.h"
#include "modules/webhooks/service.h"
#include "net/server.h"
#include "rest/endpoint.h"

namespace fs = std::filesystem;
using namespace artel;

namespace {

net::Endpoint parse_listen(const std::string& text, bool tls) {
  auto colon = text.rfind(':');
  if (colon == std::string::npos) throw std::runtime_error("Expected HOST:PORT, got " + text);
  net::Endpoint e;
  e.host = text.substr(0, colon);
  if (e.host.size() > 2 && e.host.front() == '[' && e.host.back() == ']')
    e.host = e.host.substr(1, e.host.size() - 2);
  e.port = static_cast<std::uint16_t>(std::stoi(text.substr(colon + 1)));
  e.tls = tls;
  return e;
}

bool portal_exists(const std::string& data) {
  return fs::exists(Runtime::database_path(data));
}

void require_portal(const std::string& data) {
  if (!portal_exists(data))
    throw std::runtime_error("No portal in " + data + ": create one with `artel init --data " +
                             data + "`.");
}

void check_database_option(const std::string& database) {
  if (!database.empty() && !db::is_postgres_url(database))
    throw std::runtime_error(
        "--database takes a PostgreSQL URL (postgresql://user@host:port/db), not " + database +
        "; without it the portal is an SQLite file in --data.");
}

// Opens an existing portal for a command: the SQLite file in `data`, or the PostgreSQL database.
std::unique_ptr<Runtime> open_portal(const std::string& data, const std::string& database) {
  check_database_option(database);
  if (database.empty()) {
    require_portal(data);
    return std::make_unique<Runtime>(data);
  }
  fs::create_directories(data);
  auto runtime = std::make_unique<Runtime>(data, database);
  if (!runtime->has_portal())
    throw std::runtime_error("No portal in " + db::display_location(database) +
                             ": create one with `artel init --database …`.");
  return runtime;
}

std::string default_web_root(const char* argv0) {
  std::error_code ec;
  fs::path exe = fs::canonical(fs::path("/proc/self/exe"), ec);
  if (ec) exe = fs::absolute(argv0);
  for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path();
       dir = dir.parent_path())
    if (fs::exists(dir / "web" / "dist" / "index.html")) return (dir / "web" / "dist").string();
  return "web/dist";
}

int serve(const std::string& data, const std::string& database,
          const std::vector<std::string>& listen, const std::vector<std::string>& listen_tls,
          const std::string& cert, const std::string& key, const std::string& web,
          mail::SmtpConfig smtp, int threads) {
  check_database_option(database);
  fs::create_directories(data);
  Runtime runtime(data, database);
  net::ServerConfig config;
  for (const auto& l : listen) config.endpoints.push_back(parse_listen(l, false));
  for (const auto& l : listen_tls) config.endpoints.push_back(parse_listen(l, true));
  config.tls_cert_file = cert;
  config.tls_key_file = key;
  config.io_threads = threads;
  HttpRoutes routes(runtime.portal(), runtime.registry(), web);
  Portal& portal = runtime.portal();
  net::Server server(
      config, [&routes](const net::Request& r) { return routes.handle(r); },
      [&portal](const net::Request& r) { return rest::session_user(portal, r); });
  portal.hub = &server.hub();
  // Other processes on the same PostgreSQL database hear this one's live messages and the other
  // way round; on SQLite it does nothing.
  std::optional<live::Relay> relay;
  relay.emplace(portal);
  portal.relay = &*relay;
  auto bound = server.start();
  if (!smtp.url.empty()) {
    runtime.mail().start(smtp);
  } else {
    std::cout
        << "artel: no --smtp given: e-mails wait in the outbox until a mail server is configured\n";
  }
  runtime.jobs().start();
  for (const auto& e : bound)
    std::cout << "artel: listening on " << (e.tls ? "https" : "http") << "://"
              << (e.host.find(':') != std::string::npos ? "[" + e.host + "]" : e.host) << ":"
              << e.port << std::endl;
  server.run_until_stopped();
  runtime.jobs().stop();
  runtime.mail().stop();
  portal.relay = nullptr;
  relay.reset();  // its thread stops before the hub goes
  portal.hub = nullptr;
  std::cout << "artel: stopped" << std::endl;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  crypto::init();
  CLI::App app{"Artel — a self-hosted collaboration portal with a Bitrix24-compatible REST API"};
  app.require_subcommand(1);
  std::string data = "./data";
  std::string database;
  const char* kDatabaseHelp =
      "PostgreSQL database, e.g. postgresql://artel@127.0.0.1:5432/artel (default: SQLite in "
      "--data, which also holds uploaded files)";

  auto* init_cmd = app.add_subcommand("init", "Create a portal and its administrator");
  std::string admin_email, admin_password, portal_name = "Artel";
  init_cmd->add_option("--data", data, "Portal data folder")->capture_default_str();
  init_cmd->add_option("--database", database, kDatabaseHelp);
  init_cmd->add_option("--admin-email", admin_email, "Administrator's e-mail (the login)")
      ->required();
  init_cmd->add_option("--admin-password", admin_password, "Administrator's password")->required();
  init_cmd->add_option("--portal-name", portal_name, "Company name")->capture_default_str();
  std::string admin_name, admin_last_name;
  init_cmd->add_option("--admin-name", admin_name, "Administrator's first name");
  init_cmd->add_option("--admin-last-name", admin_last_name, "Administrator's last name");

  auto* serve_cmd = app.add_subcommand("serve", "Serve the portal over HTTP and HTTPS");
  std::vector<std::string> listen{"127.0.0.1:8080"}, listen_tls;
  std::string cert, key, web = default_web_root(argv[0]);
  mail::SmtpConfig smtp;
  int threads = 2;
  serve_cmd->add_option("--data", data, "Portal data folder")->capture_default_str();
  serve_cmd->add_option("--database", database, kDatabaseHelp);
  serve_cmd->add_option("--listen", listen, "HOST:PORT for HTTP (repeatable)")
      ->capture_default_str();
  serve_cmd->add_option("--listen-tls", listen_tls, "HOST:PORT for HTTPS (repeatable)");
  serve_cmd->add_option("--tls-cert", cert, "PEM certificate chain for HTTPS");
  serve_cmd->add_option("--tls-key", key, "PEM private key for HTTPS");
  serve_cmd->add_option("--web", web, "Folder of the built web client")->capture_default_str();
  serve_cmd->add_option("--smtp", smtp.url,
                        "Mail server, e.g. smtp://127.0.0.1:25 or smtps://host:465");
  serve_cmd->add_option("--smtp-user", smtp.user, "Mail server login");
  serve_cmd->add_option("--smtp-password", smtp.password, "Mail server password");
  smtp.from = "artel@localhost";
  serve_cmd->add_option("--mail-from", smtp.from, "Sender address of the portal's e-mail")
      ->capture_default_str();
  serve_cmd->add_option("--threads", threads, "I/O threads")->capture_default_str();

  auto* demo_cmd = app.add_subcommand("demo", "Fill a portal with a demo company");
  demo_cmd->add_option("--data", data, "Portal data folder")->capture_default_str();
  demo_cmd->add_option("--database", database, kDatabaseHelp);
  std::string demo_password = "demo-password";
  demo_cmd->add_option("--password", demo_password, "Password of every demo employee")
      ->capture_default_str();

  auto* reindex_cmd = app.add_subcommand(
      "reindex",
      "Rebuild the word-form search index of tasks (after importing data, or when an "
      "upgrade changes how words are reduced)");
  reindex_cmd->add_option("--data", data, "Portal data folder")->capture_default_str();
  reindex_cmd->add_option("--database", database, kDatabaseHelp);

  auto* webhook_cmd = app.add_subcommand("webhook", "Incoming webhooks");
  webhook_cmd->require_subcommand(1);
  auto* wh_add = webhook_cmd->add_subcommand("add", "Create a webhook; prints its URL path");
  std::int64_t wh_user = 0, wh_id = 0;
  std::string wh_scopes = "user,department", wh_title;
  wh_add->add_option("--data", data, "Portal data folder")->capture_default_str();
  wh_add->add_option("--database", database, kDatabaseHelp);
  wh_add->add_option("--user", wh_user, "The person the webhook acts as")->required();
  wh_add->add_option("--scope", wh_scopes, "Comma-separated scopes")->capture_default_str();
  wh_add->add_option("--title", wh_title, "What the webhook is for");
  auto* wh_list = webhook_cmd->add_subcommand("list", "List live webhooks");
  wh_list->add_option("--data", data, "Portal data folder")->capture_default_str();
  wh_list->add_option("--database", database, kDatabaseHelp);
  auto* wh_revoke = webhook_cmd->add_subcommand("revoke", "Revoke a webhook");
  wh_revoke->add_option("--data", data, "Portal data folder")->capture_default_str();
  wh_revoke->add_option("--database", database, kDatabaseHelp);
  wh_revoke->add_option("--id", wh_id, "Webhook id (from list)")->required();

  auto* backup_cmd = app.add_subcommand(
      "backup",
      "Take a consistent copy of a portal (also while it runs); SQLite portals only: back up a "
      "portal on PostgreSQL with pg_dump and a copy of --data");
  std::string archive;
  backup_cmd->add_option("--data", data, "Portal data folder")->capture_default_str();
  backup_cmd->add_option("FILE", archive, "Archive to write")->required();
  auto* restore_cmd =
      app.add_subcommand("restore", "Restore a portal from a backup archive (SQLite portals only)");
  bool force = false;
  restore_cmd->add_option("--data", data, "Portal data folder")->capture_default_str();
  restore_cmd->add_option("FILE", archive, "Archive to read")->required();
  restore_cmd->add_flag("--force", force, "Replace an existing portal in --data");

  CLI11_PARSE(app, argc, argv);

  try {
    if (*init_cmd) {
      check_database_option(database);
      std::string where = database.empty() ? data : db::display_location(database);
      if (database.empty() && portal_exists(data))
        throw std::runtime_error("A portal already exists in " + where +
                                 "; refusing to overwrite it.");
      fs::create_directories(data);
      Runtime runtime(data, database);
      if (runtime.has_portal())
        throw std::runtime_error("A portal already exists in " + where +
                                 "; refusing to overwrite it.");
      users::NewPerson p{admin_email,     admin_password, admin_name,
                         admin_last_name, portal_name,    true};
      auto id = users::create_person(runtime.portal(), p);
      std::cout << "artel: created the portal \"" << portal_name << "\" in " << where
                << "; administrator " << admin_email << " (user " << id << ")\n";
      return 0;
    }
    if (*serve_cmd) return serve(data, database, listen, listen_tls, cert, key, web, smtp, threads);
    if (*demo_cmd) {
      auto runtime = open_portal(data, database);
      fill_demo_company(runtime->portal(), demo_password, std::cout);
      return 0;
    }
    if (*reindex_cmd) {
      auto runtime = open_portal(data, database);
      std::int64_t n = tasks::reindex_all(runtime->portal().db);
      std::cout << "artel: search index rebuilt for " << n << " tasks\n";
      return 0;
    }
    if (*webhook_cmd) {
      auto opened = open_portal(data, database);
      Runtime& runtime = *opened;
      if (*wh_add) {
        std::vector<std::string> scopes;
        std::stringstream ss(wh_scopes);
        for (std::string s; std::getline(ss, s, ',');) scopes.push_back(s);
        for (auto& s : scopes)
          if (!rest::is_known_scope(s)) throw std::runtime_error("Unknown scope: " + s);
        auto w = webhooks::create(runtime.portal(), wh_user, scopes, wh_title, 0);
        std::cout << "/rest/" << w.user_id << "/" << w.token << "/\n";
      } else if (*wh_list) {
        for (const auto& w : webhooks::list(runtime.portal())) {
          std::string scopes;
          for (const auto& s : w.scopes) scopes += (scopes.empty() ? "" : ",") + s;
          std::cout << w.id << "\t/rest/" << w.user_id << "/" << w.token << "/\t" << scopes << "\t"
                    << w.title << "\n";
        }
      } else if (*wh_revoke) {
        if (!webhooks::revoke(runtime.portal(), wh_id))
          throw std::runtime_error("No live webhook with id " + std::to_string(wh_id));
        std::cout << "artel: webhook " << wh_id << " revoked\n";
      }
      return 0;
    }
    if (*backup_cmd) {
      require_portal(data);
      write_backup(data, archive);
      std::cout << "artel: backup written to " << archive << "\n";
      return 0;
    }
    if (*restore_cmd) {
      restore_backup(archive, data, force);
      std::cout << "artel: portal restored into " << data << "\n";
      return 0;
    }
  } catch (const ApiError& e) {
    std::cerr << "artel: " << e.description() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "artel: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
