package org.humiao.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A report as one printable HTML page (Chinese, A4) that a regulator can save and attach to a 通报:
 * a title, the facts that frame it (period, scope), paragraphs (the method) and tables. No script;
 * the style sheet is in the page, so the saved file prints the same offline, and the page is served
 * under {@link StrictPage#CSP} with that one style allowed by its hash. Every value is escaped.
 */
public final class PrintableReport {
  private static final String STYLE = "@page{size:A4 landscape;margin:12mm}"
      + "body{font-family:\"WenQuanYi Micro Hei\",\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;color:#111;"
      + "margin:24px;font-size:13px}"
      + "h1{font-size:22px;margin:0 0 12px}h2{font-size:16px;margin:20px 0 8px}"
      + "dl{display:grid;grid-template-columns:max-content auto;gap:4px 16px;margin:0 0 12px}dt{font-weight:bold}dd{margin:0}"
      + "p{line-height:1.6;max-width:70em}"
      + "table{border-collapse:collapse;width:100%;margin:8px 0;page-break-inside:auto}"
      + "tr{page-break-inside:avoid}thead{display:table-header-group}"
      + "th,td{border:1px solid #555;padding:4px 6px;text-align:right}th{background:#eee}"
      + "td:first-child,th:first-child{text-align:left}"
      + "@media print{body{margin:0}}";
  /** The page's policy: the dashboard's, and the one inline style sheet, named by its SHA-256. */
  static final String CSP = StrictPage.CSP + "; style-src 'sha256-" + sha256(STYLE) + "'";
  private static final String EMPTY = "—";

  private final String title;
  private final List<String> body = new ArrayList<>();
  private final List<String[]> facts = new ArrayList<>();

  public PrintableReport(String title) {
    this.title = title;
  }

  /** A line of the framing list (期间, 范围 ...), above everything else. */
  public PrintableReport fact(String label, String value) {
    facts.add(new String[] {label, value});
    return this;
  }

  public PrintableReport paragraph(String heading, String text) {
    body.add("<h2>" + escape(heading) + "</h2><p>" + escape(text) + "</p>");
    return this;
  }

  /**
   * A table under {@code heading}; a null cell reads "—".
   *
   * @param rows each as many cells as there are headers
   */
  public PrintableReport table(String heading, List<String> headers, List<List<Object>> rows) {
    StringBuilder html = new StringBuilder("<h2>").append(escape(heading)).append("</h2><table><thead><tr>");
    headers.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
    html.append("</tr></thead><tbody>");
    for (List<Object> row : rows) {
      html.append("<tr>");
      row.forEach(cell -> html.append("<td>").append(cell == null ? EMPTY : escape(cell.toString())).append("</td>"));
      html.append("</tr>");
    }
    if (rows.isEmpty()) {
      html.append("<tr><td colspan=\"").append(headers.size()).append("\">无数据</td></tr>");
    }
    body.add(html.append("</tbody></table>").toString());
    return this;
  }

  public String html() {
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(title)).append("</title><style>").append(STYLE).append("</style></head><body><h1>")
        .append(escape(title)).append("</h1><dl>");
    facts.forEach(f -> html.append("<dt>").append(escape(f[0])).append("</dt><dd>").append(escape(f[1])).append("</dd>"));
    html.append("</dl>");
    body.forEach(html::append);
    return html.append("</body></html>").toString();
  }

  /** Answers 200 with the page, under its policy, never cached (it holds data a key was needed for). */
  public void send(RoutingContext ctx) {
    StrictPage.put(ctx.response(), CSP)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(html());
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String sha256(String text) {
    try {
      return Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }
}
