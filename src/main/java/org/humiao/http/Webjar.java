package org.humiao.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Files of a webjar on the class path (a Maven dependency, never a copy in this repository),
 * served by the pages' static handlers ({@link StrictPage#files}): the pom names the version once, the jar's own metadata
 * tells it here.
 */
public final class Webjar {
  private Webjar() {}

  /**
   * The classpath folder of a webjar's files, {@code META-INF/resources/webjars/<artifact>/<version>/<subfolder>}.
   *
   * @param subfolder inside the versioned folder ("" for the folder itself)
   */
  public static String root(String groupId, String artifactId, String subfolder) {
    String pom = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
    try (InputStream in = Webjar.class.getClassLoader().getResourceAsStream(pom)) {
      if (in == null) {
        throw new IllegalStateException("the " + artifactId + " webjar is not on the classpath (" + pom + ")");
      }
      Properties properties = new Properties();
      properties.load(in);
      String root = "META-INF/resources/webjars/" + artifactId + "/" + properties.getProperty("version");
      return subfolder.isEmpty() ? root : root + "/" + subfolder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
