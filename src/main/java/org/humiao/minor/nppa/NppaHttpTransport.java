package org.humiao.minor.nppa;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Posts a signed call with the JDK client. It blocks its caller, so it runs only on the
 * reporter's own sender thread, never on a Vert.x event loop.
 */
public final class NppaHttpTransport {

  private final HttpClient client;
  private final URI endpoint;
  private final Duration timeout;

  public NppaHttpTransport(HttpClient client, URI endpoint, Duration timeout) {
    this.client = client;
    this.endpoint = endpoint;
    this.timeout = timeout;
  }

  /** @throws IOException on a network failure, a timeout, or an answer that is not the NPPA's JSON */
  public LoginoutResponse post(SignedRequest request) throws IOException, InterruptedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
    request.headers().forEach(builder::header);
    HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    try {
      return LoginoutResponse.parse(response.body());
    } catch (IllegalArgumentException e) {
      // a gateway error page or a truncated answer says nothing about our data: a transport fault
      throw new IOException("HTTP " + response.statusCode() + " without an NPPA answer: " + e.getMessage(), e);
    }
  }
}
