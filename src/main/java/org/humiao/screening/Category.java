package org.humiao.screening;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a piece of text is harmful as. Meanings and severity levels: lexicons/README.md. */
public enum Category {
  INSULT("insult", "侮辱谩骂"),
  THREAT("threat", "威胁与煽动暴力"),
  EXCLUSION("exclusion", "身材羞辱与孤立排挤"),
  DEFAMATION("defamation", "诽谤造谣"),
  DISCRIMINATION("discrimination", "歧视与对立"),
  SEXUAL_HARASSMENT("sexual_harassment", "猥亵与诱导"),
  PORN("porn", "色情低俗"),
  GORE("gore", "血腥暴力"),
  TERROR_SUPERSTITION("terror_superstition", "恐怖迷信"),
  SELF_HARM("self_harm", "自残自杀"),
  DRUGS("drugs", "毒品"),
  GAMBLING("gambling", "赌博"),
  FRAUD("fraud", "诈骗与校园贷"),
  ANTI_ADDICTION_EVASION("anti_addiction_evasion", "规避防沉迷"),
  PERSONAL_INFO("personal_info", "个人信息暴露"),
  /** Offensive tone found by the statistical model where no listed term matched. */
  TOXICITY("toxicity", "隐性攻击"),
  /** A text the engine failed on, held for review without a finding (reason engine_error). */
  UNSCREENED("unscreened", "未能筛查");

  private static final Map<String, Category> BY_ID =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Category::id, Function.identity()));

  private final String id;
  private final String chineseName;

  Category(String id, String chineseName) {
    this.id = id;
    this.chineseName = chineseName;
  }

  public String id() {
    return id;
  }

  public String chineseName() {
    return chineseName;
  }

  public static Category byId(String id) {
    Category category = BY_ID.get(id);
    if (category == null) {
      throw new IllegalArgumentException("unknown category: " + id);
    }
    return category;
  }
}
