package archive.web;

import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpChannelOverHttp;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * Jetty's HTTP/1.1 connections, except that a request line in a version Jetty does not speak
 * ({@code HTTP/9.9}, or HTTP/0.9's bare {@code GET /}) is answered 400, not 505: the fault is the
 * client's, and a 5xx would count against the server wherever its errors are watched (issue 10).
 * Jetty 9.4 decides that status in its parser and offers no setting for it, hence the subclasses.
 * Every request the parser refuses is noted in {@link ClientErrors}, which logs a flood of them as
 * one line an interval.
 */
final class Http11Connections extends HttpConnectionFactory {

  private final ClientErrors clientErrors;

  /** Connections configured as {@code jettys}, which this replaces. */
  Http11Connections(HttpConnectionFactory jettys, ClientErrors clientErrors) {
    super(jettys.getHttpConfiguration(), jettys.getHttpCompliance());
    this.clientErrors = clientErrors;
    setRecordHttpComplianceViolations(jettys.isRecordHttpComplianceViolations());
  }

  @Override
  public Connection newConnection(Connector connector, EndPoint endPoint) {
    HttpConnection connection =
        new HttpConnection(
            getHttpConfiguration(),
            connector,
            endPoint,
            getHttpCompliance(),
            isRecordHttpComplianceViolations()) {
          @Override
          protected HttpChannelOverHttp newHttpChannel() {
            return new HttpChannelOverHttp(
                this, getConnector(), getHttpConfiguration(), getEndPoint(), this) {
              @Override
              public void badMessage(BadMessageException failure) {
                clientErrors.refused(failure.getCode(), failure.getReason());
                super.badMessage(
                    failure.getCode() == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505
                        ? new BadMessageException(400, failure.getReason(), failure)
                        : failure);
              }
            };
          }
        };
    return configure(connection, connector, endPoint);
  }
}
