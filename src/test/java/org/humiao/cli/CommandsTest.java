package org.humiao.cli;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.humiao.TestFiles;
import org.humiao.screening.Decision;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.semantic.SemanticTrainer;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The screen and eval commands end to end on the shipped lexicons; the tree a command line builds. */
class CommandsTest {
  @Test
  void aCommandNamedFirstGetsATreeOfItselfAloneAndHelpGetsThemAll() {
    PrintStream none = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    CommandLine whole = Main.commandLine(null, InputStream.nullInputStream(), none, none, Clock.systemUTC());
    Set<String> names = whole.getSubcommands().keySet();
    assertEquals(Set.of("serve", "keys", "screen", "eval", "train", "simulate", "replay", "help"), names);
    for (String name : names) {
      CommandLine tree = Main.commandLine(name, InputStream.nullInputStream(), none, none, Clock.systemUTC());
      // each key of Main's table is its command's @Command name, or the command gets the whole tree
      assertEquals(name.equals("help") ? names : Set.of(name), tree.getSubcommands().keySet(), name);
    }
  }

  /**
   * eval's own engines (--semantic, and --loto's, on a copy of the lexicons per fold) share the
   * lexicon cache: the first build compiles the lexicon and writes its file, a build on a copy
   * reads that file and writes nothing.
   */
  @Test
  void evalsEnginesOfACopyOfTheLexiconsReadTheCompiledFileOfTheFirst(@TempDir Path dir) throws Exception {
    Path cache = dir.resolve("cache");
    Path first = copy(Path.of(Engines.DEFAULT_LEXICONS), dir.resolve("fold-1"));
    Path second = copy(Path.of(Engines.DEFAULT_LEXICONS), dir.resolve("fold-2"));
    try (ScreeningEngine engine = Engines.builder(first, Optional.of(cache)).build()) {
      assertEquals(Decision.BLOCK, engine.screen("你个傻逼").decision());
    }
    List<Path> written = files(cache);
    assertEquals(1, written.size(), "the compiled lexicon's file: " + written);
    Object compiled = Files.readAttributes(written.get(0), BasicFileAttributes.class).fileKey();
    try (ScreeningEngine engine = Engines.builder(second, Optional.of(cache)).build()) {
      assertEquals(Decision.BLOCK, engine.screen("你个傻逼").decision());
    }
    assertEquals(written, files(cache));
    assertEquals(compiled, Files.readAttributes(written.get(0), BasicFileAttributes.class).fileKey(),
        "read, not compiled and written again");
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
    return to;
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> listing = Files.list(dir)) {
      return listing.sorted().toList();
    }
  }

  @Test
  void screenAnswersEveryLineInOrderAndReportsBadLinesWithoutStopping() throws Exception {
    String input = String.join("\n", "你个傻*逼", "x".repeat(6000), "坏\u0001行", "今天一起开黑吗") + "\n";
    Cli run = Cli.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), "screen");
    assertEquals(0, run.status(), run.err());
    List<JsonObject> answers = run.out().lines().map(JsonObject::new).toList();
    assertEquals(4, answers.size());
    assertEquals("block", answers.get(0).getString("decision"));
    assertEquals("傻*逼", "你个傻*逼".substring(
        answers.get(0).getJsonArray("evidence").getJsonObject(0).getInteger("start"),
        answers.get(0).getJsonArray("evidence").getJsonObject(0).getInteger("end")));
    assertEquals("text_too_long", answers.get(1).getJsonObject("error").getString("code"));
    assertEquals("invalid_text", answers.get(2).getJsonObject("error").getString("code"));
    assertEquals("pass", answers.get(3).getString("decision"));
  }

  @Test
  void screenAnswersInInputOrderWhileScreeningOnEveryCore() {
    int n = 3000;
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < n; i++) {
      // long and short lines mixed, so that answers finish out of order on the workers
      input.append(i % 7 == 0 ? "我们去操场打球吧".repeat(40) : "今天作业好多啊").append(" 第").append(i).append("行\n");
    }
    Cli run = Cli.run(new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)), "screen");
    assertEquals(0, run.status(), run.err());
    List<JsonObject> answers = run.out().lines().map(JsonObject::new).toList();
    assertEquals(n, answers.size());
    for (int i = 0; i < n; i++) {
      assertTrue(answers.get(i).getString("masked").endsWith(" 第" + i + "行"), answers.get(i)::encode);
    }
  }

  @Test
  void evalCountsFlaggedAgainstTheLabel(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("labelled.jsonl");
    Files.writeString(file, String.join("\n",
        "{\"text\":\"你个傻逼\",\"label\":1}",
        "{\"text\":\"我迟早弄死你\",\"label\":1}",
        "{\"text\":\"今天作业好多啊\",\"label\":1}",
        "{\"text\":\"我们去操场打球吧\",\"label\":0}",
        "{\"text\":\"放学别走\",\"label\":0}"));
    Cli run = Cli.run("eval", file.toString());
    assertEquals(0, run.status(), run.err());
    List<String> lines = run.out().lines().toList();
    JsonObject summary = new JsonObject(lines.get(lines.size() - 1));
    JsonObject confusion = summary.getJsonObject("confusion");
    assertEquals(2, confusion.getInteger("tp"));
    assertEquals(1, confusion.getInteger("fn"));
    assertEquals(1, confusion.getInteger("fp"));
    assertEquals(1, confusion.getInteger("tn"));
    assertEquals(2.0 / 3, summary.getDouble("precision"), 1e-3);
    assertEquals(2.0 / 3, summary.getDouble("recall"), 1e-3);
  }

  @Test
  void evalErrorsListsExactlyTheCascadesFalseFlagsAndMisses(@TempDir Path dir) throws Exception {
    // labels set against what the engine says on purpose: insults marked innocent, chat marked harmful
    List<String> texts = List.of("你个傻逼", "我迟早弄死你", "今天作业好多啊", "我们去操场打球吧", "放学别走，等着挨揍",
        "周末一起去图书馆吗", "你这个废物赶紧滚出我们班", "这道数学题怎么做");
    int[] labels = {0, 1, 1, 0, 1, 1, 0, 0};
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < texts.size(); i++) {
      rows.append(new JsonObject().put("text", texts.get(i)).put("label", labels[i]).encode()).append('\n');
    }
    Path file = dir.resolve("labelled.jsonl");
    Files.writeString(file, rows.toString());
    Path errors = dir.resolve("errors.tsv");
    Cli run = Cli.run("eval", "--semantic", "--errors", errors.toString(), file.toString());
    assertEquals(0, run.status(), run.err());
    List<String> lines = run.out().lines().toList();
    JsonObject confusion = new JsonObject(lines.get(lines.size() - 1)).getJsonObject("engineCascade")
        .getJsonObject("confusion");
    List<String[]> wrong = Files.readAllLines(errors).stream().map(l -> l.split("\t")).toList();
    assertEquals(confusion.getInteger("fp"), (int) wrong.stream().filter(w -> w[1].equals("fp")).count(), run.out());
    assertEquals(confusion.getInteger("fn"), (int) wrong.stream().filter(w -> w[1].equals("fn")).count(), run.out());
    assertTrue(!wrong.isEmpty(), "the labels set against the engine give errors");
    for (String[] w : wrong) {
      String text = w[w.length - 1];
      int label = labels[texts.indexOf(text)];
      assertEquals(w[1].equals("fn") ? 1 : 0, label, () -> String.join(" | ", w));
    }
  }

  @Test
  void evalsAimlessSweepIsWhatTheEngineAnswersAtThatLift(@TempDir Path dir) throws Exception {
    // two lines of a game that name no one and that the shipped stack flags, one insult, one plan with 我们
    List<String> texts = List.of("这种怪物要打它的头才会掉血", "这个怪会自爆，离它远一点再打", "你这个废物赶紧滚出我们班", "我们去操场打球吧");
    int[] labels = {0, 0, 1, 0};
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < texts.size(); i++) {
      rows.append(new JsonObject().put("text", texts.get(i)).put("label", labels[i]).encode()).append('\n');
    }
    Path file = dir.resolve("labelled.jsonl");
    Files.writeString(file, rows.toString());
    Cli off = Cli.run("eval", "--semantic", file.toString());
    assertEquals(0, off.status(), off.err());
    JsonObject report = new JsonObject(off.out().lines().reduce((a, b) -> b).orElseThrow());
    List<JsonObject> sweep = report.getJsonArray("aimlessSweep").stream().map(JsonObject.class::cast).toList();
    assertEquals(report.getJsonObject("engineCascade").getJsonObject("confusion"), sweep.get(0).getJsonObject("confusion"),
        "lift 0 is the judged policy");
    assertEquals(2, sweep.get(0).getInteger("aimlessFlips"), off.out());
    JsonObject atLift = sweep.stream().filter(e -> e.getDouble("aimlessLift") == 0.4).findFirst().orElseThrow();

    Path lexicons = dir.resolve("lexicons");
    TestFiles.copyTree(Path.of("lexicons"), lexicons);
    Path policy = lexicons.resolve("policy.properties");
    Files.writeString(policy, Files.readString(policy).replaceAll("(?m)^semantic\\.aimless-lift=.*$", "semantic.aimless-lift=0.4"));
    Cli lifted = Cli.run("eval", "--semantic", "--lexicons", lexicons.toString(), file.toString());
    assertEquals(0, lifted.status(), lifted.err());
    JsonObject judged = new JsonObject(lifted.out().lines().reduce((a, b) -> b).orElseThrow()).getJsonObject("engineCascade");
    assertEquals(judged.getJsonObject("confusion"), atLift.getJsonObject("confusion"), "the sweep's entry is the engine's answer");
    assertEquals(0, judged.getJsonObject("confusion").getInteger("fp"), lifted.out());
  }

  @Test
  void evalLotoJudgesOnlyTheTopicsAskedAndRefusesAnUnknownOne(@TempDir Path dir) throws Exception {
    // three topics of a few school lines each; the cascade is trained with cross-topic stacking
    List<String> bad = List.of("你个傻逼", "我迟早弄死你", "放学别走等着挨揍", "你这个废物赶紧滚", "信不信我打死你", "滚出我们班");
    List<String> good = List.of("今天作业好多啊", "我们去操场打球吧", "周末一起去图书馆吗", "这道数学题怎么做", "明天记得带伞", "午饭吃什么好呢");
    StringBuilder csv = new StringBuilder("text,label,topic\n");
    String[] topics = {"a", "b", "c"};
    for (int i = 0; i < bad.size(); i++) {
      csv.append(bad.get(i)).append(",1,").append(topics[i % 3]).append('\n');
      csv.append(good.get(i)).append(",0,").append(topics[i % 3]).append('\n');
    }
    Path train = dir.resolve("train.csv");
    Files.writeString(train, csv.toString());
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "text,label\n");
    Cli run = Cli.run("eval", "--loto", train.toString(), "--judge-topics", "b", "--stack-folds", "TOPICS", empty.toString());
    assertEquals(0, run.status(), run.err());
    List<JsonObject> parts = run.out().lines().map(JsonObject::new).filter(j -> j.containsKey("heldOutTopic")).toList();
    assertEquals(1, parts.size(), run.out());
    assertEquals("b", parts.get(0).getString("heldOutTopic"));
    assertEquals(8, parts.get(0).getInteger("trainedOn"), "topics a and c always train");
    assertEquals(4, parts.get(0).getInteger("items"), "topic b's rows are judged");
    Cli unknown = Cli.run("eval", "--loto", train.toString(), "--judge-topics", "b,z", empty.toString());
    assertEquals(1, unknown.status(), unknown.out());
    assertTrue(unknown.err().contains("--judge-topics [z] not among the topics"), unknown.err());
  }

  /**
   * {@code --deals N} repeats the leave-one-topic-out with the fold and head seeds + d: one deal prints
   * exactly the lines of a run without it, deal 0 of several is that run, each later deal names its
   * seeds and trains other models, and the last line is the deals' mean, spread, min and max.
   */
  @Test
  void evalLotoOverDealsPrintsEachDealAndTheirMeanAndSpread(@TempDir Path dir) throws Exception {
    // three topics; a third of the lines carry the other label, so the models are unsure and the deal shows
    List<String> bad = List.of("你个傻逼", "我迟早弄死你", "放学别走等着挨揍", "你这个废物赶紧滚", "信不信我打死你", "滚出我们班",
        "你妈的真恶心", "谁再理她就是跟我作对", "明天把他堵在厕所里", "全班都别跟他说话", "你长得真丑别出门了", "再告状就收拾你");
    List<String> good = List.of("今天作业好多啊", "我们去操场打球吧", "周末一起去图书馆吗", "这道数学题怎么做", "明天记得带伞", "午饭吃什么好呢",
        "这关的boss太难打了", "老师说下周考试", "我妈让我早点回家", "一起组队打副本吗", "这部电影挺好看的", "放学一起走吧");
    StringBuilder csv = new StringBuilder("text,label,topic\n");
    String[] topics = {"a", "b", "c"};
    for (int i = 0; i < bad.size(); i++) {
      boolean flipped = i % 3 == 2;
      csv.append(bad.get(i)).append(flipped ? ",0," : ",1,").append(topics[i % 3]).append('\n');
      csv.append(good.get(i)).append(flipped ? ",1," : ",0,").append(topics[i % 3]).append('\n');
    }
    Path train = dir.resolve("train.csv");
    Files.writeString(train, csv.toString());
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "text,label\n");
    Cli plain = Cli.run("eval", "--loto", train.toString(), empty.toString());
    assertEquals(0, plain.status(), plain.err());
    Cli one = Cli.run("eval", "--loto", train.toString(), "--deals", "1", empty.toString());
    assertEquals(plain.out(), one.out(), "one deal prints what a run without --deals prints");

    Cli three = Cli.run("eval", "--loto", train.toString(), "--deals", "3", empty.toString());
    assertEquals(0, three.status(), three.err());
    List<JsonObject> lines = three.out().lines().map(JsonObject::new).toList();
    SemanticTrainer.Options shipped = SemanticTrainer.Options.defaults(0);
    for (JsonObject line : lines.subList(0, lines.size() - 1)) {
      int deal = line.getInteger("deal");
      assertEquals(shipped.seed() + deal, line.getLong("foldSeed"), line.encode());
      assertEquals(shipped.head().seed() + deal, line.getLong("headSeed"), line.encode());
    }
    List<String> dealZero = lines.stream().filter(l -> l.getInteger("deal", -1) == 0)
        .map(l -> { JsonObject c = l.copy(); c.remove("deal"); c.remove("foldSeed"); c.remove("headSeed"); return c.encode(); }).toList();
    assertEquals(plain.out().lines().toList(), dealZero, "deal 0 is the run without --deals");

    List<JsonObject> pooled = lines.stream().filter(l -> l.containsKey("pooled") && l.containsKey("deal")).toList();
    assertEquals(3, pooled.size(), three.out());
    List<JsonObject> topicA = lines.stream().filter(l -> "a".equals(l.getString("heldOutTopic"))).toList();
    assertEquals(3, topicA.size(), three.out());
    assertTrue(topicA.stream().map(l -> l.getJsonObject("semanticAlone").encode()).distinct().count() > 1
        || pooled.stream().map(l -> l.getJsonObject("stackSweep").encode()).distinct().count() > 1,
        "other seeds train other heads and stackers: " + three.out());

    JsonObject summary = lines.get(lines.size() - 1);
    assertEquals("3 deals pooled over [a, b, c]", summary.getString("loto"));
    assertSpread(pooled.stream().map(l -> l.getJsonObject("pooled").getJsonObject("engineCascade")).toList(),
        summary.getJsonObject("pooled").getJsonObject("engineCascade"));
    assertSpread(pooled.stream().map(l -> l.getJsonObject("pooled").getJsonObject("engineFast")).toList(),
        summary.getJsonObject("pooled").getJsonObject("engineFast"));
    assertSpread(topicA.stream().map(l -> l.getJsonObject("engineCascade")).toList(),
        summary.getJsonObject("byTopic").getJsonObject("a").getJsonObject("engineCascade"));

    Cli alone = Cli.run("eval", "--deals", "2", empty.toString());
    assertEquals(1, alone.status(), alone.out());
    assertTrue(alone.err().contains("--deals goes with --loto"), alone.err());
  }

  /** The summary's macro-F1 and accuracy are the mean, min and max of the deals' own figures. */
  private static void assertSpread(List<JsonObject> deals, JsonObject spread) {
    for (String figure : List.of("macroF1", "accuracy")) {
      double[] each = deals.stream().mapToDouble(d -> d.getDouble(figure)).toArray();
      JsonObject s = spread.getJsonObject(figure);
      assertEquals(java.util.Arrays.stream(each).average().orElseThrow(), s.getDouble("mean"), 1e-4, figure + " " + spread);
      assertEquals(java.util.Arrays.stream(each).min().orElseThrow(), s.getDouble("min"), 1e-9, figure + " " + spread);
      assertEquals(java.util.Arrays.stream(each).max().orElseThrow(), s.getDouble("max"), 1e-9, figure + " " + spread);
      assertEquals(each.length, s.getJsonArray("byDeal").size());
    }
  }

  @Test
  void trainSemanticTakesTheHeadOptions(@TempDir Path dir) throws Exception {
    List<String> bad = List.of("你个傻逼", "我迟早弄死你", "放学别走等着挨揍", "你这个废物赶紧滚", "信不信我打死你", "滚出我们班");
    List<String> good = List.of("今天作业好多啊", "我们去操场打球吧", "周末一起去图书馆吗", "这道数学题怎么做", "明天记得带伞", "午饭吃什么好呢");
    StringBuilder csv = new StringBuilder("text,label\n");
    for (int i = 0; i < bad.size(); i++) {
      csv.append(bad.get(i)).append(",1\n").append(good.get(i)).append(",0\n");
    }
    Path train = dir.resolve("train.csv");
    Files.writeString(train, csv.toString());
    Cli run = Cli.run("train", "--semantic", "--train", train.toString(), "--head-bags", "2", "--head-balanced",
        "--cache", dir.resolve("cache").toString(), "--out-dir", dir.resolve("out").toString());
    assertEquals(0, run.status(), run.err());
    String metadata = org.humiao.screening.semantic.SemanticHead.read(dir.resolve("out/semantic-head.bin")).metadata();
    assertTrue(metadata.startsWith("2 bootstrap-bagged mlp") && metadata.endsWith("class-balanced"), metadata);
    Cli none = Cli.run("train", "--semantic", "--train", train.toString(), "--head-bags", "0",
        "--cache", dir.resolve("cache").toString(), "--out-dir", dir.resolve("out2").toString());
    assertEquals(1, none.status(), none.out());
    assertTrue(none.err().contains("--head-bags must be at least 1"), none.err());
  }

  @Test
  void trainSemanticWithAHeadPerSourceWritesBothHeadsAndAStackerThatTakesThem(@TempDir Path dir) throws Exception {
    List<String> bad = List.of("你个傻逼", "我迟早弄死你", "放学别走等着挨揍", "你这个废物赶紧滚", "信不信我打死你", "滚出我们班");
    List<String> good = List.of("今天作业好多啊", "我们去操场打球吧", "周末一起去图书馆吗", "这道数学题怎么做", "明天记得带伞", "午饭吃什么好呢");
    StringBuilder comments = new StringBuilder("text,label\n");
    StringBuilder sentences = new StringBuilder("text,label\n");
    for (int i = 0; i < bad.size(); i++) {
      (i < 3 ? comments : sentences).append(bad.get(i)).append(",1\n").append(good.get(i)).append(",0\n");
    }
    Path first = dir.resolve("comments.csv");
    Path second = dir.resolve("sentences.csv");
    Files.writeString(first, comments.toString());
    Files.writeString(second, sentences.toString());
    Cli run = Cli.run("train", "--semantic", "--train", first + "," + second + "@2", "--heads", "PER_SOURCE",
        "--cache", dir.resolve("cache").toString(), "--out-dir", dir.resolve("out").toString());
    assertEquals(0, run.status(), run.err());
    var models = org.humiao.screening.semantic.SemanticModels.read(dir.resolve("out"));
    assertEquals(2, models.stacker().heads());
    assertTrue(models.stacker().metadata().contains("a head per source"), models.stacker().metadata());
    Cli one = Cli.run("train", "--semantic", "--train", first + "," + second + "@2",
        "--cache", dir.resolve("cache").toString(), "--out-dir", dir.resolve("out").toString());
    assertEquals(0, one.status(), one.err());
    assertEquals(1, org.humiao.screening.semantic.SemanticModels.read(dir.resolve("out")).heads().size());
    assertFalse(Files.exists(dir.resolve("out/semantic-head-sentences.bin")));
  }
}
