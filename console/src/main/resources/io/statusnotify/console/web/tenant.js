// Tenant Admin page: one tenant's settings (Save only after a passed Connection test of exactly these values),
// its delivery state and its last hour.
"use strict";

(function () {
  const CHANGED = "Changed since the last test: run the Connection test again.";
  const SWITCHED_OFF = "The Super Admin has not allowed Tenant Admins to configure the Status Notification Service.";
  const tenant = decodeURIComponent(location.pathname.replace(/^\/tenants\//, "").replace(/\/+$/, ""));
  const path = "/api/tenants/" + encodeURIComponent(tenant);
  const form = document.getElementById("settings");
  const enabled = document.getElementById("enabled");
  const serverUrl = document.getElementById("server-url");
  const username = document.getElementById("user-name");
  const password = document.getElementById("password");
  const testButton = document.getElementById("connection-test");
  const saveButton = document.getElementById("save");
  const chart = document.getElementById("chart");
  let config = null; // the last GET of the tenant: mayChange, allowTenantConfig
  let passed = null; // {values, token} of the last Connection test, only while it passed
  let busy = false;  // a test or a save is on its way: no second one meanwhile

  function values() {
    return {enabled: enabled.checked, serverUrl: serverUrl.value, username: username.value, password: password.value};
  }

  // The server's token covers exactly the fields tested, so any difference, even a space, needs a new test.
  function tokenFor(now) {
    const p = passed && passed.values;
    const same = p && p.enabled === now.enabled && p.serverUrl === now.serverUrl && p.username === now.username
      && p.password === now.password;
    return same ? passed.token : null;
  }

  // What may be pressed follows from the current values; called after every change and every answer.
  function update() {
    const may = config !== null && config.mayChange === true;
    const now = values();
    // With the switch off, an enabled tenant can still be disabled, but nothing can enable one.
    enabled.disabled = !may || (config.allowTenantConfig === false && !now.enabled);
    serverUrl.disabled = username.disabled = password.disabled = !may;
    testButton.disabled = !may || busy;
    // Disabling needs no test; enabling (or staying enabled) needs a passed one of these very values.
    saveButton.disabled = !may || busy || (now.enabled && tokenFor(now) === null);
  }

  function onEdit() {
    update();
    const now = values();
    SN.say("save-status", passed !== null && now.enabled && tokenFor(now) === null ? CHANGED : "", "warn");
  }

  function showNotice() {
    const notice = document.getElementById("switch-off-notice");
    const off = config.allowTenantConfig === false;
    // Text only while shown: an alert region announces what is written into it.
    notice.textContent = off ? SWITCHED_OFF : "";
    notice.hidden = !off;
  }

  function showDelivery(d) {
    SN.stateBadge(document.getElementById("delivery-state"), d);
    document.getElementById("delivery-counts").textContent =
      d ? d.deliveredLast5Minutes + " / " + d.failedLast5Minutes : "–";
    document.getElementById("delivery-queue").textContent = d ? d.waiting + " waiting, " + d.inFlight + " in flight"
      + (d.inFlightLimit === null || d.inFlightLimit === undefined ? "" : " (limit " + d.inFlightLimit + ")") : "–";
    SN.lastError(document.getElementById("last-error"), d);
    document.getElementById("oldest-waiting").textContent = SN.oldestWaiting(d);
  }

  // Fills the form from the server; the password never comes back, "unchanged" says one is stored.
  async function load() {
    const result = await SN.api("GET", path);
    if (!result.ok) {
      SN.say("page-status", SN.errorText(result), "error");
      return false;
    }
    config = result.data;
    enabled.checked = config.enabled === true;
    serverUrl.value = config.serverUrl || "";
    username.value = config.username || "";
    password.value = "";
    password.placeholder = config.passwordSet ? "unchanged" : "";
    document.getElementById("viewer-note").hidden = config.mayChange === true;
    showNotice();
    showDelivery(config.delivery);
    update();
    return true;
  }

  async function connectionTest(event) {
    event.preventDefault(); // the form is never sent by the browser: it would put the password in a URL
    if (testButton.disabled) return;
    const sent = values(); // the snapshot is what was tested, not what the fields hold when the answer comes
    passed = null;
    busy = true;
    update();
    SN.say("save-status", "");
    SN.say("test-outcome", "Connection test running…");
    try {
      const result = await SN.api("POST", path + "/test", sent);
      if (result.ok && result.data.passed === true) {
        passed = {values: sent, token: result.data.token};
        SN.say("test-outcome", "Connection test passed: " + result.data.outcome, "ok");
      } else {
        SN.say("test-outcome", "Connection test failed: "
          + (result.ok ? result.data.outcome : SN.errorText(result)), "error");
      }
    } catch (e) {
      SN.say("test-outcome", "Connection test failed: the console is not answering.", "error");
    } finally {
      busy = false;
      onEdit();
    }
  }

  async function save() {
    const body = values();
    const token = tokenFor(body);
    if (token !== null) body.token = token;
    busy = true;
    update();
    SN.say("save-status", "Saving…");
    try {
      const result = await SN.api("PUT", path, body);
      if (result.ok) {
        passed = null; // the token is spent; the reloaded form shows what is stored now
        await load();
        SN.say("save-status", "Saved.", "ok");
      } else {
        if (result.status === 409) passed = null; // the server refused this token: a new test is needed
        SN.say("save-status", SN.errorText(result), "error");
      }
    } catch (e) {
      SN.say("save-status", "The console is not answering: not saved.", "error");
    } finally {
      busy = false;
      update();
    }
  }

  // The 10 s refresh touches only the delivery facts, the switch and the chart, never what the user is typing.
  async function refresh() {
    const result = await SN.api("GET", path);
    if (result.ok) {
      config.allowTenantConfig = result.data.allowTenantConfig;
      showNotice();
      showDelivery(result.data.delivery);
      update();
    }
    await SN.loadChart(chart, tenant, true);
  }

  function showNavigation(session) {
    document.getElementById("back").hidden = session.role === "tenant-admin";
    const tenants = (session.tenants || []).slice();
    if (tenants.length < 2) return;
    if (tenants.indexOf(tenant) < 0) tenants.unshift(tenant);
    const select = document.getElementById("tenant-switch");
    for (const name of tenants) select.appendChild(new Option(name, name, false, name === tenant));
    select.addEventListener("change", function () {
      if (select.value !== tenant) location.assign("/tenants/" + encodeURIComponent(select.value));
    });
    document.getElementById("switch").hidden = false;
  }

  async function main() {
    document.getElementById("tenant-name").textContent = tenant;
    document.title = "Status Notification Service (Tenant Admin): " + tenant;
    chart.id = "chart-" + tenant;
    form.addEventListener("submit", connectionTest);
    form.addEventListener("input", onEdit);
    form.addEventListener("change", onEdit);
    saveButton.addEventListener("click", save);
    try {
      showNavigation(await SN.start());
      if (!(await load())) return;
    } catch (e) {
      SN.say("page-status", "The console is not answering: reload the page.", "error");
      return;
    }
    SN.every(refresh);
  }

  main();
})();
