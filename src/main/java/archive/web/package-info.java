/**
 * The search server on sparkjava: its configuration, route table, handlers and the JSON API; the
 * only package that knows Spark or Jetty.
 */
@NullMarked
package archive.web;

import org.jspecify.annotations.NullMarked;
