package org.humiao.screening;

import org.humiao.durable.PrivateFiles;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Compiled lexicon automata kept on disk, one file per lexicon content: compiling every term's
 * spellings into the automaton is most of a short run's start-up, and reading it back is not.
 * A file is named by a SHA-256 of everything the automaton is compiled from (the lexicon's terms,
 * spellings, phrases and cues, the compiling classes' bytecode, HanLP's version for its pinyin), so
 * a changed lexicon or engine finds no file and compiles afresh; a file that does not read back
 * whole (checksum, format) is compiled over. Writing is best effort: a read-only cache costs only
 * the compile.
 */
final class LexiconCache {
  /** Bumped when the file layout changes. */
  static final int FORMAT = 1;
  private static final int MAGIC = 0x484d4c58; // "HMLX"
  private static final String SUFFIX = ".automaton";
  /** Files kept beside a new one: the newest few lexicon versions (a reload goes back and forth). */
  private static final int KEPT = 8;
  /** What, besides the lexicon, decides the compiled automaton. */
  private static final List<Class<?>> COMPILERS = List.of(LexiconCache.class, CompiledLexicon.class,
      KeywordAutomaton.class, KeywordAutomaton.Builder.class, Keyword.class, Keyword.Kind.class, Keyword.Via.class,
      VariantGenerator.class, TextNormalizer.class, NormalizedText.class, org.humiao.screening.text.CharFolding.class);
  private static final System.Logger LOG = System.getLogger(LexiconCache.class.getName());

  private final Path directory;
  private final LongAdder hits = new LongAdder();
  private final LongAdder compiles = new LongAdder();

  LexiconCache(Path directory) {
    this.directory = directory;
  }

  /** Automata read from a file rather than compiled. */
  long hits() {
    return hits.sum();
  }

  /** Automata compiled (no file, a stale or broken one), each then written for the next start. */
  long compiles() {
    return compiles.sum();
  }

  /** The lexicon's automaton from its file, or compiled by {@code compile} and written for next time. */
  KeywordAutomaton automaton(Lexicon lexicon, Supplier<KeywordAutomaton> compile) {
    String key = key(lexicon);
    Path file = directory.resolve(key + SUFFIX);
    KeywordAutomaton read = read(file, lexicon);
    if (read != null) {
      hits.increment();
      return read;
    }
    KeywordAutomaton compiled = compile.get();
    compiles.increment();
    try {
      write(file, lexicon, compiled);
    } catch (IOException | UncheckedIOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot write the compiled lexicon to " + file + " (next start compiles it again): " + e);
    }
    return compiled;
  }

  private KeywordAutomaton read(Path file, Lexicon lexicon) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot read " + file + ", compiling the lexicon: " + e);
      return null;
    }
    try {
      return decode(bytes, lexicon.terms());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, file + " is broken, compiling the lexicon again: " + e);
      return null;
    }
  }

  /** The automaton in {@code bytes}, or an exception when they are not one whole file of this format. */
  static KeywordAutomaton decode(byte[] bytes, List<Term> terms) {
    if (bytes.length < 16) {
      throw new IllegalArgumentException("too short");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - Long.BYTES);
    if (crc.getValue() != in.getLong(bytes.length - Long.BYTES)) {
      throw new IllegalArgumentException("checksum mismatch");
    }
    if (in.getInt() != MAGIC || in.getInt() != FORMAT) {
      throw new IllegalArgumentException("not a format " + FORMAT + " automaton");
    }
    Keyword.Kind[] kinds = Keyword.Kind.values();
    Keyword.Via[] vias = Keyword.Via.values();
    Keyword[][] values = new Keyword[in.getInt()][];
    for (int i = 0; i < values.length; i++) {
      Keyword[] keywords = new Keyword[in.getInt()];
      for (int k = 0; k < keywords.length; k++) {
        Keyword.Kind kind = kinds[in.get()];
        int term = in.getInt();
        int via = in.get();
        keywords[k] = shared(new Keyword(kind, term < 0 ? null : terms.get(term), via < 0 ? null : vias[via],
            in.getInt(), in.getInt()));
      }
      values[i] = keywords;
    }
    byte[] trie = Arrays.copyOfRange(bytes, in.position(), bytes.length - Long.BYTES);
    return KeywordAutomaton.read(trie, values);
  }

  /** The constants, not copies: the scan tells a platform's allow phrase from the shared whitelist by identity. */
  private static Keyword shared(Keyword keyword) {
    return switch (keyword.kind()) {
      case WHITELIST -> keyword.rule() == Keyword.PLATFORM_ALLOW.rule() ? Keyword.PLATFORM_ALLOW : Keyword.WHITELIST;
      case TARGET -> Keyword.TARGET;
      case GROUP -> Keyword.GROUP;
      default -> keyword;
    };
  }

  static byte[] encode(KeywordAutomaton automaton, List<Term> terms) throws IOException {
    Map<Term, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < terms.size(); i++) {
      index.put(terms.get(i), i);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(MAGIC);
    out.writeInt(FORMAT);
    Keyword[][] values = automaton.values();
    out.writeInt(values.length);
    for (Keyword[] keywords : values) {
      out.writeInt(keywords.length);
      for (Keyword k : keywords) {
        out.writeByte(k.kind().ordinal());
        Integer term = k.term() == null ? Integer.valueOf(-1) : index.get(k.term());
        if (term == null) {
          throw new IllegalArgumentException("a keyword's term is not one of the lexicon's: " + k.term());
        }
        out.writeInt(term);
        out.writeByte(k.via() == null ? -1 : k.via().ordinal());
        out.writeInt(k.rule());
        out.writeInt(k.collapsed());
      }
    }
    automaton.writeTrie(out);
    out.flush();
    CRC32 crc = new CRC32();
    crc.update(bytes.toByteArray());
    out.writeLong(crc.getValue());
    return bytes.toByteArray();
  }

  /** Written beside, then renamed over: a reader (another instance starting) sees no half file. */
  private void write(Path file, Lexicon lexicon, KeywordAutomaton automaton) throws IOException {
    PrivateFiles.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, "compiling-", ".tmp");
    try {
      Files.write(temporary, encode(automaton, lexicon.terms()));
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
    prune(file);
  }

  /** Deletes all but the newest {@link #KEPT} files. */
  private void prune(Path kept) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = new ArrayList<>(listing.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList());
    }
    if (files.size() <= KEPT) {
      return;
    }
    files.sort(Comparator.comparing((Path p) -> {
      try {
        return Files.getLastModifiedTime(p).toMillis();
      } catch (IOException e) {
        return 0L;
      }
    }).reversed());
    for (Path old : files.subList(KEPT, files.size())) {
      if (!old.equals(kept)) {
        Files.deleteIfExists(old);
      }
    }
  }

  /** SHA-256 of everything the automaton is compiled from, in hex: the file's name. */
  static String key(Lexicon lexicon) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder text = new StringBuilder(1 << 18).append(FORMAT).append('\n').append(hanlpVersion()).append('\n');
    // a plain loop: this runs at every start, before the JIT has compiled streams and lambdas
    for (Term t : lexicon.terms()) {
      text.append(t.text()).append('\t').append(t.category().name()).append('\t').append(t.severity()).append('\t');
      for (Term.Tag tag : Term.Tag.values()) {
        text.append(t.has(tag) ? '1' : '0');
      }
      text.append('\n');
    }
    text.append("whitelist ").append(lexicon.whitelist()).append('\n');
    lexicon.homophones().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> text.append("homophone ").append(e.getKey()).append(e.getValue()).append('\n'));
    lexicon.splitCharacters().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> text.append("split ").append(e.getKey()).append(' ').append(e.getValue()).append('\n'));
    lexicon.abbreviations().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> text.append("abbreviation ").append(e.getKey()).append(' ').append(e.getValue()).append('\n'));
    text.append("targets ").append(lexicon.targets()).append('\n').append("groups ").append(lexicon.groups()).append('\n');
    lexicon.rules().forEach(r -> text.append("rule ").append(r.cues()).append('\n'));
    lexicon.mitigations().forEach(m -> text.append("mitigation ").append(m.cues()).append('\n'));
    digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
    for (Class<?> compiler : COMPILERS) {
      digest.update(bytecode(compiler));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static byte[] bytecode(Class<?> type) {
    String name = type.getName();
    try (InputStream in = type.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
      if (in == null) {
        throw new IllegalStateException("no bytecode of " + name + " on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** HanLP's release, whose pinyin data spells the variants. */
  private static String hanlpVersion() {
    try (InputStream in = com.hankcs.hanlp.HanLP.class.getResourceAsStream(
        "/META-INF/maven/com.hankcs/hanlp/pom.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
