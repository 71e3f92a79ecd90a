package org.humiao.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * There is no Docker engine here to run docker/, so what can drift is read: every HUMIAO_ variable
 * the image and the compose file set is a real setting, the paths the health check and
 * Prometheus use are the service's, and only the balancer is reachable from other hosts.
 */
class DockerFilesTest {
  private static final Pattern ENV_VAR = Pattern.compile("HUMIAO_[A-Z_]+");

  @Test
  void everyVariableTheDockerFilesSetIsASetting() throws IOException {
    Set<String> known = Arrays.stream(Setting.values()).map(Setting::envVar).collect(Collectors.toSet());
    Set<String> used = new TreeSet<>();
    for (String file : new String[] {"docker/Dockerfile", "docker/docker-compose.yml"}) {
      Matcher m = ENV_VAR.matcher(Files.readString(Path.of(file)));
      while (m.find()) {
        used.add(m.group());
      }
    }
    assertFalse(used.isEmpty(), "no HUMIAO_ variables found: the pattern or the files changed");
    used.removeAll(known);
    assertEquals(Set.of(), used, "variables the docker files set that no setting reads");
  }

  @Test
  void theHealthCheckAndTheScrapeUseTheServicesRoutes() throws IOException {
    String openApi = Files.readString(Path.of("src/main/resources/openapi.yaml"));
    assertTrue(Files.readString(Path.of("docker/Dockerfile")).contains("/health/ready"));
    assertTrue(openApi.contains("\n  /health/ready:"), "the health check's route is not served");
    assertTrue(Files.readString(Path.of("docker/prometheus/prometheus.yml")).contains("metrics_path: /metrics"));
    assertTrue(openApi.contains("\n  /metrics:"), "the scraped route is not served");
  }

  @Test
  void onlyTheBalancerIsPublishedBeyondThisHostAndNoPasswordIsWrittenDown() throws IOException {
    String compose = Files.readString(Path.of("docker/docker-compose.yml"));
    Matcher port = Pattern.compile("(?m)^\\s+- \"([^\"]+:\\d+)\"$").matcher(compose);
    Set<String> published = new TreeSet<>();
    while (port.find()) {
      published.add(port.group(1));
    }
    assertEquals(Set.of("8080:8080", "127.0.0.1:9090:9090", "127.0.0.1:3000:3000"), published);
    assertFalse(compose.contains("GF_SECURITY_ADMIN_PASSWORD:"), "Grafana's password belongs in a secret file");
    assertTrue(compose.contains("GF_SECURITY_ADMIN_PASSWORD__FILE: /run/secrets/"));
    assertTrue(Files.readString(Path.of("docker/.gitignore")).contains("secrets/"), "the secret file must not be committed");
  }
}
