// corroborator web dossier: small progressive enhancements only. Every page works without it.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Uploads run the analysis and can take a while: say so and prevent a double submit.
  const form = document.getElementById("upload-form");
  if (form) {
    form.addEventListener("submit", () => {
      const busy = form.querySelector(".busy");
      if (busy) busy.hidden = false;
      const button = form.querySelector("button[type=submit]");
      if (button) button.disabled = true;
    });
  }
  // Arriving at #claim-X in an article: flash the highlighted sentence it marks.
  const flash = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id.startsWith("claim-")) return;
    const claim = id.slice("claim-".length);
    document.querySelectorAll(".flash").forEach((el) => el.classList.remove("flash"));
    document.querySelectorAll("[data-claim]").forEach((el) => {
      if (el.dataset.claim === claim) el.classList.add("flash");
    });
  };
  window.addEventListener("hashchange", flash);
  flash();
});
