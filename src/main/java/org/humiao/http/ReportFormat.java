package org.humiao.http;

import io.vertx.ext.web.RoutingContext;

import java.util.Locale;
import java.util.Set;

/** The forms a report route answers in, chosen by {@code ?format=}: JSON unless asked otherwise. */
public enum ReportFormat {
  JSON, CSV, HTML;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format the query asks for among {@code offered}, JSON when it names none.
   *
   * @throws ApiError invalid_field for a format the route does not offer
   */
  public static ReportFormat of(RoutingContext ctx, Set<ReportFormat> offered) {
    String asked = ctx.queryParams().get("format");
    if (asked == null) {
      return JSON;
    }
    return offered.stream().filter(f -> f.id().equals(asked)).findFirst().orElseThrow(() ->
        BodyFields.invalid("format", String.join(" or ", offered.stream().map(ReportFormat::id).sorted().toList())));
  }
}
