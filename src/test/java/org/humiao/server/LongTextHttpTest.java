package org.humiao.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A long post reviewed for one clause answers with that clause as {@code segment} evidence, checked
 * against openapi.yaml by the test client like every answer.
 */
class LongTextHttpTest {
  @RegisterExtension
  static final ServiceExtension app = new ServiceExtension(Map.of());

  @Test
  void theClauseThatSentALongPostToReviewIsItsEvidence() {
    // a clause no term or rule names (外地人素质就是低 is now discrimination.group_trait): the segment is what flags it
    String clause = "看见外地人就恶心，就该滚回老家去，别来我们这里搞得乌烟瘴气。";
    String text = "我们小区楼下新开了一家面包店，早上七点就开门，全麦吐司和奶油面包都很受欢迎。上周六我带着弟弟去排队，排了二十分钟才买到。"
        + "店主是一对年轻夫妻，听说以前在南方学过手艺。" + clause
        + "下次准备试试他们家的芝士蛋糕，据说每天只做三十个。妈妈说周末要是天气好，就带我们去江边骑自行车，顺便在那边吃个午饭再回家。";
    HttpResponse<Buffer> r = app.client().post("/v1/text/screen", app.service().platformKey,
        new JsonObject().put("text", text).put("scene", "comment"));
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject body = r.bodyAsJsonObject();
    assertEquals("review", body.getString("decision"), body.encode());
    JsonObject evidence = body.getJsonArray("evidence").getJsonObject(0);
    assertEquals("segment", evidence.getString("source"));
    String shown = text.substring(evidence.getInteger("start"), evidence.getInteger("end"));
    assertEquals(evidence.getString("term"), shown);
    assertTrue(shown.contains(clause.substring(0, clause.length() - 1)), shown);
  }
}
