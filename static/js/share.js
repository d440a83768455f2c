// "Copy link" among a campaign page's share links (cms/templates/sharing/links.html): a plain
// link to the page, which copies its address to the clipboard instead when the browser can.
(function () {
  "use strict";
  document.querySelectorAll("a[data-copy-link]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (!navigator.clipboard || !window.isSecureContext) {
        return; // the link opens the page: its address is in the address bar
      }
      event.preventDefault();
      navigator.clipboard.writeText(link.href).then(function () {
        var status = link.closest(".share-links").querySelector(".share-links__status");
        if (status) {
          status.textContent = link.getAttribute("data-copied");
        }
      }, function () {
        window.location.href = link.href;
      });
    });
  });
})();
