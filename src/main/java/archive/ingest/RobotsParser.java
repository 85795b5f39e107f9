package archive.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads robots.txt line by line and keeps the groups that apply to one product token (RFC 9309
 * §2.1–2.2): the groups naming the token, else the {@code *} groups, merged.
 */
final class RobotsParser {

  /** How much of a robots.txt is read; RFC 9309 §2.5 lets a crawler stop after 500 KiB. */
  static final int MAX_BYTES = 500 * 1024;

  private static final Pattern PRODUCT_TOKEN = Pattern.compile("[A-Za-z_-]+");
  private static final Pattern AGENT_PREFIX = Pattern.compile("^[A-Za-z_-]*");
  // Whole seconds, up to nine digits so the value fits a Duration, and an optional fraction.
  private static final Pattern DELAY = Pattern.compile("\\d{1,9}(\\.\\d*)?|\\.\\d+");

  /** The rules and delay of every group for one kind of agent (ours, or {@code *}). */
  private static final class Groups {
    final List<RobotsRule> rules = new ArrayList<>();
    @Nullable Duration delay;
    boolean seen;
  }

  private final String token;
  private final Groups ours = new Groups();
  private final Groups global = new Groups();
  private final List<String> sitemaps = new ArrayList<>();
  private boolean readingAgents;
  private boolean inOurGroup;
  private boolean inGlobalGroup;

  private RobotsParser(String token) {
    this.token = token;
  }

  /** See {@link RobotsTxt#parse}. */
  static RobotsTxt parse(String text, String userAgentToken) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(userAgentToken, "userAgentToken");
    if (!PRODUCT_TOKEN.matcher(userAgentToken).matches()) {
      throw new IllegalArgumentException("not a product token ([A-Za-z_-]+): " + userAgentToken);
    }
    RobotsParser parser = new RobotsParser(userAgentToken);
    capped(text.startsWith("\uFEFF") ? text.substring(1) : text).lines().forEach(parser::line);
    return parser.result();
  }

  /**
   * The text up to {@link #MAX_BYTES} UTF-8 octets, without the line the cut falls in: a cut rule
   * such as {@code Disallow: /private} read as {@code Disallow: /p} would mean something else.
   */
  private static String capped(String text) {
    byte[] octets = text.getBytes(UTF_8);
    if (octets.length <= MAX_BYTES) {
      return text;
    }
    String head = new String(octets, 0, MAX_BYTES, UTF_8);
    int lineEnd = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r'));
    return head.substring(0, lineEnd + 1);
  }

  private void line(String raw) {
    int hash = raw.indexOf('#');
    String line = hash < 0 ? raw : raw.substring(0, hash);
    int colon = line.indexOf(':');
    if (colon < 0) {
      return; // not a record; RFC 9309 §2.2 asks parsers to go on past such lines
    }
    String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    String value = line.substring(colon + 1).strip();
    switch (key) {
      case "user-agent" -> agent(value);
      case "allow" -> rule(true, value);
      case "disallow" -> rule(false, value);
      case "crawl-delay" -> members().forEach(groups -> delay(groups, value));
      case "sitemap" -> sitemap(value);
      default -> {} // other records are allowed (RFC 9309 §2.2.4) and we use none of them
    }
  }

  private void agent(String value) {
    if (!readingAgents) {
      readingAgents = true; // a user-agent line after a member line starts a new group
      inOurGroup = false;
      inGlobalGroup = false;
    }
    if (value.equals("*")) {
      inGlobalGroup = true;
      global.seen = true;
    } else if (productToken(value).equalsIgnoreCase(token)) {
      inOurGroup = true;
      ours.seen = true;
    }
  }

  /** The version-free name in a user-agent value: {@code ExampleBot} of {@code ExampleBot/1.2}. */
  private static String productToken(String value) {
    var matcher = AGENT_PREFIX.matcher(value);
    return matcher.find() ? matcher.group() : "";
  }

  /**
   * Ends the current run of user-agent lines and names the groups a member line belongs to. A group
   * for both our token and {@code *} feeds both, since either may end up selected.
   */
  private List<Groups> members() {
    readingAgents = false;
    List<Groups> targets = new ArrayList<>(2);
    if (inOurGroup) {
      targets.add(ours);
    }
    if (inGlobalGroup) {
      targets.add(global);
    }
    return targets;
  }

  private void rule(boolean allow, String value) {
    Optional<RobotsRule> rule = RobotsRule.of(allow, value);
    for (Groups groups : members()) {
      rule.ifPresent(groups.rules::add);
    }
  }

  private void delay(Groups groups, String value) {
    if (groups.delay == null && DELAY.matcher(value).matches()) {
      groups.delay = Duration.ofNanos(new BigDecimal(value).movePointRight(9).longValue());
    }
  }

  private void sitemap(String value) {
    if (!value.isEmpty()) {
      sitemaps.add(value);
    }
  }

  private RobotsTxt result() {
    Groups selected = ours.seen ? ours : global;
    return new RobotsTxt(selected.rules, Optional.ofNullable(selected.delay), sitemaps);
  }
}
