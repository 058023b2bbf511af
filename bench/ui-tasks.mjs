#!/usr/bin/env node
// How fast My Plan and the Gantt chart become usable with a large number of tasks, in Debian's
// Chromium (playwright-core from tests/node_modules; it never downloads a browser).
//
//   node bench/ui-tasks.mjs --url http://127.0.0.1:8080 --email admin@example.com \
//        --password 'secret' [--seed 2000] [--runs 3] [--chromium /usr/bin/chromium] [--json]
//
// --seed N first tops the person's own tasks up to N (50 per batch request): plan dates and
// deadlines spread over three months, every tenth task a subtask, every fifth linked to the one
// before it, a fifth of them placed in My Plan's second column. It is not part of the tests.
//
// --group-board N measures a workgroup's kanban board instead: it makes (once) a group "Bench
// board" of the person's and tops its tasks up to N, spread over the board's three columns.
//
// Prints, per run: My Plan (and the group board) — first card painted, every column's first
// page painted, and a drag of one card to the next column until the server saved it and the
// card shows there; Gantt — first bar painted, the whole chart loaded, a scroll to the bottom
// until bars show there, and a bar dragged a day later until the server saved it.
import { createRequire } from "node:module";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const require = createRequire(
  new URL("../tests/package.json", import.meta.url),
);
const { chromium } = require("playwright-core");

function args() {
  const out = {
    runs: 1,
    seed: 0,
    chromium: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, "");
    if (key === "json") out.json = true;
    else out[key] = argv[++i];
  }
  if (!out.url || !out.email || !out.password) {
    console.error(
      "usage: node bench/ui-tasks.mjs --url URL --email E --password P [--seed N] [--runs R] [--json]",
    );
    process.exit(2);
  }
  out.url = out.url.replace(/\/$/, "");
  out.runs = Number(out.runs);
  out.seed = Number(out.seed);
  out["group-board"] = Number(out["group-board"] ?? 0);
  return out;
}

const opts = args();

/** A REST call inside the logged-in page (session cookie + CSRF token). */
function restIn(page) {
  return (method, params = {}) =>
    page.evaluate(
      async ([m, p]) => {
        window.__csrf ??= (
          await (await fetch("/rest/artel.session", { method: "POST" })).json()
        ).result.csrf;
        const r = await fetch(`/rest/${m}`, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "X-CSRF-Token": window.__csrf,
          },
          body: JSON.stringify(p),
        });
        const body = await r.json();
        if (body.error)
          throw new Error(`${m}: ${body.error} ${body.error_description}`);
        return body;
      },
      [method, params],
    );
}

function q(params) {
  const parts = [];
  const walk = (key, value) => {
    if (Array.isArray(value)) value.forEach((v) => walk(`${key}[]`, v));
    else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) walk(`${key}[${k}]`, v);
    else
      parts.push(
        `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`,
      );
  };
  for (const [k, v] of Object.entries(params)) walk(k, v);
  return parts.join("&");
}

async function seed(page, wanted) {
  const call = restIn(page);
  const me = (await call("artel.session")).result.user.ID;
  const have = (
    await call("tasks.task.list", {
      filter: { RESPONSIBLE_ID: me },
      select: ["ID"],
    })
  ).total;
  if (have >= wanted) return { me, created: 0, have };
  const stages = Object.values(
    (await call("task.stages.get", { entityId: 0 })).result,
  ).sort((a, b) => Number(a.SORT) - Number(b.SORT));
  const day = 86400_000;
  const start = Date.now() - 30 * day;
  let created = 0;
  let previous = null;
  const t0 = performance.now();
  while (have + created < wanted) {
    const n = Math.min(50, wanted - have - created);
    const cmd = {};
    for (let i = 0; i < n; i++) {
      const k = have + created + i;
      const from = new Date(start + (k % 90) * day + (k % 7) * 3600_000);
      const fields = {
        TITLE: `Bench task ${k + 1}: ${["prepare", "review", "ship", "call", "plan"][k % 5]}`,
        RESPONSIBLE_ID: me,
        START_DATE_PLAN: from.toISOString(),
        END_DATE_PLAN: new Date(
          from.getTime() + (1 + (k % 5)) * day,
        ).toISOString(),
        DEADLINE: new Date(from.getTime() + (3 + (k % 9)) * day).toISOString(),
      };
      cmd[`t${i}`] = `tasks.task.add?${q({ fields })}`;
    }
    const r = (await call("batch", { halt: 0, cmd })).result;
    const ids = Object.values(r.result).map((x) => x.task.id);
    const follow = {};
    ids.forEach((id, i) => {
      const k = have + created + i;
      if (k % 10 === 9 && previous)
        follow[`p${i}`] =
          `tasks.task.update?${q({ taskId: id, fields: { PARENT_ID: previous } })}`;
      else if (k % 5 === 4 && previous)
        follow[`d${i}`] =
          `task.dependence.add?${q({ taskIdFrom: previous, taskIdTo: id, linkType: 2 })}`;
      if (k % 5 === 2 && stages[1])
        follow[`s${i}`] =
          `task.stages.movetask?${q({ id, stageId: stages[1].ID })}`;
      previous = id;
    });
    // Up to three follow-ups per task: send them 50 at a time.
    const entries = Object.entries(follow);
    for (let i = 0; i < entries.length; i += 50)
      await call("batch", {
        halt: 0,
        cmd: Object.fromEntries(entries.slice(i, i + 50)),
      });
    created += n;
  }
  return { me, created, have, seconds: (performance.now() - t0) / 1000 };
}

/** The group "Bench board" of the person, with at least `wanted` tasks on its board. */
async function seedGroupBoard(page, wanted) {
  const call = restIn(page);
  const me = (await call("artel.session")).result.user.ID;
  const found = (
    await call("sonet_group.get", { FILTER: { NAME: "Bench board" } })
  ).result;
  const gid = found.length
    ? found[0].ID
    : (await call("sonet_group.create", { NAME: "Bench board", PROJECT: "Y" }))
        .result;
  const stages = Object.values(
    (await call("task.stages.get", { entityId: gid })).result,
  ).sort((a, b) => Number(a.SORT) - Number(b.SORT));
  const have = (
    await call("tasks.task.list", { filter: { GROUP_ID: gid }, select: ["ID"] })
  ).total;
  let created = 0;
  const t0 = performance.now();
  while (have + created < wanted) {
    const n = Math.min(50, wanted - have - created);
    const cmd = {};
    for (let i = 0; i < n; i++) {
      const k = have + created + i;
      // Dated like the plan's tasks, so that the Gantt chart draws them as bars too.
      const from = new Date(Date.now() - (30 - (k % 90)) * 86400_000);
      const fields = {
        TITLE: `Board task ${k + 1}: ${["prepare", "review", "ship", "call", "plan"][k % 5]}`,
        RESPONSIBLE_ID: me,
        GROUP_ID: gid,
        STAGE_ID: stages[k % stages.length].ID,
        START_DATE_PLAN: from.toISOString(),
        END_DATE_PLAN: new Date(from.getTime() + 2 * 86400_000).toISOString(),
      };
      cmd[`t${i}`] = `tasks.task.add?${q({ fields })}`;
    }
    await call("batch", { halt: 0, cmd });
    created += n;
  }
  return { gid, created, have, seconds: (performance.now() - t0) / 1000 };
}

/** Milliseconds from `t0` until `fn` resolves truthy (polled in the page each frame). */
async function until(page, t0, fn, arg, timeout = 60_000) {
  await page.waitForFunction(fn, arg, { timeout, polling: "raf" });
  return Math.round(performance.now() - t0);
}

// A kanban board (`kind` plan: My Plan, board: a group's), as the test ids of its columns say.
async function board(page, where, kind) {
  const t0 = performance.now();
  await page.goto(`${opts.url}${where}`);
  const firstCard = await until(
    page,
    t0,
    (k) => document.querySelector(`[data-testid^="${k}-card-"]`),
    kind,
  );
  const allColumns = await until(
    page,
    t0,
    (k) => {
      const columns = [
        ...document.querySelectorAll(`[data-testid^="${k}-column-count-"]`),
      ];
      if (!columns.length) return false;
      return columns.every((c) => {
        const id = c
          .getAttribute("data-testid")
          .replace(`${k}-column-count-`, "");
        const total = Number(c.textContent);
        const shown = document.querySelectorAll(
          `[data-testid="${k}-list-${id}"] [data-task-id]`,
        ).length;
        return shown >= Math.min(total, 50);
      });
    },
    kind,
  );
  const counts = await page.$$eval(
    `[data-testid^="${kind}-column-count-"]`,
    (els) => els.map((e) => Number(e.textContent)),
  );
  const cards = await page.$$eval("[data-task-id]", (els) => els.length);
  // Drag the top card of the first column to the second.
  const lists = await page.$$(`[data-testid^="${kind}-list-"]`);
  let drag = null;
  if (lists.length >= 2) {
    const card = await lists[0].$("[data-task-id]");
    const taskId = await card.getAttribute("data-task-id");
    const target = await lists[1].boundingBox();
    const box = await card.boundingBox();
    const saved = page.waitForResponse((r) =>
      r.url().includes("task.stages.movetask"),
    );
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2, {
      steps: 3,
    });
    await page.mouse.move(target.x + target.width / 2, target.y + 40, {
      steps: 10,
    });
    const t1 = performance.now();
    await page.mouse.up();
    await saved;
    drag = await until(
      page,
      t1,
      ([list, id]) =>
        document.querySelector(
          `[data-testid="${list}"] [data-task-id="${id}"]`,
        ),
      [await lists[1].getAttribute("data-testid"), taskId],
    );
  }
  return {
    firstCard,
    allColumns,
    dragSaved: drag,
    columns: counts,
    cardsInDom: cards,
  };
}

async function gantt(page) {
  const t0 = performance.now();
  await page.goto(`${opts.url}/tasks/gantt`);
  const firstBar = await until(page, t0, () =>
    document.querySelector(".gantt_task_line"),
  );
  const loaded = await until(
    page,
    t0,
    () =>
      !document.querySelector('[data-testid="gantt-loading"]') &&
      document.querySelector(".gantt_task_line"),
  );
  const shown = await page.textContent('[data-testid="gantt-count"]');
  const barsInDom = await page.$$eval(".gantt_task_line", (els) => els.length);
  // Scroll to the end of the chart: bars must be drawn there (smart rendering).
  const t1 = performance.now();
  await page.evaluate(() => {
    const v = document.querySelector(".gantt_ver_scroll");
    if (v) v.scrollTop = v.scrollHeight;
  });
  const scrolled = await until(page, t1, () => {
    const area = document.querySelector(".gantt_task_bg, .gantt_data_area");
    const bars = [...document.querySelectorAll(".gantt_task_line")];
    const v = document.querySelector(".gantt_ver_scroll");
    return v && bars.some((b) => b.offsetTop > v.scrollHeight - 2000) && area;
  });
  // Drag the first visible bar a little later.
  await page.evaluate(() => {
    const v = document.querySelector(".gantt_ver_scroll");
    if (v) v.scrollTop = 0;
  });
  await page.waitForFunction(() => document.querySelector(".gantt_task_line"));
  const bar = await page.$(".gantt_task_line");
  const box = await bar.boundingBox();
  const saved = page.waitForResponse((r) =>
    r.url().includes("tasks.task.update"),
  );
  await page.mouse.move(
    box.x + Math.min(20, box.width / 2),
    box.y + box.height / 2,
  );
  await page.mouse.down();
  await page.mouse.move(
    box.x + Math.min(20, box.width / 2) + 40,
    box.y + box.height / 2,
    {
      steps: 8,
    },
  );
  const t2 = performance.now();
  await page.mouse.up();
  await saved;
  const dragSaved = Math.round(performance.now() - t2);
  return {
    firstBar,
    loaded,
    scrollToEnd: scrolled,
    dragSaved,
    shown: shown?.split("·")[0].trim(),
    barsInDom,
  };
}

const profile = await mkdtemp(path.join(os.tmpdir(), "artel-ui-bench-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: opts.chromium,
  headless: true,
  viewport: { width: 1440, height: 900 },
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
  ],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${opts.url}/login`);
  await page.getByTestId("login-email").fill(opts.email);
  await page.getByTestId("login-password").fill(opts.password);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("shell").waitFor();
  let seeded = null;
  if (opts.seed) seeded = await seed(page, opts.seed);
  let groupSeeded = null;
  if (opts["group-board"])
    groupSeeded = await seedGroupBoard(page, opts["group-board"]);
  const runs = [];
  for (let i = 0; i < opts.runs; i++)
    runs.push(
      groupSeeded
        ? {
            groupBoard: await board(
              page,
              `/workgroups/group/${groupSeeded.gid}/tasks/board/`,
              "board",
            ),
          }
        : {
            myPlan: await board(page, "/tasks/plan", "plan"),
            gantt: await gantt(page),
          },
    );
  if (opts.json) {
    console.log(
      JSON.stringify({ url: opts.url, seeded, groupSeeded, runs }, null, 2),
    );
  } else if (groupSeeded) {
    console.log(`group board: ${JSON.stringify(groupSeeded)}`);
    console.log(
      "| run | group board first card | all columns | drag saved | columns | cards in the page |",
    );
    console.log("|---|---|---|---|---|---|");
    runs.forEach((r, i) =>
      console.log(
        `| ${i + 1} | ${r.groupBoard.firstCard} ms | ${r.groupBoard.allColumns} ms | ${r.groupBoard.dragSaved} ms | ${JSON.stringify(r.groupBoard.columns)} | ${r.groupBoard.cardsInDom} |`,
      ),
    );
  } else {
    if (seeded) console.log(`seeded: ${JSON.stringify(seeded)}`);
    console.log(
      "| run | My Plan first card | all columns | drag saved | Gantt first bar | loaded | scroll to end | bar drag saved |",
    );
    console.log("|---|---|---|---|---|---|---|---|");
    runs.forEach((r, i) =>
      console.log(
        `| ${i + 1} | ${r.myPlan.firstCard} ms | ${r.myPlan.allColumns} ms | ${r.myPlan.dragSaved} ms | ${r.gantt.firstBar} ms | ${r.gantt.loaded} ms | ${r.gantt.scrollToEnd} ms | ${r.gantt.dragSaved} ms |`,
      ),
    );
    const last = runs[runs.length - 1];
    console.log(
      `My Plan columns ${JSON.stringify(last.myPlan.columns)}, ${last.myPlan.cardsInDom} cards in the page; Gantt: ${last.gantt.shown}, ${last.gantt.barsInDom} bars in the page`,
    );
  }
} finally {
  await context.close();
  await rm(profile, { recursive: true, force: true });
}
