package archive.web;

import archive.search.IndexSource;
import archive.search.Searcher;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Request;
import spark.Response;
import spark.Route;
import spark.Service;
import spark.embeddedserver.EmbeddedServers;
import spark.embeddedserver.jetty.EmbeddedJettyFactory;
import spark.embeddedserver.jetty.JettyServerFactory;

/**
 * The search server: a Spark {@link Service} instance (never the static API) over one {@link
 * Searcher}, which it refreshes so that a re-index shows up within seconds. Start with {@link
 * #start}, stop with {@link #close}.
 */
public final class ArchiveServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ArchiveServer.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final long REFRESH_MILLIS = 1000;
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  /**
   * How many connections the kernel holds for the server until it accepts them. Jetty asks for the
   * JDK's default of 50, and a burst of more than that before the acceptor thread next ran (easy on
   * a busy machine) had the kernel drop the SYN of the next: that client waited a second, or three,
   * or seven, for its retry, and clients that had connected before it could sit idle past the idle
   * timeout, waiting for their next byte (MalformedHttpIT failed so). The kernel caps this at
   * {@code net.core.somaxconn} (4096 on Linux since 5.4, 128 before).
   */
  private static final int BACKLOG = 1024;

  private final ServerConfig config;
  private final Searcher searcher;
  private final Service service;
  private final ScheduledExecutorService refresher;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private List<String> notices = List.of();
  private final Layout layout = new Layout(this::site);

  /** Client errors, whether Jetty's parser or a route found them: one log line an interval. */
  private final ClientErrors clientErrors;

  private ArchiveServer(
      ServerConfig config, Searcher searcher, Service service, ClientErrors clientErrors) {
    this.config = config;
    this.clientErrors = clientErrors;
    this.searcher = searcher;
    this.service = service;
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "archive-refresh");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Opens the index and starts serving it.
   *
   * @throws archive.index.IndexUnavailableException when there is no index
   * @throws ServerStartException when the server cannot listen (port in use, say)
   */
  public static ArchiveServer start(ServerConfig config) throws IOException {
    return start(config, STOP_TIMEOUT, Limits.DEFAULT, service -> {});
  }

  /**
   * How long a connection may send nothing, idle or in the middle of a request, before it is closed
   * (Jetty 9.4 has no deadline for a whole request: each byte restarts the timeout), and how many
   * connections are accepted at once; beyond that, new ones wait in the backlog (up to {@link
   * #BACKLOG} of them).
   */
  record Limits(Duration idleTimeout, int maxConnections) {

    /** Thirty seconds, a thousand connections: Spark's own default keeps idle ones for an hour. */
    static final Limits DEFAULT = new Limits(Duration.ofSeconds(30), 1000);
  }

  /** As below, with the default {@link Limits}. */
  static ArchiveServer start(
      ServerConfig config, Duration stopTimeout, Consumer<Service> extraRoutes) throws IOException {
    return start(config, stopTimeout, Limits.DEFAULT, extraRoutes);
  }

  /**
   * As {@link #start(ServerConfig)}, but a stop waits at most {@code stopTimeout} for requests in
   * flight, connections are held to {@code limits}, and {@code extraRoutes} are registered after
   * ours. It exists for tests, which need a route that holds a request (on a latch) while the
   * server stops, or a short idle timeout.
   */
  static ArchiveServer start(
      ServerConfig config, Duration stopTimeout, Limits limits, Consumer<Service> extraRoutes)
      throws IOException {
    return start(config, Searcher.open(config.indexDir()), stopTimeout, limits, extraRoutes);
  }

  /**
   * Starts serving what a searcher answers from, such as a SolrCloud collection; the server closes
   * it when it stops.
   */
  public static ArchiveServer start(ServerConfig config, Searcher searcher) throws IOException {
    return start(config, searcher, STOP_TIMEOUT, Limits.DEFAULT, service -> {});
  }

  private static ArchiveServer start(
      ServerConfig config,
      Searcher searcher,
      Duration stopTimeout,
      Limits limits,
      Consumer<Service> extraRoutes)
      throws IOException {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(searcher, "searcher");
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    Objects.requireNonNull(extraRoutes, "extraRoutes");
    AtomicReference<Server> jetty = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    Service service = Service.ignite();
    String id = "archive-" + INSTANCES.incrementAndGet();
    ClientErrors clientErrors = new ClientErrors(LOG::warn, System::nanoTime);
    EmbeddedServers.add(
        id, new EmbeddedJettyFactory(recording(jetty, stopTimeout, limits, clientErrors)));
    service.embeddedServerIdentifier(id);
    service.ipAddress(config.host());
    service.port(config.port());
    service.initExceptionHandler(failure::set); // Spark's default would exit the JVM
    ArchiveServer server = new ArchiveServer(config, searcher, service, clientErrors);
    BlogPages blog = new BlogPages(searcher, server.layout, config.indexDir());
    server.notices = blog.check().map(List::of).orElse(List.of());
    server.routes();
    extraRoutes.accept(service);
    // Last: whatever path is not the server's own is the blog's, when the index is of a folder.
    get(service, "*", blog::serve);
    service.awaitInitialization();
    if (failure.get() != null) {
      server.close();
      throw new ServerStartException(config.host(), config.port(), failure.get());
    }
    hideVersion(jetty.get());
    server.refresher.scheduleWithFixedDelay(
        server::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    return server;
  }

  /** A Jetty server factory that remembers what it made, so the connector can be adjusted. */
  private static JettyServerFactory recording(
      AtomicReference<Server> made,
      Duration stopTimeout,
      Limits limits,
      ClientErrors clientErrors) {
    return new JettyServerFactory() {
      @Override
      public Server create(int maxThreads, int minThreads, int idleTimeout) {
        // Sized for 2 cores by measurement (wrk, the 2,000-query mix, 10k archive, one
        // noisy run each). Jetty keeps an acceptor and a selector of these; with 5 or 8
        // in all, requests queued behind a slow query and the p99 at 32 connections rose
        // from 142 ms to 815 and 210 ms, for at most 10% more throughput. More than 16
        // was not tried.
        return create(new QueuedThreadPool(16, 4, 60_000));
      }

      @Override
      public Server create(ThreadPool pool) {
        Server server = new GracefulServer(pool, stopTimeout, limits, clientErrors);
        made.set(server);
        return server;
      }
    };
  }

  /**
   * A Jetty server whose stop lets requests in flight finish (up to a timeout, {@link
   * #STOP_TIMEOUT} unless a test says otherwise) while refusing new connections: Jetty 9.4 waits
   * for them only with a statistics handler in front, and Spark sets its handler itself, so the
   * wrapping happens here.
   */
  private static final class GracefulServer extends Server {
    private final Limits limits;
    private final ClientErrors refusals;

    GracefulServer(
        ThreadPool pool, Duration stopTimeout, Limits limits, ClientErrors clientErrors) {
      super(pool);
      this.limits = limits;
      this.refusals = clientErrors;
      setStopTimeout(stopTimeout.toMillis());
      addBean(new ConnectionLimit(limits.maxConnections(), this));
    }

    /**
     * Spark makes its connector with an idle timeout of an hour; a slow or idle client gets less.
     * Its backlog becomes {@link #BACKLOG}, and its HTTP/1.1 connections {@link Http11Connections}.
     */
    @Override
    protected void doStart() throws Exception {
      for (Connector connector : getConnectors()) {
        if (connector instanceof ServerConnector listening) {
          listening.setAcceptQueueSize(BACKLOG); // read when it opens, in super.doStart()
        }
        if (connector instanceof AbstractConnector limited) {
          limited.setIdleTimeout(limits.idleTimeout().toMillis());
          HttpConnectionFactory http = limited.getConnectionFactory(HttpConnectionFactory.class);
          if (http != null) {
            // replaces Jetty's
            limited.addConnectionFactory(new Http11Connections(http, refusals));
          }
        }
      }
      super.doStart();
    }

    /**
     * Also turns away what the routes cannot answer ({@link RequestScreen}), sends responses
     * without a thread waiting on the client ({@link BufferedResponses}), and compresses what a
     * client accepts compressed (gzip): the API's JSON, the pages, {@code embed.js} and the blog's
     * own text files; Jetty leaves images and small responses alone.
     */
    @Override
    public void setHandler(Handler handler) {
      BufferedResponses buffered = new BufferedResponses();
      buffered.setHandler(handler);
      GzipHandler gzip = new GzipHandler();
      gzip.setIncludedMethods("GET");
      gzip.setHandler(buffered);
      RequestScreen screen = new RequestScreen();
      screen.setHandler(gzip);
      StatisticsHandler inFlight = new StatisticsHandler();
      inFlight.setHandler(screen);
      super.setHandler(inFlight);
    }

    /**
     * Jetty throws when requests outlast the stop timeout, having stopped everything else, and
     * Spark answers any failed stop with {@code System.exit(100)}; under Ctrl-C that exit waits for
     * the shutdown hook, which waits for this stop, for ever. So a failed stop is logged instead.
     */
    @Override
    protected void doStop() throws Exception {
      try {
        super.doStop();
      } catch (TimeoutException e) {
        LOG.warn("requests still running after {} ms were cut off", getStopTimeout());
      } catch (Exception e) {
        LOG.error("the server did not stop cleanly", e);
      }
    }
  }

  /** No {@code Server: Jetty(9.4.x)} header: a version is a gift to whoever scans for old ones. */
  private static void hideVersion(@Nullable Server jetty) {
    if (jetty == null) {
      return;
    }
    for (Connector connector : jetty.getConnectors()) {
      HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
      if (http != null) {
        http.getHttpConfiguration().setSendServerVersion(false);
      }
    }
  }

  private void routes() {
    Cors cors = new Cors(config.allowedOrigins());
    service.before((req, res) -> Headers.apply(req, res, cors));
    service.options("/api/*", cors::preflight);
    SearchPages pages = new SearchPages(searcher, layout);
    get(service, "/", pages::home);
    get(service, "/search", pages::search);
    get(service, "/search/results", pages::results);
    get(service, "/assets/:name", pages::asset);
    get(service, "/embed.js", pages::embed);
    Feeds feeds = new Feeds(searcher, config.baseUrl(), config.publicUrl());
    get(service, "/opensearch.xml", feeds::openSearch);
    get(service, "/feed.xml", feeds::search);
    ArchivePages archive = new ArchivePages(searcher, layout);
    get(service, "/archive", archive::overview);
    get(service, "/archive/tag", archive::tags);
    get(service, "/archive/tag/:tag", archive::tag);
    get(service, "/archive/:year", archive::year);
    ApiHandlers api = new ApiHandlers(searcher);
    get(service, "/health", (req, res) -> json(res, Map.of("status", "ok")));
    get(service, "/api/search", api::search);
    get(service, "/api/stats", api::stats);
    get(service, "/api/suggest", api::suggest);
    get(service, "/api/related", api::related);
    service.exception(BadRequest.class, (e, req, res) -> error(req, res, 400, e.reason()));
    service.exception(
        Exception.class,
        (e, req, res) -> {
          String clientError = ClientErrors.message(e);
          if (clientError != null) {
            clientErrors.seen(req.requestMethod(), req.pathInfo(), e);
            error(req, res, 400, clientError);
            return;
          }
          if (interrupted(e)) { // by a stop that could not wait any longer: expected, not a bug
            LOG.warn("{} {} was cut off by the server's stop", req.requestMethod(), req.pathInfo());
          } else {
            LOG.error("{} {} failed", req.requestMethod(), req.pathInfo(), e);
          }
          error(req, res, 500, FAILED);
        });
    service.notFound((req, res) -> errorBody(layout, req, res, 404, BlogPages.noPage(req)));
    service.internalServerError((req, res) -> errorBody(layout, req, res, 500, FAILED));
  }

  /**
   * Routes GET and HEAD requests for {@code path} to {@code route}; Jetty sends no body for HEAD.
   * Spark alone answers HEAD with 200 and nothing on any path a GET route matches, and the blog's
   * catch-all matches every path, so a missing page was a 200 (issue 10).
   */
  private static void get(Service service, String path, Route route) {
    service.get(path, route);
    service.head(path, route);
  }

  /** Whether an interrupt caused it (Lucene's unchecked one wraps the InterruptedException). */
  private static boolean interrupted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException || t instanceof ClosedByInterruptException) {
        return true;
      }
    }
    return false;
  }

  /** A JSON response body, with its content type set. */
  static String json(Response res, Object body) {
    res.type("application/json; charset=utf-8");
    return SearchJson.write(body);
  }

  private static final String FAILED =
      "Something went wrong on the server; its log says what. Try again in a moment.";

  private void error(Request req, Response res, int status, String message) {
    res.body(errorBody(layout, req, res, status, message));
  }

  /** An error as JSON for the API, as a page for people. */
  static String errorBody(Layout layout, Request req, Response res, int status, String message) {
    res.status(status);
    if (Headers.answersJson(req.pathInfo())) {
      return json(res, Map.of("error", message, "status", status));
    }
    res.type("text/html; charset=utf-8");
    return layout.page(status == 404 ? "Not found" : "Error", "", Layout.error(message));
  }

  /**
   * The blog as the index names it: its generator's title, else the host of its address, else the
   * name of its folder; its name links to its address, or here when this server serves it.
   */
  private Layout.Site site() {
    IndexSource source;
    try {
      source = searcher.source().orElse(null);
    } catch (IOException e) {
      source = null;
    }
    String address =
        source == null ? null : source.isFolder() ? source.baseUrl() : source.location();
    String name = source == null ? null : source.siteTitle();
    if (name == null && address != null) {
      name = URI.create(address).getHost();
    }
    if (name == null && source != null) {
      Path folder = Path.of(source.location()).getFileName();
      name = folder == null ? null : folder.toString();
    }
    return new Layout.Site(name == null ? "Archive" : name, address == null ? "/" : address);
  }

  private void refresh() {
    try {
      searcher.refresh();
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not read the newest index commit; still serving the previous one", e);
    }
  }

  /** The port the server listens on (the real one when 0 was asked for). */
  public int port() {
    return service.port();
  }

  /** The address to open in a browser. */
  public URI url() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return URI.create("http://" + host + ":" + port() + "/");
  }

  /**
   * What a reader of the server's log should know from the start, one line each: a blog folder that
   * has moved since it was indexed, say.
   */
  public List<String> notices() {
    return notices;
  }

  /** Blocks until {@link #close} has run. */
  public void join() throws InterruptedException {
    stopped.await();
  }

  /** Stops taking requests, lets running ones finish, and closes the index. */
  @Override
  public void close() throws IOException {
    refresher.shutdownNow();
    try {
      service.stop();
      service.awaitStop();
    } finally {
      searcher.close();
      stopped.countDown();
    }
  }
}
