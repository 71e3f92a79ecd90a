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
 * <p>Han place names cannot be delimited without a gazetteer: the start of an address or school
 * range is the leftmost Han char of the run that precedes the pattern, skipping a small list of
 * function chars ({@code 的了在住是我你他她它们到去从就也都很这那个吗呢吧啊说要回}). A range can thus
 * include a few chars of leading context, e.g. "今天阳光小区5栋".
 *
 * <p>Overlapping matches are resolved by priority (resident_id, then email, then qq/wechat, then
 * mobile, then address/school; ties: the earlier, then the longer one wins); the result is sorted
 * by start and never overlaps.
 *
 * <h2>Speed</h2>
 *
 * <p>Each call first scans the text once through a char-class table, collecting which classes of
 * chars occur (digits, Chinese numerals, cue first chars, {@code @}, 号, building units, grade and
 * school chars) and the longest run of digits. A regex or number check only runs when the chars
 * it needs are present, so a typical line without digits or cues costs one table look-up per char
 * and returns the shared empty list. Instances are immutable and thread-safe.
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

  /** Han chars that may be part of a place or school name (function chars excluded). */
  private static final String P = "[\\p{IsHan}&&[^的了在住是我你他她它们到去从就也都很这那个吗呢吧啊说要回]]";

  private static final String NUM = "(?:[0-9]{1,5}|[零〇一二三四五六七八九十百两]{1,5})";
  private static final String STREET = "(?:大街|大道|胡同|路|街|巷|道|弄)";
  private static final String HOUSE_NO = NUM + "号(?!线)院?";
  private static final String BUILDING = NUM + "(?:号楼|栋|幢|座|单元|层|楼|室|号(?!线))";
  private static final String TAIL =
      "(?:" + BUILDING + "){0,4}(?:[0-9]{1,5}(?![0-9])(?:室|房)?)?";

  /** (A) admin unit + street + house number. */
  private static final Pattern ADDRESS_STREET =
      Pattern.compile(P + "{1,6}[省市区县镇]" + P + "{0,12}?" + STREET + HOUSE_NO + TAIL);

  /** (A') residence cue + street + house number; the range is group "a". */
  private static final Pattern ADDRESS_CUED_STREET =
      Pattern.compile(
          "(?:住在|家在|家住|住址|地址|住)[是为:：]?(?<a>" + P + "{1,12}?" + STREET + HOUSE_NO + TAIL + ")");

  /** (B) residential compound + building/unit/room. */
  private static final Pattern ADDRESS_COMPOUND =
      Pattern.compile(
          P + "{1,6}(?:小区|花园|公寓|家园|新村|新城|大厦|公馆|宿舍|社区|苑)" + BUILDING + TAIL);

  private static final String SCHOOL_SUFFIX =
      "(?:实验学校|实验中学|实验小学|外国语学校|小学|中学|初中|高中|附中|附小|学校|中专|职高|[一二三四五六七八九十]{1,3}中)";
  private static final String GRADE_PART =
      "(?:[初高][一二三123](?:年级)?|[一二三四五六七八九1-9]年级|(?:[0-9]{2,4}|[零〇一二三四五六七八九]{2,4})[级届])";
  private static final String CLASS_PART = "[(（]?" + NUM + "[)）]?班";

  private static final Pattern SCHOOL_CLASS =
      Pattern.compile(
          P
              + "{2,10}?(?:[0-9]{1,3})?"
              + SCHOOL_SUFFIX
              + "(?:"
              + GRADE_PART
              + "(?:"
              + CLASS_PART
              + ")?|"
              + CLASS_PART
              + ")");

  private static final Pattern EMAIL =
      Pattern.compile(
          "[a-z0-9][a-z0-9._%+\\-]{0,63}@[a-z0-9][a-z0-9\\-]{0,62}(?:\\.[a-z0-9][a-z0-9\\-]{0,62})*\\.[a-z]{2,24}");

  /** Filler allowed between a cue and the number/id: at most four tokens. */
  private static final String GAP =
      "(?:[:：=~\\-—_>→·.,，、。!！\"'“”‘’()（）\\[\\]【】<>《》|]|号码|账号|帐号|号|id|是|为|搜索|搜|加我|加|私我|私聊|找我){0,4}";

  private static final Pattern AFTER_QQ_CUE = Pattern.compile(GAP + "(?<n>[1-9][0-9]{4,10})(?![0-9])");

  private static final Pattern AFTER_WECHAT_CUE =
      Pattern.compile(
          GAP + "(?:(?<id>[a-z][a-z0-9_\\-]{5,19})(?![a-z0-9_\\-])|\\+?(?<n>[0-9]{11,15})(?![0-9]))");

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
        found.add(new PersonalInfoMatch(PersonalInfoMatch.EMAIL, mm.start(), mm.end()));
      }
    }
    if (street) {
      addAll(ADDRESS_STREET.matcher(text), null, PersonalInfoMatch.ADDRESS, found);
      addAll(ADDRESS_CUED_STREET.matcher(text), "a", PersonalInfoMatch.ADDRESS, found);
    }
    if (compound) {
      addAll(ADDRESS_COMPOUND.matcher(text), null, PersonalInfoMatch.ADDRESS, found);
    }
    if (school) {
      addAll(SCHOOL_CLASS.matcher(text), null, PersonalInfoMatch.SCHOOL, found);
    }
    return resolve(found);
  }

  private static void addAll(Matcher m, String group, String kind, List<PersonalInfoMatch> out) {
    while (m.find()) {
      int s = group == null ? m.start() : m.start(group);
      int e = group == null ? m.end() : m.end(group);
      out.add(new PersonalInfoMatch(kind, s, e));
    }
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
          out.add(new PersonalInfoMatch(PersonalInfoMatch.RESIDENT_ID, s, e + 1));
        }
        i = e + 1;
        continue;
      }
      if (len == 18 || len == 15) {
        if (today == null) {
          today = LocalDate.now(clock);
        }
        if (ResidentIdNumber.parse(m, s, e, today).isPresent()) {
          out.add(new PersonalInfoMatch(PersonalInfoMatch.RESIDENT_ID, s, e));
          continue;
        }
      }
      int ms = mobileStart(m, s, e);
      if (ms >= 0) {
        out.add(new PersonalInfoMatch(PersonalInfoMatch.MOBILE, ms, e));
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
    Matcher[] matchers = new Matcher[2];
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
          afterCue(k, pendingEnd[k], m, matchers, out);
        }
        pendingEnd[k] = e;
      }
    }
    for (int k = 0; k < 2; k++) {
      if (pendingEnd[k] >= 0) {
        afterCue(k, pendingEnd[k], m, matchers, out);
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

  private static void afterCue(
      int kind, int cueEnd, String m, Matcher[] matchers, List<PersonalInfoMatch> out) {
    if (cueEnd >= m.length()) {
      return;
    }
    Matcher mt = matchers[kind];
    if (mt == null) {
      mt = (kind == KIND_QQ ? AFTER_QQ_CUE : AFTER_WECHAT_CUE).matcher(m);
      matchers[kind] = mt;
    }
    mt.region(cueEnd, m.length());
    if (!mt.lookingAt()) {
      return;
    }
    if (kind == KIND_QQ) {
      out.add(new PersonalInfoMatch(PersonalInfoMatch.QQ, mt.start("n"), mt.end("n")));
    } else if (mt.start("id") >= 0) {
      out.add(new PersonalInfoMatch(PersonalInfoMatch.WECHAT, mt.start("id"), mt.end("id")));
    } else {
      int s = mobileStart(m, mt.start("n"), mt.end("n"));
      if (s >= 0) {
        out.add(new PersonalInfoMatch(PersonalInfoMatch.WECHAT, s, mt.end("n")));
      }
    }
  }

  private static int priority(String kind) {
    switch (kind) {
      case PersonalInfoMatch.RESIDENT_ID:
        return 5;
      case PersonalInfoMatch.EMAIL:
        return 4;
      case PersonalInfoMatch.QQ:
      case PersonalInfoMatch.WECHAT:
        return 3;
      case PersonalInfoMatch.MOBILE:
        return 2;
      default:
        return 1;
    }
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
