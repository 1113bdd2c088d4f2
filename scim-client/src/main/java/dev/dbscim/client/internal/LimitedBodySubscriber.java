package dev.dbscim.client.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body (as its unjoined buffers, see {@link ResponseBody}) up to a byte limit, so a huge or endless body cannot fill the heap. Over the limit it either
 * fails with {@link BodyTooLargeException} (success bodies) or keeps the first {@code limit} bytes and stops reading
 * (error bodies, where a truncated detail is better than none). {@link #abort()} cancels the body from another thread
 * (timeouts, interrupts), which closes the connection.
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<ResponseBody> {
  private final long limit;
  private final boolean truncate;
  private final long declaredLength;
  private final CompletableFuture<ResponseBody> result = new CompletableFuture<>();
  private final List<ByteBuffer> buffers = new ArrayList<>();
  private Flow.Subscription subscription;
  private long received;
  private boolean done;

  LimitedBodySubscriber(long limit, boolean truncate, long declaredLength) {
    this.limit = limit;
    this.truncate = truncate;
    this.declaredLength = declaredLength;
  }

  /** Thrown (as the body's failure) when a success body exceeds the limit. */
  static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long limit) {
      super("response body exceeds maxResponseBytes (" + limit + ")");
    }
  }

  @Override
  public CompletionStage<ResponseBody> getBody() {
    return result;
  }

  @Override
  public synchronized void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (done) {
      subscription.cancel();
      return;
    }
    if (declaredLength > limit && !truncate) {
      fail(new BodyTooLargeException(limit));
      return;
    }
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public synchronized void onNext(List<ByteBuffer> items) {
    if (done) {
      return;
    }
    for (ByteBuffer item : items) {
      int remaining = item.remaining();
      if (received + remaining > limit) {
        if (!truncate) {
          fail(new BodyTooLargeException(limit));
          return;
        }
        ByteBuffer head = item.slice();
        head.limit((int) (limit - received));
        buffers.add(head);
        received = limit;
        complete();
        cancelSubscription();
        return;
      }
      buffers.add(item);
      received += remaining;
    }
  }

  @Override
  public synchronized void onError(Throwable throwable) {
    if (!done) {
      done = true;
      result.completeExceptionally(throwable);
    }
  }

  @Override
  public synchronized void onComplete() {
    if (!done) {
      complete();
    }
  }

  /** Stops reading and fails the body; used on timeout and interrupt. */
  synchronized void abort() {
    fail(new IOException("response body aborted"));
  }

  private void complete() {
    done = true;
    // The buffers are handed over as they are: parsing streams them, so a large page is never joined into one array.
    ResponseBody body = ResponseBody.of(buffers, received);
    buffers.clear();
    result.complete(body);
  }

  private void fail(IOException failure) {
    if (done) {
      return;
    }
    done = true;
    buffers.clear();
    cancelSubscription();
    result.completeExceptionally(failure);
  }

  private void cancelSubscription() {
    if (subscription != null) {
      subscription.cancel();
    }
  }
}
