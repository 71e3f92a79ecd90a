package org.humiao.minor.nppa;

import java.util.Map;

/**
 * A loginout call ready to send: the body exactly as signed, and the headers including
 * {@code sign}. Sending different bytes than these would break the signature.
 */
public record SignedRequest(String body, Map<String, String> headers) {

  public SignedRequest {
    headers = Map.copyOf(headers);
  }
}
