package org.humiao.server;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client examples of docs/clients/ for the languages on this machine (Python, Node.js, and
 * Java as a single source file), run as they are against a live service: each call must answer
 * 200 with the spec's answer. Go and PHP are checked by reading (docs/clients.md). Fails, not
 * skips, where an interpreter is missing, as the browser test does without chromium.
 */
class ClientExamplesTest {
  /** The examples' calls, in the order they print them, and the paths they post to. */
  private static final Map<String, String> CALLS = new LinkedHashMap<>();

  static {
    CALLS.put("screen", "/v1/text/screen");
    CALLS.put("authorize", "/v1/play/authorize");
    CALLS.put("heartbeat", "/v1/play/heartbeat");
    CALLS.put("payment", "/v1/payments/check");
  }

  @RegisterExtension
  static final ServiceExtension app = new ServiceExtension(Map.of());

  @ParameterizedTest
  @ValueSource(strings = {"python3 docs/clients/python/humiao_client.py", "node docs/clients/node/humiao_client.mjs",
      "java docs/clients/java/HumiaoClient.java"})
  void theExampleRunsAgainstALiveServiceAndGetsTheSpecsAnswers(String command) throws Exception {
    List<String> lines = run(command);
    assertEquals(List.copyOf(CALLS.keySet()), lines.stream().map(l -> l.substring(0, l.indexOf(": "))).toList(),
        String.join("\n", lines));
    MultiMap json = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");
    Map<String, JsonObject> answers = new LinkedHashMap<>();
    for (String line : lines) {
      String name = line.substring(0, line.indexOf(": "));
      String body = line.substring(line.indexOf(": ") + 2);
      ApiContract.shared().verify(HttpMethod.POST, CALLS.get(name), 200, json, Buffer.buffer(body))
          .await(10, TimeUnit.SECONDS);
      answers.put(name, new JsonObject(body));
    }
    assertEquals("block", answers.get("screen").getString("decision"), answers::toString);
    assertEquals("你个***", answers.get("screen").getString("masked"));
    // an unattested user is a guest: the shipped policy's guest answers, whatever they allow
    assertTrue(answers.get("authorize").containsKey("allowed"));
    assertTrue(List.of("continue", "stop").contains(answers.get("heartbeat").getString("action")));
    assertTrue(answers.get("payment").containsKey("allowed"));
  }

  private static List<String> run(String command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command.split(" ")).redirectErrorStream(true);
    builder.environment().put("HUMIAO_URL", "http://127.0.0.1:" + app.service().port());
    builder.environment().put("HUMIAO_KEY", app.service().platformKey);
    builder.environment().put("PYTHONIOENCODING", "utf-8");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command + " (install it: docs/testing.md): " + e.getMessage(), e);
    }
    boolean ended = process.waitFor(120, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!ended) {
      process.destroyForcibly();
    }
    assertTrue(ended, command + " did not end in 120 s: " + output);
    assertEquals(0, process.exitValue(), command + ": " + output);
    return output.lines().filter(l -> !l.isBlank()).toList();
  }
}
