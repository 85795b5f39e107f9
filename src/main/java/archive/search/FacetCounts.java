package archive.search;

import archive.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.search.CollectorManager;

/**
 * Counts {@link Facets} over every document a query matches, from doc values, while the same pass
 * collects the top documents. One {@link FacetCollector} per searched slice; {@link #reduce} adds
 * them up and keeps the top tags.
 */
final class FacetCounts implements CollectorManager<FacetCollector, Facets> {

  private static final Comparator<Facets.TagCount> MOST_FREQUENT_FIRST =
      Comparator.comparingLong(Facets.TagCount::count)
          .reversed()
          .thenComparing(Facets.TagCount::tag);

  @Override
  public FacetCollector newCollector() {
    return new FacetCollector(Fields.YEAR, Fields.TAG);
  }

  @Override
  public Facets reduce(Collection<FacetCollector> collectors) throws IOException {
    Map<Integer, Long> years = new TreeMap<>();
    Map<String, Long> tags = new HashMap<>();
    for (FacetCollector collector : collectors) {
      collector.flush();
      collector.years().forEach((year, count) -> years.merge(year, count, Long::sum));
      collector.tags().forEach((tag, count) -> tags.merge(tag, count, Long::sum));
    }
    List<Facets.YearCount> yearCounts = new ArrayList<>(years.size());
    years.forEach((year, count) -> yearCounts.add(new Facets.YearCount(year, count)));
    List<Facets.TagCount> tagCounts =
        tags.entrySet().stream()
            .map(tag -> new Facets.TagCount(tag.getKey(), tag.getValue()))
            .sorted(MOST_FREQUENT_FIRST)
            .limit(Facets.TOP_TAGS)
            .toList();
    return new Facets(yearCounts, tagCounts);
  }
}
