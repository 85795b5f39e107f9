package archive.cli;

import java.util.List;
import java.util.Random;

/**
 * Queries a careless, curious or hostile visitor types: query syntax used wrongly (unbalanced
 * brackets and quotes, stray operators, qualifiers with no or absurd values), features that cost a
 * search engine dearly (wildcards, regular expressions, huge slops, fuzziness and boosts, deep
 * nesting, thousands of words), text no blog holds (control characters, lone surrogates, mixed
 * scripts, markup, template and lookup injections), in random combinations from a seeded source.
 */
final class HostileQueries {

  private static final List<String> PIECES =
      List.of(
          "(",
          ")",
          "[",
          "]",
          "{",
          "}",
          "\"",
          "'",
          "~",
          "~2",
          "~999999",
          "^",
          "^1e308",
          "^-1",
          "^NaN",
          "*",
          "?",
          ":",
          "\\",
          "/",
          "+",
          "-",
          "!",
          "&&",
          "||",
          "AND",
          "OR",
          "NOT",
          "TO",
          "*:*",
          "a*",
          "*a",
          "?a*b*c*d*e*",
          "a?",
          "/.*/",
          "/[a-z]{1,9999}/",
          "/(a+)+b/",
          "word~",
          "word~0.1",
          "\"a b\"~2147483648",
          "\"unclosed phrase",
          "title:",
          "title:(",
          "tag:",
          "tag:\"\"",
          "tag:machine learning",
          "year:",
          "year:0",
          "year:-2021",
          "year:99999999999999999999",
          "year:2021..1900",
          "after:",
          "after:2021-13-45",
          "after:0000-00-00",
          "before:9999-99",
          "before:2021-02-30",
          "date:[2020 TO 2021]",
          "date:{* TO *}",
          "[2020 TO",
          "url:javascript:alert(1)",
          "section:",
          "nosuchfield:x",
          ":::",
          "%",
          "%FF",
          "%00",
          "\u0000",
          "\u001b[31m",
          "\r\n",
          "\t",
          "\uD800",
          "\uDC00",
          "\uFEFF",
          "\u200B",
          "\u202E",
          "e\u0301\u0301\u0301",
          "😀",
          "👩‍💻",
          "東京タワー",
          "日本語の検索",
          "русский",
          "العربية",
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "${jndi:ldap://127.0.0.1/a}",
          "%s%s%n",
          "'; DROP TABLE entries; --",
          "../../etc/passwd",
          "null",
          "NaN",
          "-1",
          "9223372036854775808",
          "garden",
          "java",
          "lucene",
          "C++",
          "node.js",
          "e-mail",
          "don’t",
          "—",
          "…");

  private final Random random;

  HostileQueries(long seed) {
    this.random = new Random(seed);
  }

  /**
   * The next query: mostly one to six pieces; now and then something long (up to a few thousand
   * characters, near what a URL holds) or huge (past it).
   */
  String next() {
    return switch (random.nextInt(40)) {
      case 0, 1 -> "(".repeat(1 + random.nextInt(1000)) + "a" + ")".repeat(random.nextInt(1000));
      case 2, 3 -> repeated(PIECES.get(random.nextInt(PIECES.size())), 1 + random.nextInt(600));
      case 4 -> "a".repeat(1 + random.nextInt(20_000));
      case 5, 6, 7 -> randomChars(1 + random.nextInt(300));
      default -> pieces(1 + random.nextInt(6));
    };
  }

  private String pieces(int count) {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0 && random.nextInt(3) > 0) {
        query.append(' ');
      }
      query.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    return query.toString();
  }

  private String repeated(String piece, int times) {
    return (piece + (random.nextBoolean() ? " " : "")).repeat(times);
  }

  /** Any UTF-16 code units at all, surrogates and controls included. */
  private String randomChars(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) random.nextInt(random.nextBoolean() ? 0x80 : 0x10000));
    }
    return text.toString();
  }

  /** A random extra parameter for the HTTP API, valid or not. */
  String parameter() {
    String name =
        List.of("size", "page", "sort", "year", "tag", "after", "before", "fields", "q", "x")
            .get(random.nextInt(10));
    String value =
        List.of(
                "",
                "0",
                "-1",
                "1",
                "50",
                "51",
                "100000",
                "9999999999999999999999",
                "NaN",
                "date",
                "-date",
                "relevance",
                "2021",
                "1e3",
                "machine learning",
                "\"",
                "%FF",
                "<b>",
                "2021-13-45",
                "title,snippet",
                "a".repeat(2000))
            .get(random.nextInt(21));
    return name + "=" + value;
  }

  /** A random place that takes a query. */
  String endpoint() {
    return List.of(
            "/api/search", "/api/search", "/search", "/search/results", "/api/suggest", "/feed.xml")
        .get(random.nextInt(6));
  }
}
