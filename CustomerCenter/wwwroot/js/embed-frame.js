// Runs in a portal page inside the iframe that embed.js created (Embedding/EmbedFrameScript.razor). Every data-* value
// on this script element was checked by the server against the allowed origins before it was written here.
(() => {
  "use strict";
  const settings = document.currentScript?.dataset ?? {};
  const parentOrigin = settings.parentOrigin ?? "";
  const framed = window.parent !== window;

  // The new-tab fallback carries what was typed: only the password is asked again.
  const email = new URLSearchParams(location.search).get("email");
  const emailField = document.querySelector('input[type="email"]');
  if (email && emailField && !emailField.value) {
    emailField.value = email;
    if (!framed) {
      document.querySelector('input[type="password"]')?.focus();
    }
  }

  if (!framed || !parentOrigin) {
    return;
  }

  // Never "*": only the validated host page may read what this page says.
  const post = (message) => window.parent.postMessage({ source: "customer-center", ...message }, parentOrigin);

  // The host page sizes the iframe to the content: no inner scrollbar, nothing cut off, also when an error appears.
  // The page's title goes along, so the iframe's title says what the frame shows now (screen readers announce it).
  let reported = -1;
  const reportHeight = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== reported) {
      reported = height;
      post({ type: "height", height, title: document.title });
    }
  };
  new ResizeObserver(reportHeight).observe(document.documentElement);
  addEventListener("load", reportHeight);
  reportHeight();

  // The next page inside the frame keeps the embed context and the language (the language cookie may be refused).
  const carried = {
    embedOrigin: parentOrigin,
    primary: settings.primary,
    hostReturnUrl: settings.hostReturnUrl,
    lang: document.documentElement.lang,
  };
  const carry = (address) => {
    const url = new URL(address, location.href);
    if (url.origin !== location.origin) {
      return null;
    }
    for (const [name, value] of Object.entries(carried)) {
      if (value && !url.searchParams.has(name)) {
        url.searchParams.set(name, value);
      }
    }
    return url.href;
  };
  for (const link of document.querySelectorAll("a[href]")) {
    const url = new URL(link.href);
    const samePage = url.hash && url.pathname === location.pathname && url.search === location.search;
    if ((link.target && link.target !== "_self") || samePage) {
      continue;
    }
    link.href = carry(link.href) ?? link.href;
  }
  for (const form of document.forms) {
    form.action = carry(form.action) ?? form.action;
  }

  // Where the browser refuses the portal's cookies in the frame, the server only learns it from the post, and answers
  // with "continue in a new tab" (Hosting/FormPostGuard.cs). The typed address goes along in the address for that
  // answer to carry over; the password never does, and with cookies working nothing is added.
  const cookiesRefused = () => {
    try {
      return !document.cookie.split("; ").some((cookie) => cookie.startsWith("customerLang="));
    } catch {
      return true;
    }
  };
  for (const form of document.forms) {
    form.addEventListener("submit", () => {
      const field = form.querySelector('input[type="email"]');
      if (field?.value && cookiesRefused()) {
        const url = new URL(form.action);
        url.searchParams.set("email", field.value);
        form.action = url.href;
      }
    });
  }

  // Chromium does not autofocus inside a cross-origin frame; the error summary still gets the focus (GOV.UK pattern).
  const summary = document.querySelector(".error-summary[autofocus]");
  if (summary && document.hasFocus()) {
    summary.focus();
  }

  // After login with a host return URL the whole window goes there; the host page checks the address once more.
  const navigate = document.querySelector("[data-cc-navigate-top]");
  if (navigate) {
    post({ type: "navigate", url: navigate.getAttribute("data-cc-navigate-top") });
  }

  // Cookies refused in the frame: first ask for storage access where the browser offers it (on this click), else open
  // the same form in a new tab, where the portal is first-party. A second click always opens the tab.
  const newTab = document.querySelector("a[data-cc-new-tab]");
  if (newTab && typeof document.requestStorageAccess === "function") {
    let asked = false;
    newTab.addEventListener("click", (event) => {
      if (asked) {
        return;
      }
      asked = true;
      event.preventDefault();
      document.requestStorageAccess().then(
        () => location.assign(newTab.dataset.ccRetry ?? location.href),
        () => {
          const opened = window.open(newTab.href, "_blank");
          if (opened) {
            opened.opener = null;
          }
        });
    });
  }
})();
