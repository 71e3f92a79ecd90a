package org.humiao.minor.nppa;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The NPPA answer: {@code {"errcode":..,"errmsg":..,"data":{"results":[{"no":..,"errcode":..,"errmsg":..}]}}}.
 *
 * @param results the per-item verdicts; an item the answer does not list was accepted
 */
public record LoginoutResponse(int errcode, String errmsg, List<ItemResult> results) {

  public LoginoutResponse {
    results = List.copyOf(results);
  }

  /** One item's verdict; {@code no} is the number the request gave it. */
  public record ItemResult(int no, int errcode, String errmsg) {
  }

  /** @throws IllegalArgumentException if the text is not such an answer */
  public static LoginoutResponse parse(String text) {
    try {
      return read(new JsonObject(text));
    } catch (DecodeException | ClassCastException | NullPointerException e) {
      // wrong JSON types or a result item without its number
      throw new IllegalArgumentException("not an NPPA answer: " + abbreviate(text), e);
    }
  }

  private static LoginoutResponse read(JsonObject json) {
    Integer errcode = json.getInteger("errcode");
    if (errcode == null) {
      throw new IllegalArgumentException("no errcode");
    }
    List<ItemResult> results = new ArrayList<>();
    JsonObject data = json.getJsonObject("data");
    JsonArray items = data == null ? null : data.getJsonArray("results");
    if (items != null) {
      for (int i = 0; i < items.size(); i++) {
        JsonObject item = items.getJsonObject(i);
        results.add(new ItemResult(item.getInteger("no"), item.getInteger("errcode", 0), item.getString("errmsg", "")));
      }
    }
    return new LoginoutResponse(errcode, json.getString("errmsg", ""), results);
  }

  public Map<Integer, ItemResult> resultsByNo() {
    return results.stream().collect(Collectors.toMap(ItemResult::no, Function.identity(), (first, second) -> first));
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
