// Login page: the server redirects back here with the outcome in the query; this puts it into the spec's words.
"use strict";

(function () {
  const query = new URLSearchParams(location.search);
  const error = query.get("error");
  let text = "";
  if (error === "failed") {
    text = "Wrong user name or password.";
  } else if (error === "throttled") {
    // Only a whole number from the query goes into the sentence: the URL is anyone's to write.
    const seconds = /^\d+$/.test(query.get("retryAfter") || "") ? query.get("retryAfter") : null;
    text = seconds === null ? "Too many failed logins: try again later."
      : "Too many failed logins: try again in " + seconds + " seconds.";
  } else if (error === "expired") {
    text = "Your session has ended: log in again.";
  } else if (query.get("loggedOut") === "1") {
    text = "You are logged out.";
  }
  const message = document.getElementById("message");
  message.textContent = text;
  message.className = error ? "notice" : "note"; // a failure looks like one; "logged out" is just news
})();
