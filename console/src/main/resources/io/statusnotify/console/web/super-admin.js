// Super Admin page: the global switch, every tenant's delivery with its last hour, and the audit trail.
"use strict";

(function () {
  const checkbox = document.getElementById("allow-tenant-config");
  const saveButton = document.getElementById("save-global");
  const tenantBody = document.querySelector("#tenants tbody");
  const auditBody = document.querySelector("#audit tbody");
  const rows = new Map(); // tenant -> {row, cells}: rows are updated in place so keyboard focus on a link survives
  let mayChange = false;

  async function loadGlobal() {
    const result = await SN.api("GET", "/api/global");
    if (!result.ok) {
      SN.say("global-status", SN.errorText(result), "error");
      return;
    }
    checkbox.checked = result.data.allowTenantConfig === true;
    checkbox.disabled = !mayChange;
    saveButton.disabled = !mayChange;
  }

  async function saveGlobal() {
    saveButton.disabled = true;
    SN.say("global-status", "Saving…");
    try {
      const result = await SN.api("PUT", "/api/global", {allowTenantConfig: checkbox.checked});
      if (result.ok) {
        checkbox.checked = result.data.allowTenantConfig === true;
        SN.say("global-status", "Saved.", "ok");
        loadAudit();
      } else {
        SN.say("global-status", SN.errorText(result), "error");
      }
    } catch (e) {
      SN.say("global-status", "The console is not answering: not saved.", "error");
    } finally {
      saveButton.disabled = !mayChange;
    }
  }

  function newRow(tenant) {
    const row = document.createElement("tr");
    const cells = {};
    for (const name of ["tenant", "enabled", "serverUrl", "state", "counts", "lastError", "oldest", "chart"]) {
      cells[name] = document.createElement("td");
      row.appendChild(cells[name]);
    }
    const link = document.createElement("a");
    link.href = "/tenants/" + encodeURIComponent(tenant);
    link.textContent = tenant;
    cells.tenant.appendChild(link);
    cells.serverUrl.className = "url";
    cells.counts.className = "num";
    cells.lastError.className = "error";
    cells.oldest.className = "num";
    const chart = document.createElement("div");
    chart.className = "hour-chart";
    chart.id = "chart-" + tenant;
    cells.chart.appendChild(chart);
    return {row: row, cells: cells, chart: chart};
  }

  function fill(entry, t) {
    const c = entry.cells, d = t.delivery;
    c.enabled.textContent = !t.configured ? "not configured" : (t.enabled ? "yes" : "no");
    c.serverUrl.textContent = t.serverUrl || "–";
    SN.stateBadge(c.state, d);
    c.counts.textContent = d ? d.deliveredLast5Minutes + " / " + d.failedLast5Minutes : "–";
    SN.lastError(c.lastError, d);
    c.oldest.textContent = SN.oldestWaiting(d);
  }

  async function loadTenants() {
    const result = await SN.api("GET", "/api/tenants");
    if (!result.ok) {
      SN.say("page-status", SN.errorText(result), "error");
      return;
    }
    const seen = new Set();
    result.data.forEach(function (t, i) {
      seen.add(t.tenant);
      if (!rows.has(t.tenant)) rows.set(t.tenant, newRow(t.tenant));
      const entry = rows.get(t.tenant);
      fill(entry, t);
      // Moving a row that is already in place would blur a focused link in it.
      if (tenantBody.children[i] !== entry.row) tenantBody.insertBefore(entry.row, tenantBody.children[i] || null);
    });
    for (const [tenant, entry] of rows) {
      if (!seen.has(tenant)) {
        entry.row.remove();
        rows.delete(tenant);
      }
    }
    if (rows.size === 0) emptyRow(tenantBody, 8, "No tenants.");
    else tenantBody.querySelectorAll("tr.placeholder").forEach(function (r) { r.remove(); });
    await Promise.all(Array.from(rows, function ([tenant, entry]) {
      return SN.loadChart(entry.chart, tenant, false);
    }));
  }

  function emptyRow(body, columns, text) {
    if (body.querySelector("tr.placeholder")) return;
    const row = document.createElement("tr");
    row.className = "placeholder";
    const cell = document.createElement("td");
    cell.colSpan = columns;
    cell.className = "empty";
    cell.textContent = text;
    row.appendChild(cell);
    body.appendChild(row);
  }

  async function loadAudit() {
    const result = await SN.api("GET", "/api/audit");
    if (!result.ok) {
      SN.say("page-status", SN.errorText(result), "error");
      return;
    }
    // Audit rows hold nothing focusable, so redrawing them whole is harmless.
    auditBody.replaceChildren();
    for (const entry of result.data) {
      const row = document.createElement("tr");
      const time = document.createElement("time");
      time.dateTime = entry.at;
      time.textContent = new Date(entry.at).toLocaleString();
      const when = document.createElement("td");
      when.appendChild(time);
      row.appendChild(when);
      for (const text of [entry.actor + (entry.via ? " via " + entry.via : ""), entry.tenant || "–", entry.action,
        (entry.changedFields || []).join(", ") || "–"]) {
        const cell = document.createElement("td");
        cell.textContent = text;
        row.appendChild(cell);
      }
      auditBody.appendChild(row);
    }
    if (result.data.length === 0) emptyRow(auditBody, 5, "No changes recorded yet.");
  }

  async function main() {
    let session;
    try {
      session = await SN.start();
    } catch (e) {
      SN.say("page-status", "The console is not answering: " + e.message, "error");
      return;
    }
    mayChange = session.role === "super-admin";
    document.getElementById("viewer-note").hidden = mayChange;
    saveButton.addEventListener("click", saveGlobal);
    checkbox.addEventListener("change", function () { SN.say("global-status", ""); });
    loadGlobal().catch(function () {
      SN.say("global-status", "The console is not answering: reload the page.", "error");
    });
    SN.every(function () { return Promise.all([loadTenants(), loadAudit()]); });
  }

  main();
})();
