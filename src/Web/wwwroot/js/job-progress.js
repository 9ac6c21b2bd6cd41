// Updates a job's progress bar from its JSON status; reloads the page when the job has finished.
// Without JavaScript the page refreshes itself (meta refresh in <noscript>).
(function () {
  const job = document.getElementById("job");
  if (!job) return;
  const bar = document.getElementById("job-progress");
  const rows = document.getElementById("job-rows");
  async function poll() {
    try {
      const response = await fetch(job.dataset.statusUrl, { headers: { Accept: "application/json" } });
      if (response.ok) {
        const status = await response.json();
        if (status.finished) { window.location.reload(); return; }
        if (status.fraction !== null) bar.value = status.fraction;
        if (job.dataset.rows !== "off") rows.textContent = status.rows.toLocaleString("ja-JP") + " 行を処理しました。";
      }
    } catch (e) {
      // A failed poll is retried at the next tick.
    }
    setTimeout(poll, 1000);
  }
  setTimeout(poll, 1000);
})();
