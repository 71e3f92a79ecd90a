package org.humiao.http.minor;

import io.vertx.core.http.HttpMethod;
import org.humiao.http.Mount;
import org.humiao.http.Mount.Access;
import org.humiao.http.RecordingPool;
import org.humiao.minor.MinorMode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The minor-mode routes, mounted together; they serve the platforms, as screening does.
 *
 * @param recording where the calls run; it holds an answer until its state and events are synced
 */
public record MinorApi(MinorMode minorMode, RecordingPool recording) {

  public void mount(Mount mount) {
    MinorCalls minor = new MinorCalls(minorMode);
    Map<String, MinorRoute.Call> routes = new LinkedHashMap<>();
    routes.put("/v1/attestations", minor::attest);
    routes.put("/v1/play/authorize", minor::authorize);
    routes.put("/v1/play/heartbeat", minor::heartbeat);
    routes.put("/v1/play/end", minor::end);
    routes.put("/v1/payments/check", minor::checkPayment);
    routes.put("/v1/payments/refund", minor::refund);
    routes.put("/v1/guardian/controls", minor::guardianControls);
    routes.forEach((path, call) -> mount.route(HttpMethod.POST, path, Access.PLATFORM_BODY, new MinorRoute(recording, call)));
  }
}
