package archive.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import javax.servlet.AsyncContext;
import javax.servlet.ServletException;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.jspecify.annotations.Nullable;

/**
 * Sends each response from memory once its handler is done, without a thread waiting on the client.
 * Spark writes responses with blocking calls, so a client that asks for a page and does not read it
 * held a thread until the idle timeout; sixteen such clients held them all, and every other reader
 * waited (issue 10). A response larger than {@link #LIMIT} (a big file of the blog) is still
 * written as it comes, to keep memory bounded.
 */
final class BufferedResponses extends HandlerWrapper {

  /** The most a response keeps in memory: far more than a page or a page of results. */
  static final int LIMIT = 256 * 1024;

  @Override
  public void handle(
      String target, Request base, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    Buffered buffered = new Buffered(response);
    super.handle(target, base, request, buffered);
    byte[] body = buffered.body();
    if (body.length == 0) {
      return; // nothing written, written through, or a redirect: Jetty completes it as it is
    }
    response.setContentLength(body.length);
    if (!request.isAsyncSupported()) {
      response.getOutputStream().write(body);
      return;
    }
    send(request.startAsync(), response.getOutputStream(), body);
  }

  /** Writes {@code body} whenever the client can take it, and completes the response after. */
  private static void send(AsyncContext async, ServletOutputStream out, byte[] body) {
    async.setTimeout(0); // the connector's idle timeout still closes a client that reads nothing
    out.setWriteListener(
        new WriteListener() {
          private boolean written;

          @Override
          public void onWritePossible() throws IOException {
            while (out.isReady()) {
              if (written) {
                async.complete();
                return;
              }
              written = true;
              out.write(body);
            }
          }

          @Override
          public void onError(Throwable failure) {
            async.complete(); // the client went away or timed out: nothing more to send
          }
        });
  }

  /** A response whose body collects in memory, up to {@link #LIMIT}, then goes straight out. */
  private static final class Buffered extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private @Nullable ServletOutputStream direct;
    private @Nullable PrintWriter writer;

    Buffered(HttpServletResponse response) {
      super(response);
    }

    /** What was kept, all of the body; empty when there was none or it went out directly. */
    byte[] body() {
      if (writer != null) {
        writer.flush();
      }
      return direct == null ? bytes.toByteArray() : new byte[0];
    }

    @Override
    public ServletOutputStream getOutputStream() {
      return stream;
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        writer =
            new PrintWriter(
                new OutputStreamWriter(stream, Charset.forName(getCharacterEncoding())));
      }
      return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
      if (direct != null) {
        direct.flush();
      }
    }

    @Override
    public void resetBuffer() {
      bytes.reset();
      super.resetBuffer();
    }

    @Override
    public void reset() {
      bytes.reset();
      super.reset();
    }

    private final ServletOutputStream stream =
        new ServletOutputStream() {
          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            ServletOutputStream out = direct;
            if (out == null && bytes.size() + len > LIMIT) {
              out = Buffered.super.getOutputStream();
              bytes.writeTo(out);
              bytes.reset();
              direct = out;
            }
            if (out == null) {
              bytes.write(b, off, len);
            } else {
              out.write(b, off, len);
            }
          }

          @Override
          public void flush() throws IOException {
            flushBuffer();
          }

          @Override
          public void close() throws IOException {
            if (direct != null) {
              direct.close();
            }
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("handlers here write with blocking calls");
          }
        };
  }
}
