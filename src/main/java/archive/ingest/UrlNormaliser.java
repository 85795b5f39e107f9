package archive.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a link against the page it is on and brings it to one canonical spelling, so the crawler
 * visits each page once. Resolution follows RFC 3986 section 5.2 rather than {@link URI#resolve},
 * which implements the older RFC 2396 (a bare {@code ?q} loses the last segment and {@code ..}
 * above the root is kept).
 *
 * <p>Trailing slashes are kept as the site writes them: {@code /a} and {@code /a/} stay two URLs.
 * Servers differ (one redirects, another serves the same page twice, a third answers 404 for one
 * form), so merging them would invent URLs that may not exist; redirects, {@code rel=canonical} and
 * the content-hash dedupe settle the duplicates that remain.
 */
final class UrlNormaliser {

  /** Longer hrefs are rejected: they are almost always generated traps, not posts. */
  static final int MAX_HREF_CHARS = 8 * 1024;

  // RFC 3986 appendix B: scheme, authority, path, query, fragment.
  private static final Pattern PARTS =
      Pattern.compile(
          "^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#.*)?$", Pattern.DOTALL);
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
  private static final Pattern INNER_BREAKS = Pattern.compile("[\\t\\n\\r]");
  private static final Pattern OUTER_CONTROLS = Pattern.compile("^[\\x00-\\x20]+|[\\x00-\\x20]+$");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
  private static final String PATH_EXTRAS = PercentEncoding.PATH_EXTRAS;
  private static final String QUERY_EXTRAS = PATH_EXTRAS + "?";

  private UrlNormaliser() {}

  /** A URL split into its parts; {@code null} marks a part that is absent, not empty. */
  private record Parts(
      @Nullable String scheme, @Nullable String authority, String path, @Nullable String query) {}

  /**
   * Resolves {@code href} against {@code base} and normalises the result, or returns empty when the
   * link is not a usable http(s) URL ({@code mailto:}, {@code javascript:}, no host, bad port, user
   * info, over {@value #MAX_HREF_CHARS} characters). Never throws for a bad href.
   *
   * @param href the link as written in the page, not null
   * @param base the URL of the page, not null; only used when {@code href} is relative
   */
  static Optional<URI> normalise(String href, URI base) {
    Objects.requireNonNull(href, "href");
    Objects.requireNonNull(base, "base");
    String cleaned = clean(href);
    if (cleaned.length() > MAX_HREF_CHARS) {
      return Optional.empty();
    }
    Optional<Parts> ref = split(cleaned);
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    Optional<Parts> target = ref.get().scheme() != null ? ref : resolve(base, ref.get());
    return target.flatMap(UrlNormaliser::build);
  }

  /**
   * Normalises an absolute http(s) URL, as typed by a user; empty when {@code url} is relative or
   * not usable.
   */
  static Optional<URI> normaliseAbsolute(String url) {
    Objects.requireNonNull(url, "url");
    return split(clean(url)).filter(parts -> parts.scheme() != null).flatMap(UrlNormaliser::build);
  }

  // Browsers strip outer whitespace and controls and drop tabs and newlines anywhere.
  private static String clean(String href) {
    return OUTER_CONTROLS.matcher(INNER_BREAKS.matcher(href).replaceAll("")).replaceAll("");
  }

  private static Optional<Parts> split(String url) {
    Matcher m = PARTS.matcher(url);
    if (!m.matches()) {
      return Optional.empty();
    }
    String scheme = m.group(1);
    if (scheme != null && !SCHEME.matcher(scheme).matches()) {
      return Optional.empty();
    }
    String path = encode(m.group(3), PATH_EXTRAS);
    String query = m.group(4) == null ? null : encode(m.group(4), QUERY_EXTRAS);
    return Optional.of(new Parts(scheme, m.group(2), path, query));
  }

  private static Optional<Parts> resolve(URI base, Parts ref) {
    Optional<Parts> parsedBase = split(base.toString());
    if (parsedBase.isEmpty() || parsedBase.get().scheme() == null) {
      return Optional.empty();
    }
    Parts b = parsedBase.get();
    if (ref.authority() != null) {
      return Optional.of(new Parts(b.scheme(), ref.authority(), ref.path(), ref.query()));
    }
    if (ref.path().isEmpty()) {
      String query = ref.query() != null ? ref.query() : b.query();
      return Optional.of(new Parts(b.scheme(), b.authority(), b.path(), query));
    }
    String path = ref.path().startsWith("/") ? ref.path() : merge(b, ref.path());
    return Optional.of(new Parts(b.scheme(), b.authority(), path, ref.query()));
  }

  private static String merge(Parts base, String relative) {
    if (base.authority() != null && base.path().isEmpty()) {
      return "/" + relative;
    }
    return base.path().substring(0, base.path().lastIndexOf('/') + 1) + relative;
  }

  private static Optional<URI> build(Parts parts) {
    String scheme = Objects.requireNonNull(parts.scheme()).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || parts.authority() == null) {
      return Optional.empty();
    }
    Optional<String> authority = authority(scheme, parts.authority());
    if (authority.isEmpty()) {
      return Optional.empty();
    }
    String path = removeDotSegments(parts.path().isEmpty() ? "/" : parts.path());
    String query = withoutTracking(parts.query());
    String url = scheme + "://" + authority.get() + path + (query == null ? "" : "?" + query);
    try {
      URI uri = new URI(url);
      return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
    } catch (URISyntaxException e) {
      return Optional.empty(); // a host with characters no DNS name has
    }
  }

  private static Optional<String> authority(String scheme, String authority) {
    if (authority.contains("@")) {
      return Optional.empty(); // credentials in a link, or a user@evil.example trick
    }
    int colon = authority.lastIndexOf(':');
    boolean hasPort = colon >= 0 && colon > authority.lastIndexOf(']');
    String host = hasPort ? authority.substring(0, colon) : authority;
    String port = hasPort ? authority.substring(colon + 1) : "";
    Optional<String> asciiHost = asciiHost(host);
    if (asciiHost.isEmpty() || !port.isEmpty() && !PORT.matcher(port).matches()) {
      return Optional.empty();
    }
    if (port.isEmpty()) {
      return asciiHost;
    }
    int number = Integer.parseInt(port);
    if (number > 65_535) {
      return Optional.empty();
    }
    boolean isDefault = number == (scheme.equals("https") ? 443 : 80);
    return Optional.of(isDefault ? asciiHost.get() : asciiHost.get() + ":" + number);
  }

  private static Optional<String> asciiHost(String host) {
    if (host.isEmpty()) {
      return Optional.empty();
    }
    if (host.startsWith("[")) {
      return Optional.of(host.toLowerCase(Locale.ROOT));
    }
    try {
      return Optional.of(IDN.toASCII(host).toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not a valid internationalised domain name
    }
  }

  /** RFC 3986 section 5.2.4, for an absolute path. */
  static String removeDotSegments(String path) {
    String[] segments = path.split("/", -1);
    Deque<String> kept = new ArrayDeque<>();
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      if (segment.equals("..") && kept.size() > 1) {
        kept.removeLast();
      }
      if (segment.equals(".") || segment.equals("..")) {
        if (last) {
          kept.addLast("");
        }
      } else {
        kept.addLast(segment);
      }
    }
    return String.join("/", kept);
  }

  private static @Nullable String withoutTracking(@Nullable String query) {
    if (query == null) {
      return null;
    }
    List<String> kept = new ArrayList<>();
    for (String parameter : query.split("&", -1)) {
      if (!parameter.toLowerCase(Locale.ROOT).startsWith("utm_")) {
        kept.add(parameter);
      }
    }
    String joined = String.join("&", kept);
    return joined.isEmpty() ? null : joined;
  }

  /**
   * Percent-encodes what may not appear raw in a path or query (spaces, non-ASCII as UTF-8, a lone
   * {@code %}), writes existing escapes in upper case, and decodes escaped unreserved characters
   * (RFC 3986 section 6.2.2.2); escaped reserved characters stay escaped, as they mean something.
   */
  static String encode(String part, String allowedExtras) {
    StringBuilder out = new StringBuilder(part.length());
    int i = 0;
    while (i < part.length()) {
      char c = part.charAt(i);
      if (c == '%' && isHex(part, i + 1) && isHex(part, i + 2)) {
        appendEscape(out, Integer.parseInt(part.substring(i + 1, i + 3), 16));
        i += 3;
      } else if (c < 0x80 && (isUnreserved(c) || allowedExtras.indexOf(c) >= 0)) {
        out.append(c);
        i++;
      } else {
        int codePoint = part.codePointAt(i);
        for (byte b : new String(Character.toChars(codePoint)).getBytes(UTF_8)) {
          PercentEncoding.appendEscape(out, b & 0xFF);
        }
        i += Character.charCount(codePoint);
      }
    }
    return out.toString();
  }

  private static void appendEscape(StringBuilder out, int value) {
    if (value < 0x80 && isUnreserved((char) value)) {
      out.append((char) value);
    } else {
      PercentEncoding.appendEscape(out, value);
    }
  }

  private static boolean isHex(String s, int index) {
    return index < s.length()
        && s.charAt(index) < 0x80
        && Character.digit(s.charAt(index), 16) >= 0;
  }

  private static boolean isUnreserved(char c) {
    return c < 0x80 && (Character.isLetterOrDigit(c) || PercentEncoding.UNRESERVED.indexOf(c) >= 0);
  }
}
