package org.humiao.screening.pii;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.humiao.identity.ResidentIdNumber;

/**
 * Finds personal information that a minor discloses in a chat line: resident identity numbers,
 * mobile numbers, QQ numbers, WeChat ids, e-mail addresses, home addresses and school + class.
 *
 * <h2>Input</h2>
 *
 * <p>The text must already be normalized by the caller: full-width digits and letters converted
 * to ASCII, lower-cased, spaces and separators removed, traditional characters converted to
 * simplified. All offsets in the returned {@link PersonalInfoMatch}es are char indices into that
 * normalized text. Internally the detector additionally reads Chinese numerals as digits ({@code
 * 零〇→0, 一壹幺→1, 二贰→2, 三叁→3, 四肆→4, 五伍→5, 六陆→6, 七柒→7, 八捌→8, 九玖→9}; one char for one
 * char, so offsets are unchanged) for numbers, cues and ids, and upper-case ASCII as lower-case.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li>{@code resident_id}: a maximal run of 18 digits (or 17 digits and {@code x}) or of 15
 *       digits that passes {@link ResidentIdNumber#parse} with "today" taken from the injected
 *       {@link Clock}. A run failing the check character or the date is not reported.
 *   <li>{@code mobile}: a maximal digit run that is {@code 1[3-9]} followed by 9 digits, or the
 *       same prefixed with {@code 86} or {@code 0086} (in the same run), optionally preceded by
 *       {@code +} (the prefix and {@code +} are inside the range). Longer or shorter runs (e.g. 12
 *       digits) are not reported.
 *   <li>{@code qq}: after a QQ cue, a gap of at most four filler tokens (punctuation, 号, 号码, 账号,
 *       是, 为, id, 搜, 加我, ...), then a maximal run of 5–11 digits not starting with {@code 0}.
 *       The range covers the number only. A bare number without a cue is never a QQ number.
 *   <li>{@code wechat}: after a WeChat cue and the same kind of gap, either an id of 6–20 chars
 *       starting with a letter and made of letters, digits, {@code _} and {@code -} (the whole
 *       maximal run must have that length), or a mobile number as above. Range covers the id.
 *   <li>{@code email}: {@code local@domain.tld} with ASCII letters and digits.
 *   <li>{@code address}, see the patterns below: (A) an administrative unit ({@code 省市区县镇})
 *       followed by a street ({@code 路街巷道大街大道胡同弄}) and a house number {@code N号}, with
 *       optional building/unit/room tail; (A') the same street + house number after a residence
 *       cue ({@code 住在 家在 家住 住址 地址 住}), without the administrative unit (the range starts
 *       after the cue); (B) a residential compound ({@code 小区 花园 公寓 家园 新村 新城 大厦 公馆 宿舍
 *       社区 苑}) followed by a building/unit/room number ({@code 5栋, 3号楼, 2单元, 301室, 5号}) and an
 *       optional tail such as {@code 302}. {@code N号线} (metro line) is not a house number.
 *   <li>{@code school}: 2–10 Han chars (optionally followed by up to 3 digits) naming a school
 *       ending in 小学, 中学, 初中, 高中, 一中/二中/.../十一中, 附中, 附小, 学校, 实验学校, 中专, 职高,
 *       immediately followed by a grade ({@code 初一..初三, 高一..高三, N年级, 2019级/届}) with an
 *       optional class, or a class ({@code N班}, {@code (N)班}). A bare school name, a bare city or a
 *       bare class is not a disclosure.
 * </ul>
 *
 * <p>Han place names cannot be delimited without a gazetteer. The "name chars" before an address
 * or school are BMP Han chars except a small list of function chars ({@code
 * 的了在住是我你他她它们到去从就也都很这那个吗呢吧啊说要回}), and the range starts at the earliest name
 * char the rule allows: at most 6 before the administrative unit (A) or the compound suffix (B),
 * 12 after a residence cue (A'), 10 before a school suffix. A range can thus include a few chars of
 * leading context, e.g. "今天阳光小区5栋", or miss the start of a long name.
 *
 * <p>Matching runs in two steps so that ordinary text never pays for a regex: the distinctive
 * "core" of each rule (street + house number + tail, compound + building + tail, school suffix +
 * grade/class) starts with a literal suffix; only where such a literal is followed by a char that
 * can continue the core is the precompiled core regex run (anchored), and then the name before it
 * is checked by walking back over name chars.
 *
 * <p>Overlapping matches are resolved by priority (resident_id, then email, then qq/wechat, then
 * mobile, then address/school; ties: the earlier, then the longer one wins); the result is sorted
 * by start and never overlaps.
 *
 * <h2>Speed</h2>
 *
 * <p>Each call first scans the text once through a char-class table, collecting which classes of
 * chars occur (digits, Chinese numerals, cue first chars, {@code @}, 号, building units, grade and
 * school chars) and the longest run of digits and Chinese numerals. A rule only runs when the
 * chars it needs are present (numbers: a run of at least 11; cues: a cue's first char; ...), so a
 * typical line without digits or cues costs one table look-up per char and returns the shared
 * empty list (about 20–150 ns for 20 chars on a 2-core CI box; a line with a QQ number and an
 * address about 1 µs). Instances are immutable and thread-safe.
 */
public final class PersonalInfoDetector {

  /** Default QQ cues (normalized: lower-case, no spaces). */
  public static final List<String> DEFAULT_QQ_CUES =
      List.of("qq", "扣扣", "抠抠", "企鹅", "q号", "球球", "加q", "koukou");

  /**
   * Default WeChat cues (normalized). {@code 卫星} ("satellite") is a common homophone for 微信 used
   * to evade filters; since an id must follow immediately, plain talk about satellites does not
   * match.
   */
  public static final List<String> DEFAULT_WECHAT_CUES =
      List.of(
          "微信", "威信", "薇信", "徽信", "v信", "vx", "wx", "wechat", "weixin", "加v", "绿泡泡", "卫星");

  // ---- char classes ---------------------------------------------------------------------------

  private static final int DIGIT = 1; // 0-9
  private static final int CNUM = 1 << 1; // Chinese numeral read as a digit
  private static final int NUMX = 1 << 2; // 十百两: numerals only used in addresses
  private static final int CUE = 1 << 3; // first char of some cue (per instance)
  private static final int AT = 1 << 4; // @
  private static final int HAO = 1 << 5; // 号
  private static final int UNIT = 1 << 6; // 栋幢座单楼室层
  private static final int GRADE = 1 << 7; // 班级届年初高
  private static final int SCHOOL = 1 << 8; // 学中校小职

  private static final int ANY_NUMBER = DIGIT | CNUM | NUMX;

  /** Per char: digit value for digits and Chinese numerals, lower case for ASCII, else itself. */
  private static final char[] CANON = new char[65536];

  private static final short[] BASE_FLAGS = new short[65536];

  static {
    for (int c = 0; c < CANON.length; c++) {
      CANON[c] = (char) c;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      CANON[c] = (char) (c + ('a' - 'A'));
    }
    for (char c = '0'; c <= '9'; c++) {
      BASE_FLAGS[c] |= DIGIT;
    }
    String[] numerals = {"零〇", "一壹幺", "二贰", "三叁", "四肆", "五伍", "六陆", "七柒", "八捌", "九玖"};
    for (int d = 0; d < numerals.length; d++) {
      for (char c : numerals[d].toCharArray()) {
        CANON[c] = (char) ('0' + d);
        BASE_FLAGS[c] |= CNUM;
      }
    }
    mark("十百两", NUMX);
    mark("@", AT);
    mark("号", HAO);
    mark("栋幢座单楼室层", UNIT);
    mark("班级届年初高", GRADE);
    mark("学中校小职", SCHOOL);
  }

  private static void mark(String chars, int flag) {
    for (char c : chars.toCharArray()) {
      BASE_FLAGS[c] |= flag;
    }
  }

  // ---- patterns -------------------------------------------------------------------------------

  // Address and school patterns are matched in two steps, because a leading Han name cannot be
  // anchored and a regex starting with it backtracks at every position of a long line: a regex
  // finds the distinctive "core" (street + house number, compound + building, school suffix +
  // grade/class), which starts with a literal, then the name before the core is checked by hand by
  // walking back over NAME chars.

  /** Han chars that may be part of a place or school name: all BMP Han chars but these. */
  private static final String NOT_NAME = "的了在住是我你他她它们到去从就也都很这那个吗呢吧啊说要回";

  private static final boolean[] NAME = new boolean[65536];

  static {
    for (int c = 0; c < NAME.length; c++) {
      NAME[c] = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
    for (char c : NOT_NAME.toCharArray()) {
      NAME[c] = false;
    }
  }

  private static final String ADMIN_UNITS = "省市区县镇";

  /**
   * Literal suffixes starting the street, compound and school cores (the core patterns below are
   * built from them). A core regex only runs where one of them is followed by a char that can
   * continue the core; this keeps the cost of regex set-up away from ordinary text.
   */
  private static final String[] STREET_SUFFIXES = {"大街", "大道", "胡同", "路", "街", "巷", "道", "弄"};

  private static final String[] COMPOUND_SUFFIXES = {
    "小区", "花园", "公寓", "家园", "新村", "新城", "大厦", "公馆", "宿舍", "社区", "苑"
  };
  private static final String[] SCHOOL_SUFFIXES = {
    "实验学校", "实验中学", "实验小学", "外国语学校", "小学", "中学", "初中", "高中", "附中", "附小", "学校", "中专",
    "职高"
  };
  private static final String NUMBER_CHARS = "0123456789零〇一二三四五六七八九十百两";
  private static final String SCHOOL_NUMERALS = "一二三四五六七八九十";

  /** Per char: bit 1 street, 2 compound, 4 school if a core of that kind can start with it. */
  private static final byte[] CORE_START = new byte[65536];

  static {
    for (String lit : STREET_SUFFIXES) {
      CORE_START[lit.charAt(0)] |= 1;
    }
    for (String lit : COMPOUND_SUFFIXES) {
      CORE_START[lit.charAt(0)] |= 2;
    }
    for (String lit : SCHOOL_SUFFIXES) {
      CORE_START[lit.charAt(0)] |= 4;
    }
    for (char c : SCHOOL_NUMERALS.toCharArray()) {
      CORE_START[c] |= 4;
    }
  }

  private static final String[] RESIDENCE_CUES = {"住在", "家在", "家住", "住址", "地址", "住"};
  private static final String RESIDENCE_CUE_FILLER = "是为:：";

  private static final String NUM = "(?:[0-9]{1,5}|[零〇一二三四五六七八九十百两]{1,5})";
  private static final String STREET = "(?:" + String.join("|", STREET_SUFFIXES) + ")";
  private static final String HOUSE_NO = NUM + "号(?!线)院?";
  private static final String BUILDING = NUM + "(?:号楼|栋|幢|座|单元|层|楼|室|号(?!线))";
  private static final String TAIL =
      "(?:" + BUILDING + "){0,4}(?:[0-9]{1,5}(?![0-9])(?:室|房)?)?";

  /**
   * Core of (A) and (A'): street suffix, house number, optional tail. The name before it must be
   * either NAME{1,6} + admin unit + NAME{0,12} (A) or residence cue + optional 是/为/colon +
   * NAME{1,12} (A'; the range starts after the cue).
   */
  private static final Pattern STREET_CORE = Pattern.compile(STREET + HOUSE_NO + TAIL);

  /** Core of (B): compound suffix, building/unit/room, optional tail. Name before: NAME{1,6}. */
  private static final Pattern COMPOUND_CORE =
      Pattern.compile("(?:" + String.join("|", COMPOUND_SUFFIXES) + ")" + BUILDING + TAIL);

  private static final String SCHOOL_SUFFIX =
      "(?:" + String.join("|", SCHOOL_SUFFIXES) + "|[" + SCHOOL_NUMERALS + "]{1,3}中)";
  private static final String GRADE_PART =
      "(?:[初高][一二三123](?:年级)?|[一二三四五六七八九1-9]年级|(?:[0-9]{2,4}|[零〇一二三四五六七八九]{2,4})[级届])";
  private static final String CLASS_PART = "[(（]?" + NUM + "[)）]?班";

  /**
   * Core of a school disclosure: school suffix, then a grade (optionally with a class) or a class.
   * Name before it: NAME{2,10}, optionally followed by 1–3 digits ("北京101中学").
   */
  private static final Pattern SCHOOL_CORE =
      Pattern.compile(
          SCHOOL_SUFFIX + "(?:" + GRADE_PART + "(?:" + CLASS_PART + ")?|" + CLASS_PART + ")");

  private static final Pattern EMAIL =
      Pattern.compile(
          "[a-z0-9][a-z0-9._%+\\-]{0,63}@[a-z0-9][a-z0-9\\-]{0,62}(?:\\.[a-z0-9][a-z0-9\\-]{0,62})*\\.[a-z]{2,24}");

  /**
   * Filler allowed between a cue and the number/id: at most {@link #MAX_GAP_TOKENS} tokens, each
   * one char of {@code GAP_CHARS} or one of {@code GAP_WORDS} (longer words first).
   */
  private static final String GAP_CHARS = ":：=~-—_>→·.,，、。!！\"'“”‘’()（）[]【】<>《》|";

  private static final String[] GAP_WORDS = {
    "号码", "账号", "帐号", "搜索", "加我", "私我", "私聊", "找我", "号", "id", "是", "为", "搜", "加"
  };
  private static final int MAX_GAP_TOKENS = 4;

  // ---- instance -------------------------------------------------------------------------------

  private static final int KIND_QQ = 0;
  private static final int KIND_WECHAT = 1;

  private record Cue(char[] chars, int kind, boolean needsLeftBoundary) {}

  private final Clock clock;
  private final Cue[] cues; // longest first
  private final short[] flags;

  /**
   * @param clock source of "today" for rejecting identity numbers with future birth dates
   * @param qqCues cues announcing a QQ number, e.g. from a data file; normalized like the text
   *     (lower-cased here, Chinese numerals read as digits); blank entries are ignored
   * @param wechatCues cues announcing a WeChat id, same conventions
   */
  public PersonalInfoDetector(
      Clock clock, Collection<String> qqCues, Collection<String> wechatCues) {
    this.clock = Objects.requireNonNull(clock, "clock");
    List<Cue> list = new ArrayList<>();
    addCues(list, qqCues, KIND_QQ);
    addCues(list, wechatCues, KIND_WECHAT);
    list.sort(Comparator.comparingInt((Cue c) -> -c.chars().length));
    this.cues = list.toArray(new Cue[0]);
    this.flags = BASE_FLAGS.clone();
    for (Cue cue : cues) {
      // every raw char that reads as the cue's first char (upper case, Chinese numerals) is flagged
      char first = cue.chars()[0];
      for (int c = 0; c < CANON.length; c++) {
        if (CANON[c] == first) {
          flags[c] |= CUE;
        }
      }
    }
  }

  /** A detector with the default cue lists and "today" in China Standard Time. */
  public static PersonalInfoDetector defaults() {
    return defaults(Clock.system(ZoneId.of("Asia/Shanghai")));
  }

  /** A detector with the default cue lists and the given clock. */
  public static PersonalInfoDetector defaults(Clock clock) {
    return new PersonalInfoDetector(clock, DEFAULT_QQ_CUES, DEFAULT_WECHAT_CUES);
  }

  private static void addCues(List<Cue> out, Collection<String> cues, int kind) {
    Objects.requireNonNull(cues, "cues");
    Set<String> seen = new LinkedHashSet<>();
    for (String raw : cues) {
      Objects.requireNonNull(raw, "cue");
      String s = raw.strip().toLowerCase(Locale.ROOT);
      if (s.isEmpty() || !seen.add(s)) {
        continue;
      }
      char[] chars = new char[s.length()];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = CANON[s.charAt(i)];
      }
      // short Latin cues ("qq", "vx", "q号") must not be the tail of a longer Latin word
      boolean boundary = isAsciiAlnum(chars[0]) && asciiPrefixLength(chars) <= 3;
      out.add(new Cue(chars, kind, boundary));
    }
  }

  private static int asciiPrefixLength(char[] chars) {
    int i = 0;
    while (i < chars.length && chars[i] < 128) {
      i++;
    }
    return i;
  }

  /**
   * Finds personal information in already-normalized text (see the class comment).
   *
   * @return non-overlapping matches sorted by start; an immutable list
   */
  public List<PersonalInfoMatch> find(CharSequence text) {
    Objects.requireNonNull(text, "text");
    final int n = text.length();
    final short[] table = flags;
    int seen = 0;
    int run = 0;
    int maxRun = 0;
    for (int i = 0; i < n; i++) {
      int f = table[text.charAt(i)];
      seen |= f;
      if ((f & (DIGIT | CNUM)) != 0) {
        if (++run > maxRun) {
          maxRun = run;
        }
      } else {
        run = 0;
      }
    }
    boolean numbers = maxRun >= 11;
    boolean cued = (seen & CUE) != 0;
    boolean email = (seen & AT) != 0;
    boolean anyNumber = (seen & ANY_NUMBER) != 0;
    boolean street = anyNumber && (seen & HAO) != 0;
    boolean compound = anyNumber && (seen & (HAO | UNIT)) != 0;
    boolean school = anyNumber && (seen & GRADE) != 0 && (seen & SCHOOL) != 0;
    if (!(numbers || cued || email || street || compound || school)) {
      return List.of();
    }

    List<PersonalInfoMatch> found = new ArrayList<>(4);
    String mapped = null;
    if (numbers || cued || email) {
      char[] m = new char[n];
      for (int i = 0; i < n; i++) {
        m[i] = CANON[text.charAt(i)];
      }
      mapped = new String(m);
    }
    if (numbers) {
      findNumbers(mapped, found);
    }
    if (cued) {
      findCued(mapped, text, table, found);
    }
    if (email) {
      Matcher mm = EMAIL.matcher(mapped);
      while (mm.find()) {
        found.add(new PersonalInfoMatch(PersonalInfoKind.EMAIL, mm.start(), mm.end()));
      }
    }
    if (street) {
      findCores(STREET_CORE, text, PersonalInfoKind.ADDRESS, found);
    }
    if (compound) {
      findCores(COMPOUND_CORE, text, PersonalInfoKind.ADDRESS, found);
    }
    if (school) {
      findCores(SCHOOL_CORE, text, PersonalInfoKind.SCHOOL, found);
    }
    return resolve(found);
  }

  /**
   * Finds each core match of {@code core} and checks the name before it; on success adds the
   * match from the name's start to the core's end, on failure retries one char further.
   */
  private static void findCores(
      Pattern core, CharSequence text, PersonalInfoKind kind, List<PersonalInfoMatch> out) {
    final int n = text.length();
    final int bit = core == STREET_CORE ? 1 : core == COMPOUND_CORE ? 2 : 4;
    Matcher m = null;
    int i = 0;
    while (i < n) {
      if ((CORE_START[text.charAt(i)] & bit) == 0 || !mayStartCore(core, text, i)) {
        i++;
        continue;
      }
      if (m == null) {
        m = core.matcher(text);
      }
      m.region(i, n);
      if (!m.lookingAt()) {
        i++;
        continue;
      }
      int start;
      if (core == STREET_CORE) {
        start = streetNameStart(text, i);
      } else if (core == COMPOUND_CORE) {
        int r = nameRunStart(text, i, 6);
        start = r < i ? r : -1;
      } else {
        start = schoolNameStart(text, i);
      }
      if (start >= 0) {
        out.add(new PersonalInfoMatch(kind, start, m.end()));
        i = m.end();
      } else {
        i++;
      }
    }
  }

  /** Cheap necessary condition for {@code core} to match at {@code i}. */
  private static boolean mayStartCore(Pattern core, CharSequence t, int i) {
    if (core == SCHOOL_CORE) {
      int e = literalEnd(t, i, SCHOOL_SUFFIXES);
      if (e < 0) {
        int j = i;
        while (j < t.length() && j - i < 3 && SCHOOL_NUMERALS.indexOf(t.charAt(j)) >= 0) {
          j++;
        }
        e = j > i && j < t.length() && t.charAt(j) == '中' ? j + 1 : -1;
      }
      if (e < 0 || e >= t.length()) {
        return false;
      }
      char c = t.charAt(e);
      return NUMBER_CHARS.indexOf(c) >= 0 || c == '初' || c == '高' || c == '(' || c == '（';
    }
    int e = literalEnd(t, i, core == STREET_CORE ? STREET_SUFFIXES : COMPOUND_SUFFIXES);
    return e >= 0 && e < t.length() && NUMBER_CHARS.indexOf(t.charAt(e)) >= 0;
  }

  /** End of the first of {@code literals} found at {@code i} (longer ones listed first), or -1. */
  private static int literalEnd(CharSequence t, int i, String[] literals) {
    final int n = t.length();
    outer:
    for (String lit : literals) {
      int len = lit.length();
      if (i + len > n) {
        continue;
      }
      for (int k = 0; k < len; k++) {
        if (t.charAt(i + k) != lit.charAt(k)) {
          continue outer;
        }
      }
      return i + len;
    }
    return -1;
  }

  /** Start of the run of NAME chars ending at {@code end}, at most {@code max} chars long. */
  private static int nameRunStart(CharSequence t, int end, int max) {
    int limit = Math.max(0, end - max);
    int i = end;
    while (i > limit && NAME[t.charAt(i - 1)]) {
      i--;
    }
    return i;
  }

  /** Range start for a street core at {@code cs} (rules A, then A'), or -1. */
  private static int streetNameStart(CharSequence t, int cs) {
    // (A) NAME{1,6} admin NAME{0,12} core: the earliest admin unit gives the earliest start
    int r = nameRunStart(t, cs, 6 + 1 + 12);
    for (int a = Math.max(r + 1, cs - 13); a < cs; a++) {
      if (ADMIN_UNITS.indexOf(t.charAt(a)) >= 0) {
        return Math.max(r, a - 6);
      }
    }
    // (A') cue [是为:：]? NAME{1,12} core
    for (int s = nameRunStart(t, cs, 12); s < cs; s++) {
      if (residenceCueEndsAt(t, s)
          || (s > 0
              && RESIDENCE_CUE_FILLER.indexOf(t.charAt(s - 1)) >= 0
              && residenceCueEndsAt(t, s - 1))) {
        return s;
      }
    }
    return -1;
  }

  private static boolean residenceCueEndsAt(CharSequence t, int end) {
    outer:
    for (String cue : RESIDENCE_CUES) {
      int b = end - cue.length();
      if (b < 0) {
        continue;
      }
      for (int i = 0; i < cue.length(); i++) {
        if (t.charAt(b + i) != cue.charAt(i)) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** Range start for a school core at {@code cs}: NAME{2,10} then up to 3 digits, or -1. */
  private static int schoolNameStart(CharSequence t, int cs) {
    int d = cs;
    while (d > 0 && cs - d < 3 && isDigit(t.charAt(d - 1))) {
      d--;
    }
    if (d > 0 && isDigit(t.charAt(d - 1))) {
      return -1;
    }
    int r = nameRunStart(t, d, 10);
    return d - r >= 2 ? r : -1;
  }

  /** Resident ids and mobile numbers: maximal digit runs in the mapped text. */
  private void findNumbers(String m, List<PersonalInfoMatch> out) {
    final int n = m.length();
    LocalDate today = null;
    int i = 0;
    while (i < n) {
      if (!isDigit(m.charAt(i))) {
        i++;
        continue;
      }
      int s = i;
      while (i < n && isDigit(m.charAt(i))) {
        i++;
      }
      int e = i;
      int len = e - s;
      if (len == 17 && e < n && m.charAt(e) == 'x' && (e + 1 == n || !isDigit(m.charAt(e + 1)))) {
        if (today == null) {
          today = LocalDate.now(clock);
        }
        if (ResidentIdNumber.parse(m, s, e + 1, today).isPresent()) {
          out.add(new PersonalInfoMatch(PersonalInfoKind.RESIDENT_ID, s, e + 1));
        }
        i = e + 1;
        continue;
      }
      if (len == 18 || len == 15) {
        if (today == null) {
          today = LocalDate.now(clock);
        }
        if (ResidentIdNumber.parse(m, s, e, today).isPresent()) {
          out.add(new PersonalInfoMatch(PersonalInfoKind.RESIDENT_ID, s, e));
          continue;
        }
      }
      int ms = mobileStart(m, s, e);
      if (ms >= 0) {
        out.add(new PersonalInfoMatch(PersonalInfoKind.MOBILE, ms, e));
      }
    }
  }

  /**
   * If the maximal digit run {@code [s, e)} is a mobile number (optionally with an 86/0086
   * prefix, then optionally preceded by '+'), returns the start of its range, else -1.
   */
  private static int mobileStart(String m, int s, int e) {
    int core;
    switch (e - s) {
      case 11:
        core = s;
        break;
      case 13:
        core = m.startsWith("86", s) ? s + 2 : -1;
        break;
      case 15:
        core = m.startsWith("0086", s) ? s + 4 : -1;
        break;
      default:
        return -1;
    }
    if (core < 0 || m.charAt(core) != '1') {
      return -1;
    }
    char second = m.charAt(core + 1);
    if (second < '3' || second > '9') {
      return -1;
    }
    return core != s && s > 0 && m.charAt(s - 1) == '+' ? s - 1 : s;
  }

  /**
   * QQ and WeChat: finds cue occurrences (longest cue at each position; overlapping or adjacent
   * occurrences of the same kind merge, so "加vx" reads as one cue) and looks for the number/id
   * right after each.
   */
  private void findCued(String m, CharSequence text, short[] table, List<PersonalInfoMatch> out) {
    final int n = m.length();
    int[] pendingEnd = {-1, -1};
    for (int i = 0; i < n; i++) {
      if ((table[text.charAt(i)] & CUE) == 0) {
        continue;
      }
      Cue cue = cueAt(m, i);
      if (cue == null) {
        continue;
      }
      int k = cue.kind();
      int e = i + cue.chars().length;
      if (pendingEnd[k] >= 0 && i <= pendingEnd[k]) {
        pendingEnd[k] = Math.max(pendingEnd[k], e);
      } else {
        if (pendingEnd[k] >= 0) {
          afterCue(k, pendingEnd[k], m, out);
        }
        pendingEnd[k] = e;
      }
    }
    for (int k = 0; k < 2; k++) {
      if (pendingEnd[k] >= 0) {
        afterCue(k, pendingEnd[k], m, out);
      }
    }
  }

  private Cue cueAt(String m, int i) {
    final int n = m.length();
    char first = m.charAt(i);
    for (Cue cue : cues) {
      char[] c = cue.chars();
      if (c[0] != first || i + c.length > n) {
        continue;
      }
      int j = 1;
      while (j < c.length && m.charAt(i + j) == c[j]) {
        j++;
      }
      if (j < c.length) {
        continue;
      }
      if (cue.needsLeftBoundary() && i > 0 && isAsciiAlnum(m.charAt(i - 1))) {
        continue;
      }
      return cue;
    }
    return null;
  }

  /**
   * Looks for the number/id after a cue ending at {@code cueEnd}: skips up to four gap tokens
   * (greedily), then tries the positions after 4, 3, ..., 0 tokens, so that an id starting like
   * a gap word ("idol123") is still found.
   */
  private static void afterCue(int kind, int cueEnd, String m, List<PersonalInfoMatch> out) {
    final int n = m.length();
    int[] stops = new int[MAX_GAP_TOKENS + 1];
    stops[0] = cueEnd;
    int k = 0;
    int p = cueEnd;
    while (k < MAX_GAP_TOKENS && p < n) {
      int e = GAP_CHARS.indexOf(m.charAt(p)) >= 0 ? p + 1 : literalEnd(m, p, GAP_WORDS);
      if (e < 0) {
        break;
      }
      p = e;
      stops[++k] = p;
    }
    for (int j = k; j >= 0; j--) {
      PersonalInfoMatch found = kind == KIND_QQ ? qqAt(m, stops[j]) : wechatAt(m, stops[j]);
      if (found != null) {
        out.add(found);
        return;
      }
    }
  }

  /** A maximal run of 5–11 digits not starting with 0 at {@code p}, or null. */
  private static PersonalInfoMatch qqAt(String m, int p) {
    final int n = m.length();
    if (p >= n || m.charAt(p) < '1' || m.charAt(p) > '9' || (p > 0 && isDigit(m.charAt(p - 1)))) {
      return null;
    }
    int e = digitRunEnd(m, p);
    int len = e - p;
    return len >= 5 && len <= 11 ? new PersonalInfoMatch(PersonalInfoKind.QQ, p, e) : null;
  }

  /**
   * At {@code p}: a maximal run of 6–20 letters, digits, '_' and '-' starting with a letter, or a
   * mobile number (with optional prefix and '+'); else null.
   */
  private static PersonalInfoMatch wechatAt(String m, int p) {
    final int n = m.length();
    if (p >= n) {
      return null;
    }
    char c = m.charAt(p);
    if (c >= 'a' && c <= 'z') {
      int e = p + 1;
      while (e < n && isIdChar(m.charAt(e))) {
        e++;
      }
      int len = e - p;
      return len >= 6 && len <= 20 ? new PersonalInfoMatch(PersonalInfoKind.WECHAT, p, e) : null;
    }
    int q = c == '+' ? p + 1 : p;
    if (q >= n || !isDigit(m.charAt(q)) || (q > 0 && isDigit(m.charAt(q - 1)))) {
      return null;
    }
    int e = digitRunEnd(m, q);
    int s = mobileStart(m, q, e);
    return s >= 0 ? new PersonalInfoMatch(PersonalInfoKind.WECHAT, s, e) : null;
  }

  private static int digitRunEnd(String m, int p) {
    int e = p;
    while (e < m.length() && isDigit(m.charAt(e))) {
      e++;
    }
    return e;
  }

  private static boolean isIdChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  }

  private static int priority(PersonalInfoKind kind) {
    return switch (kind) {
      case RESIDENT_ID -> 4;
      case EMAIL -> 3;
      case QQ, WECHAT -> 2;
      case MOBILE -> 1;
      case ADDRESS, SCHOOL -> 0;
    };
  }

  private static final Comparator<PersonalInfoMatch> BY_PRIORITY =
      Comparator.comparingInt((PersonalInfoMatch x) -> -priority(x.kind()))
          .thenComparingInt(PersonalInfoMatch::start)
          .thenComparingInt(x -> -x.length());

  private static final Comparator<PersonalInfoMatch> BY_POSITION =
      Comparator.comparingInt(PersonalInfoMatch::start).thenComparingInt(PersonalInfoMatch::end);

  private static List<PersonalInfoMatch> resolve(List<PersonalInfoMatch> found) {
    if (found.isEmpty()) {
      return List.of();
    }
    if (found.size() == 1) {
      return List.of(found.get(0));
    }
    found.sort(BY_PRIORITY);
    List<PersonalInfoMatch> kept = new ArrayList<>(found.size());
    outer:
    for (PersonalInfoMatch x : found) {
      for (PersonalInfoMatch k : kept) {
        if (x.start() < k.end() && k.start() < x.end()) {
          continue outer;
        }
      }
      kept.add(x);
    }
    kept.sort(BY_POSITION);
    return List.copyOf(kept);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  @Override
  public String toString() {
    return "PersonalInfoDetector[cues=" + cues.length + ", clock=" + clock + "]";
  }
}
