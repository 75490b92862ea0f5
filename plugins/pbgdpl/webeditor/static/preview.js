/* The editor's preview pane, drawn as the portal's item page (partials/pbgdpl/item.html):
   the date line, the lead text, the facts table, a legal document's status, then the text,
   styled by the portal's own CSS. What each section shows comes from sections.js, written
   from the content model. Values are passed to React as text, never as HTML. */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  var described = window.PBGDPL_PREVIEW;

  CMS.registerPreviewStyle("../preview/material.css");
  CMS.registerPreviewStyle("../preview/portal.css");

  function plain(value) {
    return value && typeof value.toJS === "function" ? value.toJS() : value;
  }

  // "2026-12-01" or "2026-12-01T08:00" → "01/12/2026" (model/formatting.py vi_date).
  function viDate(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value || ""));
    return match ? match[3] + "/" + match[2] + "/" + match[1] : String(value || "");
  }

  function shownValue(fact, value) {
    if (Array.isArray(value)) return value.join(", ");
    return fact.kind === "date" ? viDate(value) : String(value);
  }

  function status(section, value) {
    var today = new Date().toISOString().slice(0, 10);
    var effective = value(section.effective);
    var expires = value(section.expires);
    if (!effective) return "";
    if (String(effective) > today) return described.statuses.not_yet;
    if (expires && String(expires) <= today) return described.statuses.expired;
    return described.statuses.in_force;
  }

  function template(section) {
    return function Preview(props) {
      var data = props.entry.get("data");
      function value(key) { return key ? plain(data.get(key)) : undefined; }
      // A scheduled item is dated by the time it goes out, as the page and feeds show it.
      var date = value("publish_at") || value("date") || value(section.date_from) || "";
      var label = section.item_label.charAt(0).toUpperCase() + section.item_label.slice(1);
      var parts = [h("h1", { key: "title" }, value("title") || "")];
      var withdrawn = value("withdrawn");
      if (withdrawn && withdrawn.date) {
        parts.push(h("div", { key: "withdrawn", className: "admonition warning pb-withdrawn" },
          h("p", { className: "admonition-title" }, "Đã thôi đăng từ ngày " + viDate(withdrawn.date)),
          h("p", null, withdrawn.reason || "")));
      }
      parts.push(h("p", { key: "date", className: "pb-item-date" },
        label + " · đăng ngày ", h("time", null, viDate(date))));
      section.lead.forEach(function (lead) {
        if (value(lead.key)) {
          parts.push(h("section", { key: "lead-" + lead.key, className: "pb-question" },
            h("h2", null, lead.label), h("blockquote", null, h("p", null, value(lead.key)))));
        }
      });
      var rows = [];
      var state = section.effective ? status(section, value) : "";
      if (state) rows.push(h("tr", { key: "status" }, h("th", { scope: "row" }, "Tình trạng"), h("td", null, state)));
      section.facts.forEach(function (fact) {
        var shown = value(fact.key);
        if (shown === undefined || shown === null || shown === "" || (Array.isArray(shown) && !shown.length)) return;
        rows.push(h("tr", { key: fact.key }, h("th", { scope: "row" }, fact.label), h("td", null, shownValue(fact, shown))));
      });
      if (rows.length) {
        parts.push(h("table", { key: "facts", className: "pb-facts" },
          h("caption", null, "Thông tin " + section.item_label), h("tbody", null, rows)));
      }
      parts.push(h("div", { key: "body", className: "pb-body" }, props.widgetFor("body")));
      return h("div", { className: "md-container" },
        h("main", { className: "md-main" },
          h("div", { className: "md-content" },
            h("article", { className: "md-content__inner md-typeset pb-preview" }, parts))));
    };
  }

  Object.keys(described.sections).forEach(function (name) {
    CMS.registerPreviewTemplate(name, template(described.sections[name]));
  });
})();
