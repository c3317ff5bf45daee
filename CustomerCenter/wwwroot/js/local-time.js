// Times are rendered in UTC on the server; where scripts run, show them in the reader's own time zone (DESIGN §4).
for (const element of document.querySelectorAll("time[data-local-time]")) {
  const value = new Date(element.dateTime);
  if (!Number.isNaN(value.getTime())) {
    element.textContent = value.toLocaleString(document.documentElement.lang, { dateStyle: "medium", timeStyle: "short" });
    element.title = element.dateTime;
  }
}
