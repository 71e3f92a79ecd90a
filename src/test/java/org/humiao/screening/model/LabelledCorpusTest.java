package org.humiao.screening.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledCorpusTest {

  @TempDir Path dir;

  private static List<LabelledText> csv(String content) {
    List<LabelledText> out = new ArrayList<>();
    try (LabelledCorpus.Reader r = LabelledCorpus.csv("test.csv", new StringReader(content))) {
      r.forEachRemaining(out::add);
    }
    return out;
  }

  private static List<LabelledText> jsonl(String content) {
    List<LabelledText> out = new ArrayList<>();
    try (LabelledCorpus.Reader r = LabelledCorpus.jsonl("test.jsonl", new StringReader(content))) {
      r.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void csvFindsColumnsCaseInsensitivelyInAnyOrder() {
    List<LabelledText> rows = csv("id,LABEL,Topic,Text\n1,1,race,你好\n2,0,gender,再见\n");
    assertEquals(List.of(new LabelledText("你好", true, "race"), new LabelledText("再见", false, "gender")), rows);
  }

  @Test
  void csvQuotedFieldsWithCommasDoubledQuotesAndNewlines() {
    String content = "text,label\n"
        + "\"a, b\",1\n"
        + "\"say \"\"hi\"\"\",0\n"
        + "\"line1\nline2\r\nline3\",1\n"
        + "\"\",0\n";
    List<LabelledText> rows = csv(content);
    assertEquals(4, rows.size());
    assertEquals("a, b", rows.get(0).text());
    assertEquals("say \"hi\"", rows.get(1).text());
    assertEquals("line1\nline2\r\nline3", rows.get(2).text());
    assertTrue(rows.get(2).offensive());
    assertEquals("", rows.get(3).text());
    assertEquals("", rows.get(3).topic(), "no topic column");
  }

  @Test
  void csvBomCrlfBlankLinesAndMissingFinalNewline() {
    String content = "\uFEFF,split,topic,label,TEXT\r\n7,train,race,1,第一\r\n\r\n8,dev,region,0,第二";
    List<LabelledText> rows = csv(content);
    assertEquals(List.of(new LabelledText("第一", true, "race"), new LabelledText("第二", false, "region")), rows);
  }

  @Test
  void csvBomBeforeQuotedHeader() {
    assertEquals(List.of(new LabelledText("x", true)), csv("\uFEFF\"text\",\"label\"\n\"x\",\"1\"\n"));
  }

  @Test
  void csvErrors() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> csv("text,label\nabc,2\n"));
    assertTrue(e.getMessage().contains("record 2"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> csv("text,label\n\"abc,1\n"));
    assertThrows(IllegalArgumentException.class, () -> csv("text,lbl\nabc,1\n"));
    assertThrows(IllegalArgumentException.class, () -> csv("label,text\n1\n"));
    assertThrows(IllegalArgumentException.class, () -> csv("text,label\n\"ab\"c,1\n"));
    assertThrows(IllegalArgumentException.class, () -> csv(""));
  }

  @Test
  void jsonlLabelsAsNumberBooleanOrStringAndBlankLines() {
    String content = "{\"text\":\"甲\",\"label\":1}\n\n"
        + "{\"TEXT\":\"乙\",\"Label\":0,\"topic\":\"x\"}\n"
        + "{\"text\":\"丙\\n丁\",\"label\":true}\n"
        + "{\"text\":\"戊\",\"label\":\"0\"}\n";
    assertEquals(List.of(
        new LabelledText("甲", true),
        new LabelledText("乙", false),
        new LabelledText("丙\n丁", true),
        new LabelledText("戊", false)), jsonl(content));
  }

  @Test
  void jsonlErrors() {
    assertThrows(IllegalArgumentException.class, () -> jsonl("{\"text\":\"a\",\"label\":3}\n"));
    assertThrows(IllegalArgumentException.class, () -> jsonl("{\"text\":\"a\"}\n"));
    assertThrows(IllegalArgumentException.class, () -> jsonl("{\"label\":1}\n"));
    assertThrows(IllegalArgumentException.class, () -> jsonl("not json\n"));
  }

  @Test
  void filesAreChosenByExtensionAndStreamed() throws IOException {
    Path c = dir.resolve("a.CSV");
    Files.write(c, ("\uFEFFtext,label\n\"x\ny\",1\nz,0\n").getBytes(StandardCharsets.UTF_8));
    Path j = dir.resolve("b.jsonl");
    Files.writeString(j, "{\"text\":\"x\\ny\",\"label\":1}\n{\"text\":\"z\",\"label\":0}\n");
    Path j2 = dir.resolve("b.json");
    Files.copy(j, j2);
    List<LabelledText> expected = List.of(new LabelledText("x\ny", true), new LabelledText("z", false));
    for (Path p : List.of(c, j, j2)) {
      List<LabelledText> got = new ArrayList<>();
      LabelledCorpus.forEach(p, got::add);
      assertEquals(expected, got, p.toString());
      try (Stream<LabelledText> s = LabelledCorpus.stream(p)) {
        assertEquals(expected, s.collect(Collectors.toList()));
      }
      // re-iterable view
      List<LabelledText> twice = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        for (LabelledText t : LabelledCorpus.of(p)) {
          twice.add(t);
        }
      }
      assertEquals(4, twice.size());
    }
    assertThrows(IllegalArgumentException.class, () -> LabelledCorpus.open(dir.resolve("x.txt")));
  }

  @Test
  void tsvSkipsCommentsAndRefusesBadLabels() throws IOException {
    Path t = dir.resolve("s.tsv");
    Files.writeString(t, "# header\n\n你好呀\tinnocent\teveryday\tchat\n滚出去\tharmful\n逗号,可以\t1\tinsult\n");
    List<LabelledText> got = new ArrayList<>();
    LabelledCorpus.forEach(t, got::add);
    assertEquals(List.of(
        new LabelledText("你好呀", false),
        new LabelledText("滚出去", true),
        new LabelledText("逗号,可以", true)), got);
    Files.writeString(t, "文本\tmaybe\n");
    assertThrows(IllegalArgumentException.class, () -> LabelledCorpus.forEach(t, x -> { }));
    Files.writeString(t, "no label here\n");
    assertThrows(IllegalArgumentException.class, () -> LabelledCorpus.forEach(t, x -> { }));
  }

  @Test
  void expandedRepeatsEachTextByItsWeightInOrder() {
    LabelledText a = new LabelledText("甲", true);
    LabelledText b = new LabelledText("乙", false).weighted(3);
    assertEquals(List.of(a, b, b, b), LabelledText.expanded(List.of(a, b)));
    assertThrows(IllegalArgumentException.class, () -> a.weighted(0));
  }

  @Test
  void readerClosesAndIsExhausted() {
    LabelledCorpus.Reader r = LabelledCorpus.csv("t", new StringReader("text,label\na,1\n"));
    assertTrue(r.hasNext());
    r.next();
    assertFalse(r.hasNext());
    assertFalse(r.hasNext());
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  @Property(tries = 300)
  void csvRoundTripOfArbitraryText(
      @ForAll @Size(max = 5) List<@StringLength(max = 12)
          @Chars({',', '"', '\n', '\r', ' ', '\uFEFF'}) @CharRange(from = 'a', to = 'e')
          @CharRange(from = '中', to = '丐') String> texts,
      @ForAll boolean crlf) {
    String nl = crlf ? "\r\n" : "\n";
    StringBuilder sb = new StringBuilder("\uFEFFid,text,label").append(nl);
    for (int i = 0; i < texts.size(); i++) {
      sb.append(i).append(',').append(quote(texts.get(i))).append(',').append(i % 2).append(nl);
    }
    List<LabelledText> rows = csv(sb.toString());
    assertEquals(texts.size(), rows.size());
    for (int i = 0; i < texts.size(); i++) {
      assertEquals(texts.get(i), rows.get(i).text());
      assertEquals(i % 2 == 1, rows.get(i).offensive());
    }
  }
}
