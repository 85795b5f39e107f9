package archive.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Colours as the browser draws them, measured in the page by {@code web/colours.js}: each after
 * blending any transparency onto what is behind it, with the WCAG 2.x contrast ratio (1 to 21).
 */
final class Colours {

  private static final String SCRIPT = script("/web/colours.js");

  private Colours() {}

  /**
   * One piece of visible text.
   *
   * @param element where the text is, as a short selector path
   * @param text the start of the text
   * @param colour the text colour, {@code rgb(r, g, b)}
   * @param background the colour behind it, {@code rgb(r, g, b)}
   * @param ratio their contrast ratio
   * @param size font size in CSS pixels
   * @param large whether WCAG counts it as large text (24px, or 18.66px bold)
   */
  record Text(
      String element,
      String text,
      String colour,
      String background,
      double ratio,
      double size,
      boolean large) {

    /** WCAG 2.x level AA, criterion 1.4.3: 4.5:1, or 3:1 for large text. */
    boolean readable() {
      return ratio >= (large ? 3 : 4.5);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%s \"%s\": %s on %s is %.2f:1 (%.1fpx%s)",
          element,
          text,
          colour,
          background,
          ratio,
          size,
          large ? ", large" : "");
    }
  }

  /**
   * What a control draws round itself: its outline, else its box-shadow.
   *
   * @param style the CSS that draws it
   * @param width its thickness in CSS pixels (a box-shadow's spread)
   * @param colour its colour, {@code rgb(r, g, b)}
   * @param background the colour round the control, {@code rgb(r, g, b)}
   * @param ratio their contrast ratio
   */
  record Ring(String style, double width, String colour, String background, double ratio) {}

  /**
   * Every visible piece of text.
   *
   * @param root where to look: an element (a shadow host means its shadow root), or null for the
   *     whole page, shadow roots included
   */
  static List<Text> text(JavascriptExecutor browser, @Nullable WebElement root) {
    Object found = browser.executeScript(SCRIPT, root, "text");
    return ((List<?>) Objects.requireNonNull(found, "found"))
        .stream().map(item -> text((Map<?, ?>) item)).toList();
  }

  /** The ring round a control as it is drawn now, or null if it has none. */
  static @Nullable Ring ring(JavascriptExecutor browser, WebElement control) {
    Map<?, ?> found = (Map<?, ?>) browser.executeScript(SCRIPT, control, "ring");
    if (found == null) {
      return null;
    }
    return new Ring(
        (String) found.get("style"),
        number(found, "width"),
        (String) found.get("colour"),
        (String) found.get("background"),
        number(found, "ratio"));
  }

  private static Text text(Map<?, ?> found) {
    return new Text(
        (String) found.get("element"),
        (String) found.get("text"),
        (String) found.get("colour"),
        (String) found.get("background"),
        number(found, "ratio"),
        number(found, "size"),
        (Boolean) found.get("large"));
  }

  private static double number(Map<?, ?> found, String key) {
    return ((Number) found.get(key)).doubleValue();
  }

  private static String script(String name) {
    try (InputStream in = Colours.class.getResourceAsStream(name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(name, e);
    }
  }
}
