// The live feed under load, on a portal filled by bench/generate-feed:
//
//   node bench/feed.mjs DIR [--duration 10s] [--connections "16 64"] [--sockets 10000]
//                       [--posts 3] [--threads 2] [--only page|live]
//
// (a) page: the first page of log.feed.get (20 entries, as the feed page asks for it) for the
//     person in 50 groups and for an ordinary employee, with wrk against a webhook of each:
//     req/s, the p50 and p99 latency, and the server's CPU time per request (from
//     /proc/PID/stat, the steadier figure on a shared machine).
// (b) live: --sockets WebSocket connections to /ws, each with one of the sessions that
//     bench/generate-feed opened (DIR/bench-feed.sessions); then the ordinary employee posts
//     to everyone (log.blogpost.add DEST UA) --posts times, one after another, and for each
//     post the time from the request until each socket has received its feed.entry is taken:
//     the first, the median, the p99 and the last socket, with the CPU time the server and this
//     process spent. The post is sent by curl, whose own time is the HTTP answer's (this
//     process is busy receiving at that moment); the receiving times count from just before
//     curl starts, a few ms early.
//
// The server (`artel serve --threads N` on a free 127.0.0.1 port, ARTEL=path selects the
// binary) is started and stopped by the script. The client is one Node process (ws from
// tests/node_modules) on the same machine, so the receiving times include its own work. The
// script raises its open-file limit to the hard limit with `ulimit -n` (it and the server each
// need one descriptor per socket) and refuses to run when that is not enough.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(HERE);
const ARTEL = process.env.ARTEL ?? path.join(ROOT, "build", "artel");

// One descriptor per socket in this process and in the server: raise the limit first.
if (!process.env.ARTEL_FEED_BENCH_LIMIT) {
  const r = spawnSync(
    "bash",
    [
      "-c",
      'ulimit -n "$(ulimit -Hn)" && exec "$@"',
      "bash",
      process.execPath,
      ...process.argv.slice(1),
    ],
    { stdio: "inherit", env: { ...process.env, ARTEL_FEED_BENCH_LIMIT: "1" } },
  );
  process.exit(r.status ?? 1);
}

const require = createRequire(path.join(ROOT, "tests", "package.json"));
const WebSocket = require("ws");

function options(argv) {
  const o = {
    duration: "10s",
    connections: "16 64",
    sockets: 10000,
    posts: 3,
    threads: 2,
    only: "",
    data: "",
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === "--duration") o.duration = next();
    else if (a === "--connections") o.connections = next();
    else if (a === "--sockets") o.sockets = Number(next());
    else if (a === "--posts") o.posts = Number(next());
    else if (a === "--threads") o.threads = Number(next());
    else if (a === "--only") o.only = next();
    else if (a.startsWith("-"))
      throw new Error(`feed.mjs: unknown option ${a}`);
    else o.data = a;
  }
  if (!o.data)
    throw new Error(
      "usage: node bench/feed.mjs DIR [options] (see the file's head)",
    );
  return o;
}

const opts = options(process.argv.slice(2));
const people = JSON.parse(
  readFileSync(path.join(opts.data, "bench-feed.json"), "utf8"),
);
const sessions = readFileSync(
  path.join(opts.data, "bench-feed.sessions"),
  "utf8",
)
  .trim()
  .split("\n")
  .map((line) => {
    const [user, token] = line.split(" ");
    return { user: Number(user), token };
  });
const limit = Number(
  execFileSync("bash", ["-c", "ulimit -n"]).toString().trim(),
);
if (opts.only !== "page" && limit < opts.sockets + 500) {
  throw new Error(
    `feed.mjs: the open-file limit is ${limit}, ${opts.sockets} sockets need ${opts.sockets + 500}: raise the hard limit (ulimit -Hn)`,
  );
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const quantile = (sorted, q) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
    : NaN;
const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : "–");

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function webhook(user) {
  const out = execFileSync(ARTEL, [
    "webhook",
    "add",
    "--data",
    opts.data,
    "--user",
    String(user),
    "--scope",
    "log,user",
    "--title",
    "bench/feed",
  ]).toString();
  const m = /\/rest\/\d+\/[A-Za-z0-9]+\//.exec(out);
  if (!m) throw new Error(`artel webhook add printed no path: ${out}`);
  return m[0];
}

async function startServer() {
  const port = await freePort();
  const child = spawn(
    ARTEL,
    [
      "serve",
      "--data",
      opts.data,
      "--listen",
      `127.0.0.1:${port}`,
      "--threads",
      String(opts.threads),
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const until = Date.now() + 60000;
  while (!log.includes(`listening on http://127.0.0.1:${port}`)) {
    if (child.exitCode !== null || Date.now() > until)
      throw new Error(`artel serve did not start:\n${log}`);
    await sleep(50);
  }
  return { child, port, url: `http://127.0.0.1:${port}`, log: () => log };
}

const TICK_HZ = Number(execFileSync("getconf", ["CLK_TCK"]).toString());
const cpuTicks = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15)
};
// Waits (at most 10 s) until the server has used no CPU for 0.2 s.
async function settle(pid) {
  let prev = cpuTicks(pid);
  for (let i = 0; i < 50; i++) {
    await sleep(200);
    const now = cpuTicks(pid);
    if (now === prev) return;
    prev = now;
  }
}

const toMs = (v) => {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(v ?? "");
  if (!m) return NaN;
  const n = Number(m[1]);
  return { us: n / 1000, ms: n, s: n * 1000, m: n * 60000 }[m[2]];
};

async function pageRuns(server) {
  const rows = [];
  const who = [
    [`member of ${people.busy_groups} groups`, people.busy],
    [`employee in ${people.ordinary_groups} group(s)`, people.ordinary],
  ];
  for (const [name, user] of who) {
    const url = `${server.url}${webhook(user)}log.feed.get`;
    const check = await fetch(url);
    const body = await check.json();
    const entries = body?.result?.entries;
    if (check.status !== 200 || !Array.isArray(entries))
      throw new Error(
        `log.feed.get as ${user}: HTTP ${check.status} ${JSON.stringify(body).slice(0, 300)}`,
      );
    console.log(
      `check: log.feed.get as ${user} (${name}) -> ${entries.length} entries, newest ${entries[0]?.ID}, next_last_id ${body.result.next_last_id}`,
    );
    for (const c of opts.connections.split(/\s+/).filter(Boolean)) {
      await settle(server.child.pid);
      const before = cpuTicks(server.child.pid);
      const out = spawnSync("wrk", [
        "-t1",
        `-c${c}`,
        `-d${opts.duration}`,
        "--latency",
        url,
      ]).stdout.toString();
      const after = cpuTicks(server.child.pid);
      const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
      if (!requests) throw new Error(`wrk failed:\n${out}`);
      const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)[1]);
      const p50 = toMs(/^\s+50%\s+(\S+)/m.exec(out)?.[1]);
      const p99 = toMs(/^\s+99%\s+(\S+)/m.exec(out)?.[1]);
      const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1];
      const sockerr = /Socket errors: (.*)/.exec(out)?.[1];
      const errors =
        [non2xx && `non-2xx ${non2xx}`, sockerr].filter(Boolean).join(", ") ||
        "0";
      const cpu = (((after - before) * 1000) / TICK_HZ / requests).toFixed(3);
      const row = `| log.feed.get first page (${name}) | ${c} | ${Math.round(rps)} | ${p50.toFixed(2)} | ${p99.toFixed(2)} | ${cpu} | ${errors} |`;
      console.log(`run: ${row}`);
      rows.push(row);
    }
  }
  return rows;
}

function openSocket(server, session, onMessage) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, {
      headers: { cookie: `artel_session=${session.token}`, origin: server.url },
      perMessageDeflate: false,
    });
    ws.once("open", () => resolve(ws));
    ws.once("unexpected-response", (_req, res) =>
      reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)),
    );
    ws.once("error", reject);
    ws.on("message", onMessage);
  });
}

async function liveRuns(server) {
  const n = Math.min(opts.sockets, sessions.length);
  if (n < opts.sockets)
    console.log(`live: only ${n} sessions in bench-feed.sessions`);
  const poster = `${server.url}${webhook(people.ordinary)}log.blogpost.add`;
  let current = null; // { id, start, times[] } of the post being measured
  const received = new Array(n).fill(false);
  const sockets = [];
  const opened = performance.now();
  // Opened 200 at a time: the server authenticates each upgrade on its worker pool.
  let next = 0;
  const failures = [];
  await Promise.all(
    Array.from({ length: 200 }, async () => {
      while (next < n) {
        const i = next++;
        try {
          sockets[i] = await openSocket(server, sessions[i], (data) => {
            if (!current || received[i]) return;
            const at = performance.now();
            const m = JSON.parse(String(data));
            if (m.type !== "feed.entry" || m.data?.ACTION !== "add") return;
            received[i] = true;
            current.times.push(at - current.start);
          });
        } catch (e) {
          failures.push(e.message);
        }
      }
    }),
  );
  const openMs = performance.now() - opened;
  const open = sockets.filter((ws) => ws?.readyState === WebSocket.OPEN).length;
  console.log(
    `live: ${open} of ${n} sockets open in ${(openMs / 1000).toFixed(1)} s${failures.length ? `; ${failures.length} failed, e.g. ${failures[0]}` : ""}`,
  );
  const rows = [];
  for (let k = 0; k < opts.posts; k++) {
    await settle(server.child.pid);
    received.fill(false);
    const before = cpuTicks(server.child.pid);
    const client = process.cpuUsage();
    // curl posts, so that the answer's time is not held up by this process receiving 10,000
    // messages at the same moment.
    current = { start: performance.now(), times: [] };
    const curl = spawn("curl", [
      "-sS",
      "-o",
      "-",
      "-w",
      "\\n%{http_code} %{time_total}",
      "-H",
      "content-type: application/json",
      "--data",
      JSON.stringify({
        POST_MESSAGE: `bench/feed: a post to everyone ${k + 1}`,
        DEST: ["UA"],
      }),
      poster,
    ]);
    let out = "";
    curl.stdout.on("data", (d) => (out += d));
    await new Promise((r) => curl.once("exit", r));
    const [json, status] = out.split("\n");
    const [code, total] = status.split(" ");
    const answered = Number(total) * 1000;
    const body = JSON.parse(json);
    if (code !== "200")
      throw new Error(`log.blogpost.add: HTTP ${code} ${json}`);
    const until = performance.now() + 60000;
    while (current.times.length < open && performance.now() < until)
      await sleep(5);
    const cpu = ((cpuTicks(server.child.pid) - before) * 1000) / TICK_HZ;
    const used = process.cpuUsage(client);
    const clientCpu = (used.user + used.system) / 1000;
    const times = [...current.times].sort((a, b) => a - b);
    const row = `| ${body.result} | ${open} | ${times.length} | ${ms(answered)} | ${ms(times[0])} | ${ms(quantile(times, 0.5))} | ${ms(quantile(times, 0.99))} | ${ms(times.at(-1))} | ${cpu.toFixed(0)} | ${clientCpu.toFixed(0)} |`;
    console.log(`post: ${row}`);
    rows.push(row);
    current = null;
  }
  for (const ws of sockets) ws?.terminate();
  return { rows, open, openMs };
}

const server = await startServer();
const stop = () => {
  if (server.child.exitCode === null) server.child.kill("SIGTERM");
};
process.on("exit", stop);
process.on("SIGINT", () => process.exit(130));
const cores = os.cpus().length;
console.log(
  `feed: ${opts.data}, server pid ${server.child.pid} on port ${server.port}, --threads ${opts.threads}, ${cores} cores, open-file limit ${limit}`,
);
try {
  if (opts.only !== "live") {
    const rows = await pageRuns(server);
    console.log(
      "\n| endpoint | conns | req/s | p50 ms | p99 ms | server CPU ms/req | errors |",
    );
    console.log("|---|---:|---:|---:|---:|---:|---:|");
    for (const r of rows) console.log(r);
    console.log();
  }
  if (opts.only !== "page") {
    const { rows } = await liveRuns(server);
    console.log(
      "\n| post | sockets open | received | HTTP answer ms | first ms | median ms | p99 ms | last ms | server CPU ms | client CPU ms |",
    );
    console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const r of rows) console.log(r);
  }
} finally {
  stop();
  await new Promise((r) =>
    server.child.exitCode !== null ? r() : server.child.once("exit", r),
  );
}
