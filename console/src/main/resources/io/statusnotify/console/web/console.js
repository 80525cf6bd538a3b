// statusnotify console: helpers shared by super-admin.js and tenant.js (loaded first, defines window.SN).
// A plain script, not a module, so it runs whatever JavaScript MIME type the server names.
"use strict";

window.SN = (function () {
  const SVG = "http://www.w3.org/2000/svg";
  const REFRESH_MS = 10000;
  const STATE_WORDS = {"live": "live", "retrying": "retrying", "circuit-open": "circuit open",
    "auth-failed": "auth failed", "not-sending": "not sending"};
  const UNKNOWN = "Delivery state unknown (no sink reachable)";
  let csrfToken = null;
  // True while a refresh runs: its calls say so, and the server does not count them as the user being active
  // (otherwise an open tab would never reach the idle timeout).
  let background = false;

  // Every API call goes through here: the CSRF header on writes, and a lapsed session sends the user to the login
  // page instead of showing a page full of "login required" errors.
  async function api(method, path, body) {
    const headers = {"Accept": "application/json"};
    if (background) headers["X-Background"] = "1";
    const init = {method: method, headers: headers, credentials: "same-origin", cache: "no-store"};
    if (method !== "GET") {
      headers["Content-Type"] = "application/json";
      headers["X-CSRF-Token"] = csrfToken || "";
      init.body = JSON.stringify(body === undefined ? {} : body);
    }
    const response = await fetch(path, init);
    if (response.status === 401) {
      location.assign("/login?error=expired");
      return new Promise(function () {}); // never settles: the page is going away, nothing more to show
    }
    let data;
    try {
      data = await response.json();
    } catch (e) {
      data = {error: "the console answered HTTP " + response.status + " without JSON"};
    }
    return {ok: response.ok, status: response.status, data: data};
  }

  // The server's own words for a failed call.
  function errorText(result) {
    return (result.data && result.data.error) || ("HTTP " + result.status);
  }

  // Loads the session (for its CSRF token) and fills the header; resolves to the session.
  async function start() {
    const result = await api("GET", "/api/session");
    if (!result.ok) throw new Error(errorText(result));
    const session = result.data;
    csrfToken = session.csrfToken;
    document.getElementById("who").textContent = session.user + " (" + session.role + ")";
    document.getElementById("logout").addEventListener("click", logout);
    return session;
  }

  async function logout() {
    const button = document.getElementById("logout");
    button.disabled = true;
    try {
      await api("POST", "/logout", {});
    } finally {
      location.assign("/login?loggedOut=1");
    }
  }

  // Writes a status line only when its words change: role=status regions announce every write.
  function say(id, text, kind) {
    const element = document.getElementById(id);
    const className = "status" + (kind ? " " + kind : "");
    if (element.textContent !== text) element.textContent = text;
    if (element.className !== className) element.className = className;
  }

  // Runs task now and then every 10 s, one run at a time; a hidden tab skips its turns.
  function every(task) {
    async function tick() {
      if (!document.hidden) {
        background = true;
        try {
          await task();
          say("page-status", "");
        } catch (e) {
          say("page-status", "The console is not answering; the page shows the last known state.", "error");
        } finally {
          background = false;
        }
      }
      setTimeout(tick, REFRESH_MS);
    }
    tick();
  }

  function age(ms) {
    if (ms === null || ms === undefined) return "–";
    const s = Math.round(ms / 1000);
    if (s < 60) return s + " s";
    if (s < 3600) return Math.floor(s / 60) + " min " + (s % 60) + " s";
    if (s < 86400) return Math.floor(s / 3600) + " h " + Math.floor((s % 3600) / 60) + " min";
    return Math.floor(s / 86400) + " d " + Math.floor((s % 86400) / 3600) + " h";
  }

  // Puts a state badge into element (a cell or a dd); delivery null means no sink answered for the tenant.
  function stateBadge(element, delivery) {
    const badge = document.createElement("span");
    if (!delivery) {
      badge.className = "state unknown";
      badge.textContent = UNKNOWN;
    } else {
      badge.className = "state " + delivery.state;
      badge.textContent = (STATE_WORDS[delivery.state] || delivery.state)
        + (delivery.notSendingBecause ? " (" + delivery.notSendingBecause + ")" : "");
    }
    element.replaceChildren(badge);
  }

  function lastError(element, delivery) {
    if (!delivery || !delivery.lastError) {
      element.textContent = delivery ? "none" : "–";
      return;
    }
    element.textContent = delivery.lastError;
    if (delivery.lastErrorAt) {
      const when = document.createElement("span");
      when.className = "when";
      when.textContent = " (" + new Date(delivery.lastErrorAt).toLocaleString() + ")";
      element.appendChild(when);
    }
  }

  function oldestWaiting(delivery) {
    if (!delivery) return "–";
    return delivery.oldestWaitingAgeMillis === null || delivery.oldestWaitingAgeMillis === undefined
      ? "none waiting" : age(delivery.oldestWaitingAgeMillis);
  }

  function svg(name, attributes, parent) {
    const element = document.createElementNS(SVG, name);
    for (const key in attributes) element.setAttribute(key, String(attributes[key]));
    if (parent) parent.appendChild(element);
    return element;
  }

  function summary(minutes) {
    let delivered = 0, failed = 0, p99 = null;
    for (const m of minutes) {
      delivered += m.deliveries;
      failed += m.failures;
      if (m.p99Millis !== null && m.p99Millis !== undefined) p99 = Math.max(p99 || 0, m.p99Millis);
    }
    return {delivered: delivered, failed: failed, p99: p99,
      text: "Last hour: " + delivered + " delivered, " + failed + " failed"
        + (p99 === null ? "" : ", p99 up to " + p99 + " ms")};
  }

  // The hour chart: one bar per minute (deliveries, failures stacked on top), the p99 latency as a line on its own
  // scale. Drawn in user units equal to CSS pixels at its natural size, so its labels stay legible.
  function drawChart(container, history, large) {
    // The large chart takes the width it has (up to 600) so a phone gets readable labels, not a shrunken drawing.
    const width = large ? Math.round(Math.max(240, Math.min(600, container.clientWidth || 600))) : 180;
    const height = large ? 150 : 48;
    const top = large ? 16 : 4, bottom = large ? 16 : 11, font = large ? 12 : 9;
    const plot = height - top - bottom;
    const minutes = history.minutes || [];
    const slot = width / Math.max(minutes.length, 1);
    const sum = summary(minutes);
    const maxCount = Math.max(1, ...minutes.map(function (m) { return m.deliveries + m.failures; }));
    const chart = svg("svg", {viewBox: "0 0 " + width + " " + height, width: width, height: height,
      role: "img", "aria-label": sum.text, focusable: "false"});
    svg("title", {}, chart).textContent = sum.text;
    svg("line", {x1: 0, y1: top + plot, x2: width, y2: top + plot, stroke: "#8a92a3", "stroke-width": 1}, chart);
    let path = "";
    minutes.forEach(function (m, i) {
      const x = i * slot + 0.5, w = Math.max(slot - 1, 1);
      const hDelivered = plot * m.deliveries / maxCount, hFailed = plot * m.failures / maxCount;
      if (hDelivered > 0) {
        svg("rect", {x: x, y: top + plot - hDelivered, width: w, height: hDelivered, fill: "#2f8f4e"}, chart);
      }
      if (hFailed > 0) {
        svg("rect", {x: x, y: top + plot - hDelivered - hFailed, width: w, height: hFailed, fill: "#c0392b"}, chart);
      }
      if (m.p99Millis !== null && m.p99Millis !== undefined && sum.p99 > 0) {
        // Gaps (minutes without deliveries) break the line rather than drawing a false zero.
        const previous = i > 0 ? minutes[i - 1].p99Millis : null;
        const y = top + plot - plot * m.p99Millis / sum.p99;
        path += (previous === null || previous === undefined ? "M" : "L")
          + (i * slot + slot / 2).toFixed(1) + " " + y.toFixed(1) + " ";
      }
    });
    if (path) {
      svg("path", {d: path.trim(), fill: "none", stroke: "#1a5fb4", "stroke-width": large ? 2 : 1.5,
        "stroke-linejoin": "round"}, chart);
    }
    const label = {"font-size": font, fill: "#5a6272", "font-family": "system-ui, sans-serif"};
    svg("text", Object.assign({x: 0, y: height - 2}, label), chart).textContent = "\u221260 min";
    svg("text", Object.assign({x: width, y: height - 2, "text-anchor": "end"}, label), chart).textContent = "now";
    if (large) {
      svg("text", Object.assign({x: 0, y: font}, label), chart).textContent = maxCount + " per minute";
      if (sum.p99 !== null) {
        svg("text", Object.assign({x: width, y: font, "text-anchor": "end"}, label), chart)
          .textContent = "p99 " + sum.p99 + " ms";
      }
    }
    container.replaceChildren(chart);
  }

  // Fetches a tenant's last hour and draws it; a tenant no sink knows gets words instead of an empty chart.
  async function loadChart(container, tenant, large) {
    const result = await api("GET", "/api/tenants/" + encodeURIComponent(tenant) + "/history");
    if (result.ok) {
      drawChart(container, result.data, large);
      return;
    }
    const none = document.createElement("span");
    none.className = "none";
    none.textContent = result.status === 404 ? "No history (no sink knows this tenant)" : errorText(result);
    container.replaceChildren(none);
  }

  return {api: api, errorText: errorText, start: start, say: say, every: every, age: age, stateBadge: stateBadge,
    lastError: lastError, oldestWaiting: oldestWaiting, loadChart: loadChart, drawChart: drawChart};
})();
