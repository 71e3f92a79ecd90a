import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Calls Humiao from Java 17 with the JDK's HttpClient: screen a line, then minor mode. Run it as a
 * single source file (no build): {@code HUMIAO_KEY=hm_... java HumiaoClient.java}. Prints one line
 * per call, "call: answer JSON"; exits 1 on an error answer. Bodies are written by hand to need no
 * library; a real client would use its JSON library (Jackson, Gson) for both ways.
 */
public class HumiaoClient {
  private static final String URL = System.getenv().getOrDefault("HUMIAO_URL", "http://localhost:8080");
  private static final String KEY = System.getenv("HUMIAO_KEY"); // a platform key: it acts for its own platform
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Call(String name, String path, String body) {}

  public static void main(String[] args) throws Exception {
    String user = "player-1";
    String session = "session-" + System.nanoTime();
    long now = System.currentTimeMillis() / 1000;
    List<Call> calls = List.of(
        new Call("screen", "/v1/text/screen", "{\"text\":\"你个傻*逼\",\"scene\":\"chat\",\"authorId\":\"" + user + "\"}"),
        new Call("authorize", "/v1/play/authorize", "{\"user\":\"" + user + "\",\"session\":\"" + session + "\"}"),
        new Call("heartbeat", "/v1/play/heartbeat", "{\"user\":\"" + user + "\",\"session\":\"" + session
            + "\",\"from\":" + (now - 60) + ",\"to\":" + now + "}"),
        // the key makes the check idempotent: a retry with the same key gets the same answer
        new Call("payment", "/v1/payments/check", "{\"user\":\"" + user + "\",\"amountFen\":600,\"key\":\"order-"
            + session + "\"}"));
    for (Call call : calls) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(URL + call.path()))
          .timeout(Duration.ofSeconds(10))
          .header("Authorization", "Bearer " + KEY)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(call.body()))
          .build();
      HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        // {"error":{"code":…,"message":…}}: branch on the code; on 429 and 503 wait Retry-After seconds
        System.err.println(answer.statusCode() + " " + answer.body() + " Retry-After: "
            + answer.headers().firstValue("Retry-After").orElse("-"));
        System.exit(1);
      }
      System.out.println(call.name() + ": " + answer.body());
    }
  }
}
