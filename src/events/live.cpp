#include "events/live.h"

#include "core/crypto.h"
#include "core/time.h"
#include "net/hub.h"

namespace artel::live {

namespace {

constexpr const char* kChannel = "artel_live";
// PostgreSQL takes NOTIFY payloads under 8000 bytes; a larger message goes through a table.
constexpr std::size_t kInlineLimit = 7000;
constexpr std::int64_t kRelayRowLifetime = 300;

}  // namespace

void publish_after_commit(db::Tx& tx, Portal& portal, std::vector<std::int64_t> user_ids,
                          std::string_view type, json::value data) {
  if (!portal.hub || user_ids.empty()) return;
  json::object message;
  message["type"] = type;
  message["data"] = std::move(data);
  std::string text = json::serialize(message);
  if (portal.relay) portal.relay->announce(tx, user_ids, text);
  tx.on_commit([hub = portal.hub, ids = std::move(user_ids), text = std::move(text)] {
    hub->send_to_users(ids, text);
  });
}

Relay::Relay(Portal& portal) : portal_(portal), origin_(crypto::random_token(16)) {
  listener_ = portal.db.listen(kChannel, [this](const std::string& payload) { deliver(payload); });
}

Relay::~Relay() {
  listener_.reset();
}

void Relay::announce(db::Tx& tx, const std::vector<std::int64_t>& user_ids,
                     const std::string& text) {
  if (!listener_) return;
  json::array ids;
  for (auto id : user_ids) ids.emplace_back(id);
  json::object payload{{"o", origin_}, {"u", std::move(ids)}, {"m", text}};
  std::string inline_text = json::serialize(payload);
  if (inline_text.size() > kInlineLimit) {
    std::int64_t now = timeutil::now_seconds();
    tx.conn.run("DELETE FROM live_relay WHERE created_at < ?", {now - kRelayRowLifetime});
    std::int64_t id = tx.conn.insert("INSERT INTO live_relay(payload, created_at) VALUES (?, ?)",
                                     {inline_text, now});
    inline_text = json::serialize(json::object{{"o", origin_}, {"id", id}});
  }
  tx.conn.run("SELECT pg_notify(?, ?)", {std::string(kChannel), inline_text});
}

void Relay::deliver(const std::string& payload) {
  json::value v = json::parse(payload);
  const json::object* o = v.if_object();
  if (!o || !portal_.hub) return;
  const json::value* origin = o->if_contains("o");
  if (!origin || !origin->is_string() || origin->get_string() == origin_) return;
  json::value stored;
  if (const json::value* id = o->if_contains("id"); id && id->is_int64()) {
    auto text = portal_.db.read([&](db::Conn& c) {
      return c.text("SELECT payload FROM live_relay WHERE id = ?", {id->get_int64()});
    });
    if (!text) return;
    stored = json::parse(*text);
    o = stored.if_object();
    if (!o) return;
  }
  const json::value* users = o->if_contains("u");
  const json::value* text = o->if_contains("m");
  if (!users || !users->is_array() || !text || !text->is_string()) return;
  std::vector<std::int64_t> ids;
  for (const auto& u : users->get_array())
    if (u.is_int64()) ids.push_back(u.get_int64());
  portal_.hub->send_to_users(ids, std::string(text->get_string()));
}

}  // namespace artel::live
