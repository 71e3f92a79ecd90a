package org.humiao.server;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.impl.ClientPhase;
import io.vertx.ext.web.client.impl.HttpContext;
import io.vertx.ext.web.client.impl.WebClientInternal;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.mediatype.ContentAnalyser;
import io.vertx.openapi.mediatype.MediaTypeRegistration;
import io.vertx.openapi.mediatype.MediaTypeRegistry;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import io.vertx.openapi.validation.ValidationContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks answers against {@code src/main/resources/openapi.yaml} with vertx-openapi: the status
 * must be one the operation lists, and the content type and body must match that response's
 * schema (headers the spec declares too). A request to a path the spec does not have must get a
 * 404, and a method a path does not take a 405 or 501, each in the spec's error shape. Every
 * {@link Client} checks every answer it receives this way ({@link #check(WebClient)}); a mismatch
 * fails that request's future with an {@link AssertionError}, so the test that sent it fails.
 */
public final class ApiContract {
  private static final String SPEC = "src/main/resources/openapi.yaml";
  /** Where the counts of checked answers are written when the test JVM ends. */
  private static final Path COUNTS = Path.of("target", "api-contract-checked.tsv");
  /** Answers checked in this JVM, by operation (and "unrouted"): the coverage figure of the suite. */
  private static final Map<String, AtomicLong> CHECKED = new ConcurrentHashMap<>();
  private static volatile ApiContract shared;

  private final OpenAPIContract contract;
  private final ResponseValidator validator;
  private final JsonSchema error;

  private ApiContract(OpenAPIContract contract, ResponseValidator validator, JsonSchema error) {
    this.contract = contract;
    this.validator = validator;
    this.error = error;
  }

  /** The contract of the spec in this tree, loaded once per JVM on a Vert.x of its own. */
  public static ApiContract shared() {
    if (shared == null) {
      synchronized (ApiContract.class) {
        if (shared == null) {
          shared = load(Vertx.vertx(), SPEC);
          Runtime.getRuntime().addShutdownHook(new Thread(ApiContract::writeCounts, "api-contract-counts"));
        }
      }
    }
    return shared;
  }

  /** The contract of the OpenAPI file at {@code spec} (a test may load a broken copy to see checks fail). */
  static ApiContract load(Vertx vertx, String spec) {
    try {
      OpenAPIContract contract = OpenAPIContract.builder(vertx)
          .setContractPath(spec)
          .mediaTypeRegistry(mediaTypes())
          .build()
          .await(30, TimeUnit.SECONDS);
      JsonSchema error = JsonSchema.of(contract.getRawContract().getJsonObject("components")
          .getJsonObject("schemas").getJsonObject("Error"));
      return new ApiContract(contract, ResponseValidator.create(vertx, contract), error);
    } catch (Exception e) {
      throw new AssertionError("cannot load " + spec + ": " + e.getMessage(), e);
    }
  }

  /**
   * JSON is parsed and checked against its schema; the text the service serves (pages, scripts,
   * CSV, SSE, metrics, this YAML) is checked as a string: its status and media type.
   */
  private static MediaTypeRegistry mediaTypes() {
    List<String> text = List.of("text/plain", "text/html", "text/css", "text/javascript", "text/csv",
        "text/event-stream", "application/yaml", "image/png");
    return MediaTypeRegistry.createEmpty()
        .register(MediaTypeRegistration.APPLICATION_JSON)
        .register(new MediaTypeRegistration() {
          @Override
          public ContentAnalyser createContentAnalyser(String contentType, Buffer content, ValidationContext context) {
            return new ContentAnalyser() {
              @Override
              public void checkSyntacticalCorrectness() {}

              @Override
              public Object transform() {
                return content.toString(StandardCharsets.UTF_8);
              }
            };
          }

          @Override
          public boolean canHandle(String mediaType) {
            return text.contains(mediaType);
          }

          @Override
          public List<String> supportedTypes() {
            return text;
          }
        });
  }

  /** Makes {@code web} check every answer it receives; returns it. */
  public static WebClient check(WebClient web) {
    ApiContract contract = shared();
    ((WebClientInternal) web).addInterceptor(ctx -> contract.intercept(ctx));
    return web;
  }

  private void intercept(HttpContext<?> ctx) {
    if (ctx.phase() != ClientPhase.DISPATCH_RESPONSE) {
      ctx.next();
      return;
    }
    HttpMethod method = ctx.request().method();
    String uri = ctx.requestOptions().getURI();
    HttpResponse<?> response = ctx.response();
    Buffer body = response.body() instanceof Buffer b ? b : null;
    verify(method, uri, response.statusCode(), response.headers(), body)
        .onSuccess(v -> ctx.next())
        .onFailure(ctx::fail);
  }

  /** Succeeds when the answer is the spec's for {@code method uri}; else fails with what differs. */
  Future<Void> verify(HttpMethod method, String uri, int status, MultiMap headers, Buffer body) {
    String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
    String what = method + " " + uri + " answered " + status + " " + headers.get("Content-Type") + ": "
        + (body == null ? "" : abbreviate(body.toString()));
    // HEAD has the answer of GET without its body
    HttpMethod asked = method == HttpMethod.HEAD ? HttpMethod.GET : method;
    Operation operation = operation(path, asked);
    if (operation == null || status == 414 || status == 431) {
      // a request line or headers too large are answered before routing, whatever the path
      return unrouted(path, status, body, what);
    }
    Map<String, String> single = new HashMap<>();
    headers.forEach(h -> single.put(h.getKey(), h.getValue()));
    // the spec keys content by media type; the charset parameter is the service's, always UTF-8
    String contentType = headers.get("Content-Type") == null ? null : headers.get("Content-Type").split(";")[0].trim();
    ValidatableResponse answer = method == HttpMethod.HEAD || body == null || body.length() == 0
        ? ValidatableResponse.create(status, single)
        : ValidatableResponse.create(status, single, body, contentType);
    return validator.validate(answer, operation.getOperationId())
        .<Void>mapEmpty()
        .onSuccess(v -> counted(operation.getOperationId()))
        .recover(e -> Future.failedFuture(new AssertionError("not the spec's answer: " + what + "\n  "
            + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"), e)));
  }

  /**
   * The operation of {@code path}, or of the spec path ending in "/" that holds it: such a path
   * stands for a tree of static files ({@code /dashboard/}, {@code /docs/}), as the router's {@code /*}.
   */
  private Operation operation(String path, HttpMethod method) {
    Operation exact = contract.findOperation(path, method);
    if (exact != null) {
      return exact;
    }
    for (String tree = path; tree.lastIndexOf('/') > 0; ) {
      tree = tree.substring(0, tree.lastIndexOf('/'));
      Operation files = contract.findOperation(tree + "/", method);
      if (files != null) {
        return files;
      }
    }
    return contract.findOperation(path + "/", method);
  }

  private Future<Void> unrouted(String path, int status, Buffer body, String what) {
    boolean expected = status == 414 || status == 431 || status == 501 || (operation(path, HttpMethod.GET) == null && contract.findPath(path) == null
        ? status == 404 : status == 405);
    if (!expected || body == null) {
      return Future.failedFuture(new AssertionError("an answer the spec does not have: " + what));
    }
    OutputUnit result = Validator.create(error, new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
        .setBaseUri("https://humiao.invalid/")).validate(body.toJsonObject());
    if (!result.getValid()) {
      return Future.failedFuture(new AssertionError("not the spec's error shape: " + what + "\n  " + result));
    }
    counted("unrouted");
    return Future.succeededFuture();
  }

  private static void counted(String operation) {
    CHECKED.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
  }

  /** Answers checked so far in this JVM, by operation id. */
  public static Map<String, Long> checked() {
    Map<String, Long> copy = new TreeMap<>();
    CHECKED.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  /** One line per operation, "operation TAB answers", and the total; the suite's coverage figure. */
  private static void writeCounts() {
    Map<String, Long> counts = checked();
    StringBuilder out = new StringBuilder();
    counts.forEach((operation, n) -> out.append(operation).append('\t').append(n).append('\n'));
    out.append("total\t").append(counts.values().stream().mapToLong(Long::longValue).sum()).append('\n');
    try {
      Files.writeString(COUNTS, out);
    } catch (IOException e) {
      System.err.println("cannot write " + COUNTS + ": " + e.getMessage());
    }
  }

  /** The spec as JSON, for tests that compare its enums with the code's. */
  JsonObject raw() {
    return contract.getRawContract();
  }

  private static String abbreviate(String text) {
    String line = text.replace('\n', ' ');
    return line.length() <= 300 ? line : line.substring(0, 300) + "…";
  }
}
