package io.kairan.api.notice;

import io.kairan.api.ledger.PostKey;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Idempotency-Key semantics (the IETF draft's): the first post with a key makes something; a retry
 * with the same body gets it back; the same key with another body is 422; a second post while the
 * first is still being written is 409. Shared by posts that publish and posts that wait for
 * approval; each keeps its earlier posts where they survive a restart.
 */
final class OncePerKey<T> {
  private final Set<PostKey> inFlight = ConcurrentHashMap.newKeySet();

  /**
   * What an earlier post with the key made.
   *
   * @param fingerprint a digest of that post's body
   * @param id what it made, named to the caller when the bodies differ
   */
  record Earlier<T>(T made, String fingerprint, String id) {}

  /**
   * @param replayed true when an earlier post with the key made it
   */
  record Outcome<T>(T made, boolean replayed) {}

  Outcome<T> once(
      PostKey key, String fingerprint, Supplier<Optional<Earlier<T>>> earlier, Supplier<T> make) {
    if (!inFlight.add(key)) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "A post with this Idempotency-Key is still being processed.");
    }
    try {
      Optional<Earlier<T>> first = earlier.get();
      if (first.isPresent()) {
        if (!first.get().fingerprint().equals(fingerprint)) {
          throw new ResponseStatusException(
              HttpStatus.UNPROCESSABLE_CONTENT,
              "This Idempotency-Key was used for another notice ("
                  + first.get().id()
                  + "); a new notice needs a new key.");
        }
        return new Outcome<>(first.get().made(), true);
      }
      return new Outcome<>(make.get(), false);
    } finally {
      inFlight.remove(key);
    }
  }
}
