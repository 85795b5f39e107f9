package archive.ingest;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Collects a response body up to a number of bytes and cancels the download past it, so a huge body
 * costs at most the cap (plus one network buffer) in memory and transfer.
 */
final class CappedSubscriber implements BodySubscriber<CappedSubscriber.Read> {

  /**
   * What was read.
   *
   * @param bytes the bytes kept, at most the cap
   * @param overflow true if the body went on past the cap and the download was cancelled
   */
  @SuppressWarnings(
      "ArrayRecordComponent") // handed from the subscriber to the fetcher, never compared
  record Read(byte[] bytes, boolean overflow) {}

  private final int maxBytes;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final CompletableFuture<Read> result = new CompletableFuture<>();
  private Flow.@Nullable Subscription subscription;

  /** A subscriber keeping at most {@code maxBytes}; 0 reads nothing and cancels at once. */
  CappedSubscriber(int maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes < 0: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  @Override
  public CompletionStage<Read> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (maxBytes == 0) {
      s.cancel();
      result.complete(new Read(new byte[0], true));
    } else {
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      int room = maxBytes - kept.size();
      int take = Math.min(room, buffer.remaining());
      byte[] chunk = new byte[take];
      buffer.get(chunk);
      kept.writeBytes(chunk);
      if (buffer.hasRemaining()) {
        stop();
        return;
      }
    }
    requireSubscription().request(1);
  }

  @Override
  public void onError(Throwable failure) {
    result.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    result.complete(new Read(kept.toByteArray(), false));
  }

  private void stop() {
    requireSubscription().cancel();
    result.complete(new Read(kept.toByteArray(), true));
  }

  private Flow.Subscription requireSubscription() {
    Flow.Subscription s = subscription;
    if (s == null) {
      throw new IllegalStateException("onNext before onSubscribe");
    }
    return s;
  }
}
