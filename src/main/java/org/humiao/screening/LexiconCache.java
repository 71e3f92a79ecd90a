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
import java.util.zip.CRC32C;

/**
 * Compiled lexicons kept on disk, one file per lexicon content: compiling every term's spellings
 * into the automaton is most of a short run's start-up, and reading it back is not. The file also
 * holds what the automaton was compiled from (the TSV files' terms, spellings, rules and
 * mitigations, {@link LexiconSnapshot}), so a start that finds it parses no TSV. A file is named
 * by a SHA-256 of everything the automaton is compiled from: a fingerprint of the raw bytes of the
 * lexicon files it is built from (terms, whitelist, spellings, context; not their parsed rows,
 * whose hashing cost every start more), the reading and compiling classes' bytecode (its length
 * and checksums) and HanLP's version for its pinyin. A changed lexicon or engine finds no file and
 * compiles afresh; a file that does not read back whole (checksum, format) is compiled over.
 * Writing is best effort: a read-only cache costs only the compile.
 */
final class LexiconCache {
  /** Bumped when the file layout changes. */
  static final int FORMAT = 2;
  private static final int MAGIC = 0x484d4c58; // "HMLX"
  private static final String SUFFIX = ".automaton";
  /** Files kept beside a new one: the newest few lexicon versions (a reload goes back and forth). */
  private static final int KEPT = 8;
  /** What, besides the lexicon's files, decides the compiled automaton: how they are read, and compiled. */
  private static final List<Class<?>> COMPILERS = List.of(LexiconCache.class, LexiconLoader.class,
      LexiconSnapshot.class, org.humiao.screening.text.TsvFile.class, CompiledLexicon.class,
      KeywordAutomaton.class, KeywordAutomaton.Builder.class, Keyword.class, Keyword.Kind.class, Keyword.Via.class,
      VariantGenerator.class, TextNormalizer.class, NormalizedText.class, org.humiao.screening.text.CharFolding.class);
  /** The parts of a lexicon directory the automaton is compiled from (LexiconLoader reads them); files or directories. */
  private static final List<String> SOURCES = List.of("terms", "whitelist.tsv", "variants", "context");
  /** A LazySystemLoggers logger: holding it starts no logging; its first line does. */
  private static final System.Logger LOG = System.getLogger(LexiconCache.class.getName());

  private final Path directory;
  private final LongAdder hits;
  private final LongAdder compiles;
  /** The lexicon directory of one load and its sources' fingerprint taken before they were parsed; null in an engine's own cache. */
  private final Path lexicons;
  private final byte[] before;
  /** What {@link #lexicon()} found for this load: the file's lexicon and automaton, or null (no file, a broken one). */
  private Compiled found;
  private boolean looked;

  /** A lexicon and its automaton, whose keywords point at that lexicon's terms. */
  private record Compiled(Lexicon lexicon, KeywordAutomaton automaton) {}

  LexiconCache(Path directory) {
    this(directory, new LongAdder(), new LongAdder(), null, null);
  }

  private LexiconCache(Path directory, LongAdder hits, LongAdder compiles, Path lexicons, byte[] before) {
    this.directory = directory;
    this.hits = hits;
    this.compiles = compiles;
    this.lexicons = lexicons;
    this.before = before;
  }

  /**
   * This cache for one load of {@code lexicons}, to be called before its files are parsed: their
   * fingerprint is taken now and again when the automaton is asked for, and a file changed in
   * between (the parsed lexicon may then be either version) neither reads nor writes the cache.
   */
  LexiconCache loading(Path lexicons) {
    return new LexiconCache(directory, hits, compiles, lexicons, fingerprint(lexicons));
  }

  /**
   * The lexicon of this load: read from its cache file when there is one for the fingerprint taken
   * by {@link #loading}, with no TSV parsed (its automaton then comes with it from
   * {@link #automaton}); otherwise parsed from the directory. Version and policy are read from
   * their properties files either way.
   */
  Lexicon lexicon() {
    requireLoad();
    looked = true;
    found = read(file(), null);
    return found != null ? found.lexicon() : LexiconLoader.load(lexicons);
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
    requireLoad();
    if (found != null && found.lexicon() == lexicon) {
      // read with the lexicon from the file named by the fingerprint: no TSV was parsed that could have changed since
      hits.increment();
      return found.automaton();
    }
    if (!Arrays.equals(before, fingerprint(lexicons))) {
      LOG.log(System.Logger.Level.WARNING, "the lexicon in " + lexicons + " changed while it was read: compiled, not cached");
      compiles.increment();
      return compile.get();
    }
    Path file = file();
    // lexicon() found no whole file for this fingerprint: it is not read twice
    Compiled read = looked && found == null ? null : read(file, lexicon);
    if (read != null) {
      hits.increment();
      return read.automaton();
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

  private void requireLoad() {
    if (lexicons == null) {
      throw new IllegalStateException("the cache of one load is asked, LexiconCache.loading(dir)");
    }
  }

  private Path file() {
    return directory.resolve(key(before) + SUFFIX);
  }

  /**
   * The file's lexicon and automaton, or null when there is none or it is broken.
   *
   * @param parsed the lexicon parsed by the caller, whose terms the automaton's keywords are to
   *     point at; null: the file's own lexicon, with the version and policy of the directory
   */
  private Compiled read(Path file, Lexicon parsed) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot read " + file + ", compiling the lexicon: " + e);
      return null;
    }
    // outside the try: a bad properties file is the lexicon's error, not the cache file's
    String version = parsed != null ? parsed.version() : LexiconLoader.version(lexicons);
    DecisionPolicy policy = parsed != null ? parsed.policy() : LexiconLoader.policy(lexicons);
    try {
      Compiled read = decode(bytes, version, policy, parsed == null ? null : parsed.terms());
      return parsed == null ? read : new Compiled(parsed, read.automaton());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, file + " is broken, compiling the lexicon again: " + e);
      return null;
    }
  }

  /**
   * The lexicon and automaton in {@code bytes}, or an exception when they are not one whole file of
   * this format.
   *
   * @param terms the terms the keywords are to point at (a parsed lexicon's, equal to the file's by
   *     the fingerprint); null: the file's own
   */
  private static Compiled decode(byte[] bytes, String version, DecisionPolicy policy, List<Term> terms) {
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
    Lexicon lexicon = LexiconSnapshot.read(in, version, policy);
    List<Term> pointed = terms == null ? lexicon.terms() : terms;
    Keyword.Kind[] kinds = Keyword.Kind.values();
    Keyword.Via[] vias = Keyword.Via.values();
    Keyword[][] values = new Keyword[in.getInt()][];
    for (int i = 0; i < values.length; i++) {
      Keyword[] keywords = new Keyword[in.getInt()];
      for (int k = 0; k < keywords.length; k++) {
        Keyword.Kind kind = kinds[in.get()];
        int term = in.getInt();
        int via = in.get();
        keywords[k] = shared(new Keyword(kind, term < 0 ? null : pointed.get(term), via < 0 ? null : vias[via],
            in.getInt(), in.getInt()));
      }
      values[i] = keywords;
    }
    byte[] trie = Arrays.copyOfRange(bytes, in.position(), bytes.length - Long.BYTES);
    return new Compiled(lexicon, KeywordAutomaton.read(trie, values));
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

  static byte[] encode(KeywordAutomaton automaton, Lexicon lexicon) throws IOException {
    List<Term> terms = lexicon.terms();
    Map<Term, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < terms.size(); i++) {
      index.put(terms.get(i), i);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(MAGIC);
    out.writeInt(FORMAT);
    LexiconSnapshot.write(out, lexicon);
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
      Files.write(temporary, encode(automaton, lexicon));
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
  static String key(byte[] fingerprint) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    digest.update((FORMAT + "\n" + hanlpVersion() + "\n").getBytes(StandardCharsets.UTF_8));
    digest.update(fingerprint);
    // the classes' bytecode by its checksums, not itself: SHA-256 over some 100 KB ran in the
    // interpreter and was most of a cache hit's time (the same reasoning as the files' fingerprint)
    ByteBuffer checksums = ByteBuffer.allocate(COMPILERS.size() * 3 * Long.BYTES);
    CRC32 crc = new CRC32();
    CRC32C crcC = new CRC32C();
    for (Class<?> compiler : COMPILERS) {
      byte[] bytes = bytecode(compiler);
      crc.reset();
      crc.update(bytes);
      crcC.reset();
      crcC.update(bytes);
      checksums.putLong(bytes.length).putLong(crc.getValue()).putLong(crcC.getValue());
    }
    digest.update(checksums.array());
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * The fingerprint of the lexicon's {@link #SOURCES}: each file's path in the directory, its
   * length and two checksums of its raw bytes (CRC-32 and CRC-32C, 64 bits together), in path
   * order; a missing source is named as missing. Checksums rather than a SHA-256: they run at
   * memory speed before the JIT has compiled anything (SHA-256 over the same bytes, twice per
   * start, cost as much as the parsed rows' hash it replaced), and they are there to notice an edit,
   * not one crafted to collide (whoever can write the lexicon can write the cache directory too).
   */
  static byte[] fingerprint(Path lexicons) {
    StringBuilder fingerprint = new StringBuilder();
    CRC32 crc = new CRC32();
    CRC32C crcC = new CRC32C();
    try {
      for (String source : SOURCES) {
        Path path = lexicons.resolve(source);
        List<Path> files;
        if (Files.isDirectory(path)) {
          try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
          }
        } else {
          files = Files.isRegularFile(path) ? List.of(path) : List.of();
        }
        fingerprint.append(source).append(files.isEmpty() ? " missing\n" : "\n");
        for (Path file : files) {
          byte[] bytes = Files.readAllBytes(file);
          crc.reset();
          crc.update(bytes);
          crcC.reset();
          crcC.update(bytes);
          fingerprint.append(lexicons.relativize(file)).append('\t').append(bytes.length).append('\t')
              .append(Long.toHexString(crc.getValue())).append('\t').append(Long.toHexString(crcC.getValue())).append('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the lexicon in " + lexicons, e);
    }
    return fingerprint.toString().getBytes(StandardCharsets.UTF_8);
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
