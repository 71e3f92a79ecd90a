package org.humiao.screening;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The segmentation guard answers without HanLP's Viterbi only where the segmentation could not have said otherwise. */
class SegmentationGuardTest {
  private final SegmentationGuard guard = new SegmentationGuard();

  @Test
  void aSpanNoCoreWordCrossesIsAnsweredAsTheSegmentationWouldAnswerIt() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("benchmarks/corpus/chat-lines.txt"), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    int spans = 0;
    int skipped = 0;
    for (String line : lines) {
      for (int begin = 0; begin < line.length(); begin++) {
        for (int end = begin + 1; end <= Math.min(line.length(), begin + 3); end++) {
          SegmentationGuard.Cuts cuts = guard.segmented(line, begin, end);
          String span = line + " [" + begin + ", " + end + ")";
          assertEquals(cuts.coreOverlap(), guard.insideOtherWord(line, begin, end), span);
          assertEquals(cuts.coreAcrossStart() || (cuts.anyAcrossStart() && cuts.coreAcrossEnd()),
              guard.cutAtItsEdges(line, begin, end), span);
          spans++;
          skipped += guard.coreWordAcrossAnEdge(line, begin, end) ? 0 : 1;
        }
      }
    }
    System.out.printf("SegmentationGuardTest: %d of %d spans of the chat corpus answered without segmenting%n", skipped, spans);
    assertTrue(skipped * 4 > spans, skipped + " of " + spans);
  }

  @Test
  void aWordAcrossEitherEdgeStillSegments() {
    guard.load();
    assertTrue(guard.coreWordAcrossAnEdge("去操场打球", 1, 2), "操场 across the end of 操");
    assertTrue(guard.coreWordAcrossAnEdge("中国男友", 1, 3), "中国 across the start of 国男");
    assertFalse(guard.coreWordAcrossAnEdge("这贱人打野", 1, 3), "no dictionary word across 贱人's edges");
  }
}
