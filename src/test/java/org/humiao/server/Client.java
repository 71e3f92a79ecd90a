package org.humiao.server;

import org.humiao.http.RequestIds;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A blocking WebClient over loopback for tests: one call, one awaited response. Every answer it
 * receives is checked against the OpenAPI spec ({@link ApiContract}); one the spec does not
 * describe fails the request.
 */
public final class Client implements AutoCloseable {
  static final String JSON = "application/json";

  private final WebClient web;

  public Client(Vertx vertx, int port) {
    this(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
  }

  Client(Vertx vertx, WebClientOptions options) {
    this(ApiContract.check(WebClient.create(vertx, options)));
  }

  private Client(WebClient web) {
    this.web = web;
  }

  /**
   * A client whose answers are not checked against the spec: for the tests of one handler on a
   * router of their own, whose made-up routes ({@code /bug}, {@code /read}) are not the API.
   */
  public static Client unchecked(Vertx vertx, int port) {
    return new Client(WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)));
  }

  public HttpResponse<Buffer> get(String path, String key) {
    return await(getAsync(path, key));
  }

  /** A GET whose answer is not waited for, to hold several requests open at once. */
  public io.vertx.core.Future<HttpResponse<Buffer>> getAsync(String path, String key) {
    return request(HttpMethod.GET, path, key).send();
  }

  HttpResponse<Buffer> post(String path, String key, JsonObject body) {
    return post(path, key, JSON, body.toBuffer());
  }

  HttpResponse<Buffer> post(String path, String key, String contentType, Buffer body) {
    HttpRequest<Buffer> request = request(HttpMethod.POST, path, key);
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    return await(request.sendBuffer(body));
  }

  HttpRequest<Buffer> request(HttpMethod method, String path, String key) {
    HttpRequest<Buffer> request = web.request(method, path);
    if (key != null) {
      request.bearerTokenAuthentication(key);
    }
    return request;
  }

  static HttpResponse<Buffer> await(io.vertx.core.Future<HttpResponse<Buffer>> response) {
    try {
      return response.await(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no response in 20 s", e);
    }
  }

  /** Asserts a 200 answer (the body in the message otherwise) and returns its JSON body. */
  public static JsonObject ok(HttpResponse<Buffer> response) {
    assertEquals(200, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject();
  }

  /** Asserts an error answer: the status, the code, a message, and the request id header. */
  public static JsonObject assertError(HttpResponse<Buffer> response, int status, String code) {
    assertEquals(status, response.statusCode(), response::bodyAsString);
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertNotNull(error, response::bodyAsString);
    assertEquals(code, error.getString("code"), response::bodyAsString);
    assertNotNull(error.getString("message"));
    assertNotNull(response.getHeader(RequestIds.HEADER));
    return error;
  }

  @Override
  public void close() {
    web.close();
  }
}
