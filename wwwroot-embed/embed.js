/*! Customer Center embed script. Paste where the form should appear:
 *   <div data-customer-center="login" data-lang="de"></div>
 *   <script src="https://portal.example/embed.js" async></script>
 * data-customer-center: login | create-access | forgot-password | support
 * data-lang: de | en | ja (default: the page's language, else de)
 * data-return-url: a page on this site to open after login (same origin as this page only)
 * data-primary-color: #rrggbb for the form's buttons and links
 * data-signin-url: (login only) this site's own OpenID Connect sign-in address, e.g. "/signin-oidc-start", which
 *   answers with the redirect to the portal's authorization endpoint (same origin as this page only). The sign-in
 *   runs inside the iframe; when the iframe arrives back on a page of this site (after the site's own callback),
 *   the whole window goes there.
 * No dependencies, no build step. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src || window.CustomerCenterEmbed) {
    return;
  }
  var portalOrigin = new URL(script.src).origin;
  var forms = { "login": "/embed/login", "create-access": "/embed/create-access", "forgot-password": "/embed/forgot-password", "support": "/embed/support" };
  var titles = {
    de: { "login": "Kundenzentrum: Anmelden", "create-access": "Kundenzentrum: Zugang erstellen", "forgot-password": "Kundenzentrum: Passwort vergessen", "support": "Kundenzentrum: Anfrage stellen" },
    en: { "login": "Customer Center: Log in", "create-access": "Customer Center: Create access", "forgot-password": "Customer Center: Forgot password", "support": "Customer Center: Ask a question" },
    ja: { "login": "カスタマーセンター：ログイン", "create-access": "カスタマーセンター：アカウント作成", "forgot-password": "カスタマーセンター：パスワードをお忘れの方", "support": "カスタマーセンター：お問い合わせ" }
  };
  var frames = [];

  function language(element) {
    var code = (element.getAttribute("data-lang") || document.documentElement.lang || "de").slice(0, 2).toLowerCase();
    return titles[code] ? code : "de";
  }

  function mount(element) {
    var form = element.getAttribute("data-customer-center");
    if (element.getAttribute("data-customer-center-ready") || !forms[form]) {
      return;
    }
    element.setAttribute("data-customer-center-ready", "true");
    var lang = language(element);
    var src = new URL(forms[form], portalOrigin);
    src.searchParams.set("lang", lang);
    src.searchParams.set("embedOrigin", location.origin);
    var color = element.getAttribute("data-primary-color");
    if (color && /^#([0-9a-f]{3}){1,2}$/i.test(color)) {
      src.searchParams.set("primary", color);
    }
    var returnUrl = null;
    if (element.getAttribute("data-return-url")) {
      var target = new URL(element.getAttribute("data-return-url"), location.href);
      if (target.origin === location.origin) {
        returnUrl = target.href;
        src.searchParams.set("hostReturnUrl", returnUrl);
      }
    }

    var signIn = null;
    if (form === "login" && element.getAttribute("data-signin-url")) {
      var start = new URL(element.getAttribute("data-signin-url"), location.href);
      if (start.origin === location.origin) {
        signIn = start;
      }
    }

    var iframe = document.createElement("iframe");
    iframe.src = signIn ? signIn.href : src.href;
    if (signIn) {
      watchSignIn(iframe);
    }
    iframe.title = titles[lang][form];
    iframe.style.cssText = "display:block;width:100%;height:480px;border:0;margin:0;padding:0;";
    element.replaceChildren(iframe);
    frames.push({ iframe: iframe, returnUrl: returnUrl });
  }

  // The OpenID Connect code flow runs in the iframe: the site's sign-in address redirects to the portal (another
  // origin, unreadable from here), and the portal sends the code to the site's own callback, which signs the member
  // in with the site's cookie and redirects to a page of the site. Once the iframe shows a page of this origin again,
  // that page belongs in the whole window.
  function watchSignIn(iframe) {
    iframe.addEventListener("load", function () {
      var arrived;
      try {
        arrived = iframe.contentWindow.location.href;
      } catch (notOurs) {
        return;
      }
      if (arrived && new URL(arrived, location.href).origin === location.origin) {
        window.location.assign(arrived);
      }
    });
  }

  function mountAll() {
    var elements = document.querySelectorAll("[data-customer-center]");
    for (var i = 0; i < elements.length; i++) {
      mount(elements[i]);
    }
  }

  // Only the portal, and only from one of the iframes made here: anything else on the page is ignored.
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== portalOrigin || !data || data.source !== "customer-center") {
      return;
    }
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.iframe.contentWindow !== event.source) {
        continue;
      }
      if (data.type === "height" && typeof data.height === "number" && data.height > 0 && data.height < 100000) {
        frame.iframe.style.height = Math.ceil(data.height) + "px";
        if (typeof data.title === "string" && data.title.length > 0 && data.title.length <= 200) {
          frame.iframe.title = data.title;
        }
      } else if (data.type === "navigate" && typeof data.url === "string" && frame.returnUrl) {
        // Only to this site, and only to the address this snippet named.
        var next = new URL(data.url, location.href);
        if (next.origin === location.origin && next.href === frame.returnUrl) {
          window.location.assign(next.href);
        }
      }
      return;
    }
  });

  window.CustomerCenterEmbed = { mount: mountAll };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
}());
