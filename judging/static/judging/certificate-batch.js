// Certificate batch page: while the batch runs, update its progress every few seconds and
// reload the page once it has finished (to show the ZIP) or stalled (to offer "Run again").
// Without JavaScript the page has a "Refresh" link instead.
(function () {
  var root = document.getElementById("certificate-batch");
  var url = root && root.getAttribute("data-progress-url");
  if (!url || !window.fetch) return;
  var progress = root.querySelector("progress");
  var count = root.querySelector("[data-batch-count]");
  var status = root.querySelector("[data-batch-status]");
  var template = count ? count.textContent : "";
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (data.finished || data.stalled) { window.location.reload(); return; }
        if (progress) { progress.max = data.total; progress.value = data.done; }
        if (count) { count.textContent = template.replace(/\d+/, data.done).replace(/(\D)\d+(\D*)$/, "$1" + data.total + "$2"); }
        if (status) { status.textContent = data.status_label; }
        window.setTimeout(poll, 3000);
      })
      .catch(function () { window.setTimeout(poll, 10000); });
  }
  window.setTimeout(poll, 2000);
})();
